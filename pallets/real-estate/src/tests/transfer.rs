use super::*;
use crate::{ConsentEvidence, Party, PropertiesOf, Transfers};

#[test]
fn a_sale_completes_once_both_sides_consent() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		assert_eq!(
			last_event(),
			Event::TransferOpened {
				property: FLAT,
				buyers: vec![(buyer(), 1000)].try_into().unwrap(),
				expires_at: 1 + TRANSFER_PERIOD,
				department: REGISTRY,
				officer: REGISTRAR,
			}
		);
		assert_ok!(RealEstate::consent(signed(SELLER_ACCOUNT), FLAT));
		assert_eq!(
			last_event(),
			Event::ConsentGiven {
				property: FLAT,
				party: Party::Subject(seller()),
				evidence: ConsentEvidence::Signed,
				by: SELLER_ACCOUNT,
			}
		);
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::repeat_byte(3)),
			Error::<Test>::ConsentMissing
		);
		assert_ok!(RealEstate::consent(signed(BUYER_ACCOUNT), FLAT));

		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::repeat_byte(3)));
		assert_eq!(
			last_event(),
			Event::TransferCompleted {
				property: FLAT,
				title_certificate: H256::repeat_byte(3),
				department: REGISTRY,
				officer: REGISTRAR,
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
		assert_ok!(RealEstate::open_transfer(
			signed(REGISTRAR),
			FLAT,
			vec![(buyer(), 500), (co_buyer(), 500)],
			1_000,
			H256::zero(),
		));
		both_consent();
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::ConsentMissing
		);
		assert_ok!(RealEstate::record_consent(
			signed(REGISTRAR),
			FLAT,
			co_buyer(),
			H256::repeat_byte(7)
		));
		assert_eq!(
			last_event(),
			Event::ConsentGiven {
				property: FLAT,
				party: Party::Subject(co_buyer()),
				evidence: ConsentEvidence::Recorded(H256::repeat_byte(7)),
				by: REGISTRAR,
			}
		);
		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()));
		assert_eq!(RealEstate::properties_of(co_buyer(), None, 10), vec![(FLAT, 500)]);
	});
}

#[test]
fn consent_fails_for_strangers_and_twice() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(RealEstate::consent(signed(SELLER_ACCOUNT), FLAT), Error::<Test>::NoTransfer);
		open_sale();
		assert_noop!(RealEstate::consent(signed(OUTSIDER), FLAT), Error::<Test>::NotAParty);
		// A bank without a mortgage on the flat is no party either.
		assert_noop!(RealEstate::consent(signed(BANKER), FLAT), Error::<Test>::NotAParty);
		assert_noop!(
			RealEstate::record_consent(signed(REGISTRAR), FLAT, co_buyer(), H256::zero()),
			Error::<Test>::NotAParty
		);
		assert_ok!(RealEstate::consent(signed(SELLER_ACCOUNT), FLAT));
		assert_noop!(
			RealEstate::consent(signed(SELLER_ACCOUNT), FLAT),
			Error::<Test>::AlreadyConsented
		);
		assert_noop!(
			RealEstate::record_consent(signed(REGISTRAR), FLAT, seller(), H256::zero()),
			Error::<Test>::AlreadyConsented
		);
	});
}

#[test]
fn a_mortgage_holder_must_consent_too() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(RealEstate::request_mortgage(signed(BANKER), FLAT, 1_000_000, H256::zero()));
		assert_ok!(RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK));
		open_sale();
		both_consent();
		let (_, blockers) = RealEstate::transfer_status(FLAT).unwrap();
		assert_eq!(blockers.missing_consents, vec![Party::Lender(BANK)]);
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::ConsentMissing
		);
		assert_ok!(RealEstate::consent(signed(BANKER), FLAT));
		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()));
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
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::PropertyFrozen
		);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_noop!(try_sale(), Error::<Test>::PropertyFrozen);
	});
}

#[test]
fn transfer_needs_the_required_licences_valid() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		assert_ok!(RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()));
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::LicenceMissing
		);
		let (_, blockers) = RealEstate::transfer_status(FLAT).unwrap();
		assert_eq!(blockers.missing_licences, vec![crate::LicenceKind::ConstructionCompletion]);
		assert_ok!(RealEstate::issue_licence(
			signed(HOUSING_OFFICER),
			FLAT,
			crate::LicenceKind::ConstructionCompletion,
			H256::repeat_byte(0xc1),
			Some(50),
		));
		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()));
	});
}

#[test]
fn a_stale_transfer_cannot_complete_and_is_replaced() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		both_consent();
		System::set_block_number(2 + TRANSFER_PERIOD);
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::TransferExpired
		);
		assert_noop!(
			RealEstate::consent(signed(SELLER_ACCOUNT), FLAT),
			Error::<Test>::TransferExpired
		);
		open_sale();
		assert!(System::events()
			.iter()
			.any(|r| r.event == RuntimeEvent::RealEstate(Event::TransferLapsed { property: FLAT })));
		// The new transfer starts without consents.
		assert!(Transfers::<Test>::get(FLAT).unwrap().consents.is_empty());
	});
}

#[test]
fn open_transfer_checks_its_input() {
	ExtBuilder.build_and_execute(|| {
		let open = |buyers: Vec<(SubjectId, u16)>, price| {
			RealEstate::open_transfer(signed(REGISTRAR), FLAT, buyers, price, H256::zero())
		};
		assert_noop!(open(vec![(buyer(), 1000)], 0), Error::<Test>::PriceZero);
		assert_noop!(open(vec![(buyer(), 999)], 1), Error::<Test>::SharesNotWhole);
		assert_noop!(open(vec![(closed(), 1000)], 1), Error::<Test>::OwnerNotActive);
		assert_noop!(
			RealEstate::open_transfer(
				signed(REGISTRAR),
				42,
				vec![(buyer(), 1000)],
				1,
				H256::zero()
			),
			Error::<Test>::PropertyNotFound
		);
		assert_noop!(
			RealEstate::open_transfer(signed(BANKER), FLAT, vec![(buyer(), 1000)], 1, H256::zero()),
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
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::OwnerNotActive
		);
	});
}

#[test]
fn cancel_needs_an_open_transfer_and_a_registrar() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			RealEstate::cancel_transfer(signed(REGISTRAR), FLAT),
			Error::<Test>::NoTransfer
		);
		open_sale();
		assert_noop!(RealEstate::cancel_transfer(signed(OUTSIDER), FLAT), NOT_OFFICER);
		assert_ok!(RealEstate::cancel_transfer(signed(REGISTRAR), FLAT));
		assert_eq!(
			last_event(),
			Event::TransferCancelled { property: FLAT, department: REGISTRY, officer: REGISTRAR }
		);
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::NoTransfer
		);
	});
}

#[test]
fn an_inactive_party_cannot_consent() {
	ExtBuilder.build_and_execute(|| {
		open_sale();
		civitas_primitives::testing::MockIdentity::set_active(buyer(), false);
		assert_noop!(
			RealEstate::consent(signed(BUYER_ACCOUNT), FLAT),
			Error::<Test>::PartyInactive
		);
		assert_ok!(RealEstate::consent(signed(SELLER_ACCOUNT), FLAT));
	});
}
