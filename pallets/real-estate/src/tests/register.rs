use super::*;
use crate::{PropertiesOf, PropertyByCadastre};

#[test]
fn a_registrar_registers_a_property_with_its_owners() {
	ExtBuilder.build_and_execute(|| {
		let id = register("HD-02-0007", vec![(buyer(), 600), (co_buyer(), 400)]);
		assert_eq!(
			last_event(),
			Event::PropertyRegistered { property: id, department: REGISTRY, officer: REGISTRAR }
		);
		let property = Properties::<Test>::get(id).unwrap();
		assert_eq!(property.owners.into_inner(), vec![(buyer(), 600), (co_buyer(), 400)]);
		assert_eq!((property.status, property.version), (PropertyStatus::Active, 1));
		assert_eq!(PropertyByCadastre::<Test>::get(property.cadastral_ref), Some(id));
		assert_eq!(PropertiesOf::<Test>::get(co_buyer(), id), Some(400));
		assert_eq!(
			RealEstate::properties_of(buyer(), None, 10),
			vec![Holding { property: id, share: 600 }]
		);
		assert_eq!(ownership_history(id), vec![vec![(buyer(), 600), (co_buyer(), 400)]]);
	});
}

#[test]
fn registration_checks_the_cadastral_reference() {
	ExtBuilder.build_and_execute(|| {
		let owners = vec![(buyer(), 1000)];
		let reg = |cadastral: &[u8]| {
			RealEstate::register_property(
				signed(REGISTRAR),
				bounded(cadastral.to_vec()),
				H256::zero(),
				1,
				crate::Usage::Commercial,
				bounded(owners.clone()),
				H256::zero(),
			)
		};
		assert_noop!(reg(b""), Error::<Test>::CadastralRefEmpty);
		// Over `MaxCadastralLength`: no call decodes (call index 0); genesis is refused by name.
		let args = |cadastral: &[u8]| {
			(
				cadastral.to_vec(),
				H256::zero(),
				1u32,
				crate::Usage::Commercial,
				owners.clone(),
				H256::zero(),
			)
		};
		assert!(!call_decodes::<crate::Call<Test>>(0, args(&[b'x'; 17])));
		assert!(call_decodes::<crate::Call<Test>>(0, args(&[b'x'; 16])));
		let genesis = |cadastral: &[u8]| {
			let usage = crate::Usage::Commercial;
			RealEstate::do_register(
				cadastral.to_vec(),
				H256::zero(),
				1,
				usage,
				owners.clone(),
				H256::zero(),
				REGISTRY,
			)
		};
		assert_noop!(genesis(&[b'x'; 17]), Error::<Test>::MaxCadastralLengthExceeded);
		assert_noop!(reg(b"HD-01-0001"), Error::<Test>::CadastralRefAlreadyExists);
	});
}

#[test]
fn registration_checks_owners_and_shares() {
	ExtBuilder.build_and_execute(|| {
		let reg = |owners: Vec<(SubjectId, u16)>| {
			RealEstate::register_property(
				signed(REGISTRAR),
				bounded(b"HD-09-0001".to_vec()),
				H256::zero(),
				1,
				crate::Usage::Commercial,
				bounded(owners),
				H256::zero(),
			)
		};
		assert_noop!(reg(vec![]), Error::<Test>::OwnersEmpty);
		// More than `MaxOwners` owners: no call decodes; genesis is refused by name.
		let five: Vec<_> = (1..=5u8).map(|i| (H256::repeat_byte(i), 200u16)).collect();
		let args = |owners: &Vec<(SubjectId, u16)>| {
			(
				b"HD-09-0001".to_vec(),
				H256::zero(),
				1u32,
				crate::Usage::Commercial,
				owners.clone(),
				H256::zero(),
			)
		};
		assert!(!call_decodes::<crate::Call<Test>>(0, args(&five)));
		assert!(call_decodes::<crate::Call<Test>>(0, args(&five[..4].to_vec())));
		assert_noop!(
			RealEstate::do_register(
				b"HD-09-0001".to_vec(),
				H256::zero(),
				1,
				crate::Usage::Commercial,
				five,
				H256::zero(),
				REGISTRY
			),
			Error::<Test>::MaxOwnersExceeded
		);
		assert_noop!(reg(vec![(buyer(), 1000), (co_buyer(), 0)]), Error::<Test>::ShareZero);
		assert_noop!(reg(vec![(buyer(), 500), (co_buyer(), 499)]), Error::<Test>::SharesNotWhole);
		assert_noop!(reg(vec![(buyer(), 500), (buyer(), 500)]), Error::<Test>::DuplicateOwner);
		assert_noop!(reg(vec![(closed(), 1000)]), Error::<Test>::OwnerNotActive);
		assert_noop!(reg(vec![(H256::repeat_byte(0x77), 1000)]), Error::<Test>::OwnerNotActive);
	});
}

#[test]
fn only_a_land_registrar_registers() {
	ExtBuilder.build_and_execute(|| {
		let reg = |who| {
			RealEstate::register_property(
				signed(who),
				bounded(b"HD-09-0001".to_vec()),
				H256::zero(),
				1,
				crate::Usage::Commercial,
				bounded(vec![(buyer(), 1000)]),
				H256::zero(),
			)
		};
		assert_noop!(reg(OUTSIDER), NOT_OFFICER);
		assert_noop!(reg(BANKER), ROLE_NOT_HELD);
	});
}

#[test]
fn a_split_property_is_retired_naming_its_successors() {
	ExtBuilder.build_and_execute(|| {
		let east = register("HD-01-0001-E", vec![(seller(), 1000)]);
		let west = register("HD-01-0001-W", vec![(seller(), 1000)]);
		assert_ok!(RealEstate::retire_property(signed(REGISTRAR), FLAT, bounded(vec![east, west])));
		assert_eq!(
			last_event(),
			Event::PropertyRetired {
				property: FLAT,
				successors: vec![east, west].try_into().unwrap(),
				department: REGISTRY,
				officer: REGISTRAR,
			}
		);
		assert_eq!(status(FLAT), PropertyStatus::Retired);
		assert_eq!(
			RealEstate::properties_of(seller(), None, 10),
			vec![Holding { property: east, share: 1000 }, Holding { property: west, share: 1000 }]
		);
		// A retired property takes no further changes, and cannot succeed another.
		assert_noop!(
			RealEstate::retire_property(signed(REGISTRAR), FLAT, bounded(vec![east])),
			Error::<Test>::PropertyAlreadyRetired
		);
		assert_noop!(
			RealEstate::retire_property(signed(REGISTRAR), east, bounded(vec![FLAT])),
			Error::<Test>::InvalidSuccessor
		);
		assert_noop!(try_sale(), Error::<Test>::PropertyAlreadyRetired);
	});
}

#[test]
fn retiring_checks_successors_and_encumbrances() {
	ExtBuilder.build_and_execute(|| {
		let other = register("HD-01-0002", vec![(seller(), 1000)]);
		let retire = |successors: Vec<PropertyId>| {
			RealEstate::retire_property(signed(REGISTRAR), FLAT, bounded(successors))
		};
		assert_noop!(retire(vec![]), Error::<Test>::SuccessorsEmpty);
		// More than `MaxSuccessors` successors do not decode (call index 1).
		assert!(!call_decodes::<crate::Call<Test>>(1, (FLAT, vec![other; 4])));
		assert!(call_decodes::<crate::Call<Test>>(1, (FLAT, vec![other; 3])));
		assert_noop!(retire(vec![other, other]), Error::<Test>::InvalidSuccessor);
		assert_noop!(retire(vec![FLAT]), Error::<Test>::InvalidSuccessor);
		assert_noop!(retire(vec![42]), Error::<Test>::InvalidSuccessor);
		assert_noop!(
			RealEstate::retire_property(signed(REGISTRAR), 42, bounded(vec![other])),
			Error::<Test>::PropertyNotFound
		);
		open_sale();
		assert_noop!(retire(vec![other]), Error::<Test>::TransferAlreadyOpen);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_ok!(RealEstate::freeze(signed(JUDGE), FLAT, H256::repeat_byte(9)));
		assert_noop!(retire(vec![other]), Error::<Test>::PropertyUnderFreeze);
		assert_ok!(RealEstate::release_encumbrance(signed(JUDGE), FLAT, 0));
		let easement = crate::RegistrarEncumbrance::Easement { note: H256::zero() };
		assert_ok!(RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, easement));
		assert_noop!(retire(vec![other]), Error::<Test>::EncumbrancesOutstanding);
	});
}

#[test]
fn genesis_seeds_rules_requirements_and_the_flat() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(
			RealEstate::properties_of(seller(), None, 10),
			vec![Holding { property: FLAT, share: 1000 }]
		);
		assert_eq!(
			crate::RequiredLicences::<Test>::get(crate::Usage::Residential).into_inner(),
			vec![crate::LicenceKind::ConstructionCompletion]
		);
		let verification = RealEstate::verify_licence(FLAT, completion()).unwrap();
		assert_eq!((verification.licence.issuer, verification.valid_now), (HOUSING, true));
	});
}
