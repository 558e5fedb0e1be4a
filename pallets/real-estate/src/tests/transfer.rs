use super::*;
use crate::{ConsentEvidence, Party, PropertiesOf, Transfers};
use civitas_primitives::testing::{MockIdentity, MockRoles};

#[test]
fn a_sale_completes_once_both_sides_consent() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		let buyers = vec![(buyer(), 1000)];
		let terms = crate::transfer_terms(0, FLAT, &buyers, 200_000_000, &H256::repeat_byte(0xde));
		assert_eq!(
			last_event(),
			Event::TransferOpened {
				property: FLAT,
				transfer: 0,
				terms,
				buyers: buyers.try_into().unwrap(),
				price: 200_000_000,
				deed: H256::repeat_byte(0xde),
				expires_at: 1 + TRANSFER_PERIOD,
				department: REGISTRY,
				officer: REGISTRAR,
			}
		);
		assert_eq!(named(FLAT), (0, terms));
		assert_ok!(consent(SELLER_ACCOUNT, FLAT));
		assert_eq!(
			last_event(),
			Event::ConsentGiven {
				property: FLAT,
				transfer: 0,
				party: Party::Subject(seller()),
				evidence: ConsentEvidence::Signed,
				by: SELLER_ACCOUNT,
			}
		);
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR_2), FLAT, H256::repeat_byte(3)),
			Error::<Test>::ConsentMissing
		);
		assert_ok!(consent(BUYER_ACCOUNT, FLAT));

		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR_2), FLAT, H256::repeat_byte(3)));
		assert_eq!(
			last_event(),
			Event::TransferCompleted {
				property: FLAT,
				transfer: 0,
				title_certificate: H256::repeat_byte(3),
				department: REGISTRY,
				officer: REGISTRAR_2,
			}
		);
		let flat = Properties::<Test>::get(FLAT).unwrap();
		assert_eq!(flat.owners.into_inner(), vec![(buyer(), 1000)]);
		assert_eq!(flat.title_certificate, H256::repeat_byte(3));
		assert!(!Transfers::<Test>::contains_key(FLAT));
		assert_eq!(PropertiesOf::<Test>::get(seller(), FLAT), None);
		assert_eq!(PropertiesOf::<Test>::get(buyer(), FLAT), Some(1000));
		assert_eq!(ownership_history(FLAT), vec![vec![(seller(), 1000)], vec![(buyer(), 1000)]]);
	});
}

#[test]
fn a_registrar_records_the_consent_of_a_buyer_without_keys() {
	ExtBuilder.build_and_execute(|| {
		open_joint_sale();
		both_consent();
		assert_noop!(complete(FLAT), Error::<Test>::ConsentMissing);
		assert_ok!(record(REGISTRAR, FLAT, co_buyer()));
		assert_eq!(
			last_event(),
			Event::ConsentGiven {
				property: FLAT,
				transfer: 0,
				party: Party::Subject(co_buyer()),
				evidence: ConsentEvidence::Recorded(H256::repeat_byte(7)),
				by: REGISTRAR,
			}
		);
		assert_ok!(complete(FLAT));
		assert_eq!(
			RealEstate::properties_of(co_buyer(), None, 10),
			vec![Holding { property: FLAT, share: 500 }]
		);
	});
}

#[test]
fn consent_fails_for_strangers_and_twice() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			RealEstate::consent(signed(SELLER_ACCOUNT), FLAT, 0, H256::zero()),
			Error::<Test>::TransferNotFound
		);
		open_sale();
		assert_noop!(consent(OUTSIDER, FLAT), Error::<Test>::NotAParty);
		// A bank without a mortgage on the flat is no party either.
		assert_noop!(consent(BANKER, FLAT), Error::<Test>::NotAParty);
		assert_noop!(record(REGISTRAR, FLAT, co_buyer()), Error::<Test>::NotAParty);
		assert_ok!(consent(SELLER_ACCOUNT, FLAT));
		assert_noop!(consent(SELLER_ACCOUNT, FLAT), Error::<Test>::AlreadyConsented);
	});
}

#[test]
fn a_mortgage_holder_must_consent_too() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(RealEstate::request_mortgage(signed(BANKER), FLAT, 1_000_000, H256::zero()));
		assert_ok!(RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK));
		open_sale();
		both_consent();
		let blockers = RealEstate::transfer_status(FLAT).unwrap().blockers;
		assert_eq!(blockers.missing_consents, vec![Party::Lender(BANK)]);
		assert_noop!(complete(FLAT), Error::<Test>::ConsentMissing);
		assert_ok!(consent(BANKER, FLAT));
		assert_ok!(complete(FLAT));
		// The mortgage stays on the property.
		assert_eq!(crate::Encumbrances::<Test>::get(FLAT).len(), 1);
	});
}

#[test]
fn transfer_fails_while_frozen() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		assert_ok!(RealEstate::freeze(signed(JUDGE), FLAT, H256::repeat_byte(0xca)));
		assert_noop!(complete(FLAT), Error::<Test>::PropertyUnderFreeze);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_noop!(try_sale(), Error::<Test>::PropertyUnderFreeze);
	});
}

#[test]
fn transfer_needs_the_required_licences_valid() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		assert_ok!(RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()));
		assert_noop!(complete(FLAT), Error::<Test>::LicenceMissing);
		let blockers = RealEstate::transfer_status(FLAT).unwrap().blockers;
		assert_eq!(blockers.missing_licences, vec![crate::LicenceKind::ConstructionCompletion]);
		assert_ok!(RealEstate::issue_licence(
			signed(HOUSING_OFFICER),
			FLAT,
			crate::LicenceKind::ConstructionCompletion,
			H256::repeat_byte(0xc1),
			Some(50),
		));
		assert_ok!(complete(FLAT));
	});
}

#[test]
fn a_stale_transfer_cannot_complete_and_is_replaced() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		System::set_block_number(2 + TRANSFER_PERIOD);
		assert_noop!(complete(FLAT), Error::<Test>::TransferAlreadyExpired);
		assert_noop!(consent(SELLER_ACCOUNT, FLAT), Error::<Test>::TransferAlreadyExpired);
		open_sale();
		let lapsed = Event::TransferLapsed { property: FLAT, transfer: 0 };
		assert!(System::events()
			.iter()
			.any(|r| r.event == RuntimeEvent::RealEstate(lapsed.clone())));
		// The new transfer starts without consents.
		assert!(Transfers::<Test>::get(FLAT).unwrap().consents.is_empty());
	});
}

#[test]
fn open_transfer_checks_its_input() {
	ExtBuilder.build_and_execute(|| {
		let open = |buyers: Vec<(SubjectId, u16)>, price| {
			RealEstate::open_transfer(signed(REGISTRAR), FLAT, bounded(buyers), price, H256::zero())
		};
		assert_noop!(open(vec![(buyer(), 1000)], 0), Error::<Test>::PriceZero);
		assert_noop!(open(vec![(buyer(), 999)], 1), Error::<Test>::SharesNotWhole);
		assert_noop!(open(vec![(closed(), 1000)], 1), Error::<Test>::OwnerNotActive);
		assert_noop!(
			RealEstate::open_transfer(
				signed(REGISTRAR),
				42,
				bounded(vec![(buyer(), 1000)]),
				1,
				H256::zero()
			),
			Error::<Test>::PropertyNotFound
		);
		assert_noop!(
			RealEstate::open_transfer(
				signed(BANKER),
				FLAT,
				bounded(vec![(buyer(), 1000)]),
				1,
				H256::zero()
			),
			ROLE_NOT_HELD
		);
		open_sale();
		assert_noop!(open(vec![(buyer(), 1000)], 1), Error::<Test>::TransferAlreadyOpen);
	});
}

#[test]
fn a_buyer_closed_before_completion_stops_the_transfer() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		civitas_primitives::testing::MockIdentity::set_subject(
			buyer(),
			civitas_primitives::SubjectKind::Person,
			false,
		);
		assert_noop!(complete(FLAT), Error::<Test>::OwnerNotActive);
	});
}

#[test]
fn cancel_needs_an_open_transfer_and_a_registrar() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			RealEstate::cancel_transfer(signed(REGISTRAR), FLAT),
			Error::<Test>::TransferNotFound
		);
		open_sale();
		assert_noop!(RealEstate::cancel_transfer(signed(OUTSIDER), FLAT), NOT_OFFICER);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_eq!(
			last_event(),
			Event::TransferCancelled {
				property: FLAT,
				transfer: 0,
				department: REGISTRY,
				officer: REGISTRAR
			}
		);
		assert_noop!(complete(FLAT), Error::<Test>::TransferNotFound);
	});
}

#[test]
fn an_inactive_party_cannot_consent() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		civitas_primitives::testing::MockIdentity::set_active(buyer(), false);
		assert_noop!(consent(BUYER_ACCOUNT, FLAT), Error::<Test>::PartyNotActive);
		assert_ok!(consent(SELLER_ACCOUNT, FLAT));
	});
}

#[test]
fn a_consent_names_the_transfer_and_its_terms() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		let (first, terms) = named(FLAT);
		assert_noop!(
			RealEstate::consent(signed(SELLER_ACCOUNT), FLAT, first, H256::repeat_byte(1)),
			Error::<Test>::TermsMismatch
		);
		assert_ok!(RealEstate::consent(signed(SELLER_ACCOUNT), FLAT, first, terms));

		// Cancelled and reopened on the same terms: a new number, no consents carried over, and
		// a consent signed for the first transfer counts for nothing.
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		open_sale();
		let (second, new_terms) = named(FLAT);
		assert_eq!(second, first + 1);
		assert_ne!(new_terms, terms);
		assert!(Transfers::<Test>::get(FLAT).unwrap().consents.is_empty());
		assert_noop!(
			RealEstate::consent(signed(BUYER_ACCOUNT), FLAT, first, terms),
			Error::<Test>::TransferMismatch
		);
		assert_noop!(
			RealEstate::record_consent(
				signed(REGISTRAR),
				FLAT,
				first,
				terms,
				co_buyer(),
				H256::zero()
			),
			Error::<Test>::TransferMismatch
		);
		let blockers = RealEstate::transfer_status(FLAT).unwrap().blockers;
		assert_eq!(
			blockers.missing_consents,
			vec![Party::Subject(seller()), Party::Subject(buyer())]
		);
	});
}

#[test]
fn a_registrar_consents_only_for_an_active_party_without_keys() {
	ExtBuilder.build_and_execute(|| {
		open_joint_sale();
		// The seller and the buyer have linked accounts: they sign themselves.
		assert_noop!(record(REGISTRAR, FLAT, seller()), Error::<Test>::PartyHasKeys);
		assert_noop!(record(REGISTRAR, FLAT, buyer()), Error::<Test>::PartyHasKeys);
		MockIdentity::set_active(co_buyer(), false);
		assert_noop!(record(REGISTRAR, FLAT, co_buyer()), Error::<Test>::PartyNotActive);
		MockIdentity::set_active(co_buyer(), true);
		// Another district's registry does not act on this property.
		assert_noop!(record(OTHER_REGISTRAR, FLAT, co_buyer()), Error::<Test>::NotPropertyRegistry);
		assert_ok!(record(REGISTRAR, FLAT, co_buyer()));
		assert_noop!(record(REGISTRAR_2, FLAT, co_buyer()), Error::<Test>::AlreadyConsented);
	});
}

#[test]
fn completing_needs_a_second_officer() {
	ExtBuilder.build_and_execute(|| {
		open_joint_sale();
		both_consent();
		// The officer who recorded a consent may not complete either.
		assert_ok!(record(REGISTRAR_2, FLAT, co_buyer()));
		for officer in [REGISTRAR, REGISTRAR_2] {
			assert_noop!(
				RealEstate::complete_transfer(signed(officer), FLAT, H256::zero()),
				Error::<Test>::SecondOfficerRequired
			);
		}
		assert_noop!(
			RealEstate::complete_transfer(signed(OTHER_REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::NotPropertyRegistry
		);
		// A third officer of the registry completes.
		MockRoles::add_officer(19, REGISTRY);
		assert_ok!(RealEstate::complete_transfer(signed(19), FLAT, H256::zero()));
	});
}

#[test]
fn only_the_property_registry_acts_on_it_until_governance_moves_it() {
	ExtBuilder.build_and_execute(|| {
		let other = signed(OTHER_REGISTRAR);
		let sale = |origin| {
			RealEstate::open_transfer(origin, FLAT, bounded(vec![(buyer(), 1000)]), 1, H256::zero())
		};
		assert_noop!(sale(other.clone()), Error::<Test>::NotPropertyRegistry);
		assert_noop!(
			RealEstate::retire_property(other.clone(), FLAT, bounded(vec![1])),
			Error::<Test>::NotPropertyRegistry
		);
		let easement = crate::RegistrarEncumbrance::Easement { note: H256::zero() };
		assert_noop!(
			RealEstate::register_encumbrance(other.clone(), FLAT, easement),
			Error::<Test>::NotPropertyRegistry
		);
		assert_ok!(RealEstate::request_mortgage(signed(BANKER), FLAT, 1_000, H256::zero()));
		assert_noop!(
			RealEstate::register_mortgage(other.clone(), FLAT, BANK),
			Error::<Test>::NotPropertyRegistry
		);
		assert_ok!(RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, easement));
		assert_noop!(
			RealEstate::release_encumbrance(other.clone(), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		open_sale();
		assert_noop!(
			RealEstate::cancel_transfer(other.clone(), FLAT),
			Error::<Test>::NotPropertyRegistry
		);

		// Governance moves the flat, not while a transfer is open, and only to a registry.
		let root: RuntimeOrigin = RawOrigin::Root.into();
		assert_noop!(
			RealEstate::set_registry(root.clone(), FLAT, OTHER_REGISTRY),
			Error::<Test>::TransferAlreadyOpen
		);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_noop!(
			RealEstate::set_registry(root.clone(), FLAT, BANK),
			Error::<Test>::NotARegistrar
		);
		assert_noop!(
			RealEstate::set_registry(signed(REGISTRAR), FLAT, OTHER_REGISTRY),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(RealEstate::set_registry(root, FLAT, OTHER_REGISTRY));
		assert_eq!(
			last_event(),
			Event::RegistryChanged { property: FLAT, from: REGISTRY, to: OTHER_REGISTRY }
		);
		assert_noop!(sale(signed(REGISTRAR)), Error::<Test>::NotPropertyRegistry);
		assert_ok!(sale(other.clone()));
		assert_ok!(RealEstate::release_encumbrance(other, FLAT, 0));
	});
}
