use super::*;
use crate::{EncumbranceKind, Encumbrances, MortgageRequests, RegistrarEncumbrance};

fn mortgage(banker: u64, bank: u32, amount: u128) {
	assert_ok!(RealEstate::request_mortgage(signed(banker), FLAT, amount, H256::repeat_byte(4)));
	assert_ok!(RealEstate::register_mortgage(signed(REGISTRAR), FLAT, bank));
}

fn ranks() -> Vec<(u32, u8)> {
	Encumbrances::<Test>::get(FLAT)
		.iter()
		.filter_map(|e| match e.kind {
			EncumbranceKind::Mortgage { lender, rank, .. } => Some((lender, rank)),
			_ => None,
		})
		.collect()
}

#[test]
fn a_mortgage_needs_the_bank_and_the_registrar() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK),
			Error::<Test>::MortgageRequestNotFound
		);
		assert_ok!(RealEstate::request_mortgage(
			signed(BANKER),
			FLAT,
			900_000,
			H256::repeat_byte(4)
		));
		assert_eq!(
			last_event(),
			Event::MortgageRequested {
				property: FLAT,
				lender: BANK,
				amount: 900_000,
				officer: BANKER
			}
		);
		assert_noop!(
			RealEstate::request_mortgage(signed(BANKER), FLAT, 1, H256::zero()),
			Error::<Test>::MortgageAlreadyRequested
		);
		assert_noop!(RealEstate::register_mortgage(signed(BANKER), FLAT, BANK), ROLE_NOT_HELD);
		assert_ok!(RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK));
		let Event::EncumbranceRegistered { encumbrance, department, officer, .. } = last_event()
		else {
			panic!("a registration event")
		};
		assert_eq!(
			encumbrance.kind,
			EncumbranceKind::Mortgage { lender: BANK, amount: 900_000, rank: 1 }
		);
		assert_eq!((department, officer), (REGISTRY, REGISTRAR));
		assert!(!MortgageRequests::<Test>::contains_key(FLAT, BANK));
		assert_eq!(Properties::<Test>::get(FLAT).unwrap().version, 2);
	});
}

#[test]
fn mortgage_requests_are_checked() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			RealEstate::request_mortgage(signed(BANKER), FLAT, 0, H256::zero()),
			Error::<Test>::AmountZero
		);
		assert_noop!(
			RealEstate::request_mortgage(signed(REGISTRAR), FLAT, 1, H256::zero()),
			ROLE_NOT_HELD
		);
		assert_noop!(
			RealEstate::request_mortgage(signed(BANKER), 42, 1, H256::zero()),
			Error::<Test>::PropertyNotFound
		);
		// The bank lost its lending licence before the registrar acted.
		assert_ok!(RealEstate::request_mortgage(signed(BANKER), FLAT, 1, H256::zero()));
		civitas_primitives::testing::MockRoles::revoke(BANK, civitas_primitives::Role::Lender);
		assert_noop!(
			RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK),
			Error::<Test>::NotLender
		);
	});
}

#[test]
fn mortgages_are_ranked_and_juniors_move_up() {
	ExtBuilder.build_and_execute(|| {
		mortgage(BANKER, BANK, 900_000);
		mortgage(BANKER_2, BANK_2, 100_000);
		assert_eq!(ranks(), vec![(BANK, 1), (BANK_2, 2)]);
		// Only the bank (or a court) releases its mortgage.
		assert_noop!(
			RealEstate::release_encumbrance(signed(BANKER_2), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		assert_noop!(
			RealEstate::release_encumbrance(signed(REGISTRAR), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		assert_noop!(
			RealEstate::release_encumbrance(signed(OUTSIDER), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		assert_ok!(RealEstate::release_encumbrance(signed(BANKER), FLAT, 0));
		assert_eq!(
			last_event(),
			Event::EncumbranceReleased {
				property: FLAT,
				encumbrance: 0,
				department: BANK,
				officer: BANKER
			}
		);
		assert_eq!(ranks(), vec![(BANK_2, 1)]);
		// A court order releases the other.
		assert_ok!(RealEstate::release_encumbrance(signed(JUDGE), FLAT, 1));
		assert!(Encumbrances::<Test>::get(FLAT).is_empty());
		assert_noop!(
			RealEstate::release_encumbrance(signed(JUDGE), FLAT, 1),
			Error::<Test>::EncumbranceNotFound
		);
	});
}

#[test]
fn a_freeze_blocks_new_mortgages_until_its_court_lifts_it() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(RealEstate::request_mortgage(signed(BANKER), FLAT, 1, H256::zero()));
		assert_ok!(RealEstate::freeze(signed(JUDGE), FLAT, H256::repeat_byte(0xca)));
		assert_eq!(status(FLAT), PropertyStatus::Frozen);
		assert_noop!(
			RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK),
			Error::<Test>::PropertyUnderFreeze
		);
		assert_noop!(
			RealEstate::request_mortgage(signed(BANKER_2), FLAT, 1, H256::zero()),
			Error::<Test>::PropertyUnderFreeze
		);
		assert_noop!(RealEstate::freeze(signed(BANKER), FLAT, H256::zero()), ROLE_NOT_HELD);
		// A second court's freeze: lifting the first keeps the property frozen.
		assert_ok!(RealEstate::freeze(signed(JUDGE_2), FLAT, H256::repeat_byte(0xcb)));
		assert_noop!(
			RealEstate::release_encumbrance(signed(JUDGE_2), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		assert_ok!(RealEstate::release_encumbrance(signed(JUDGE), FLAT, 0));
		assert_eq!(status(FLAT), PropertyStatus::Frozen);
		assert_ok!(RealEstate::release_encumbrance(signed(JUDGE_2), FLAT, 1));
		assert_eq!(status(FLAT), PropertyStatus::Active);
		assert_ok!(RealEstate::register_mortgage(signed(REGISTRAR), FLAT, BANK));
	});
}

#[test]
fn leases_and_easements_are_registered_and_released_by_the_registrar() {
	ExtBuilder.build_and_execute(|| {
		let lease = RegistrarEncumbrance::Lease { lessee: buyer(), until: 500 };
		assert_ok!(RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, lease));
		assert_noop!(
			RealEstate::register_encumbrance(
				signed(REGISTRAR),
				FLAT,
				RegistrarEncumbrance::Lease { lessee: buyer(), until: 1 }
			),
			Error::<Test>::LeaseEndInPast
		);
		assert_noop!(
			RealEstate::register_encumbrance(
				signed(REGISTRAR),
				FLAT,
				RegistrarEncumbrance::Lease { lessee: closed(), until: 500 }
			),
			Error::<Test>::OwnerNotActive
		);
		let easement = RegistrarEncumbrance::Easement { note: H256::repeat_byte(6) };
		for _ in 0..3 {
			assert_ok!(RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, easement));
		}
		assert_noop!(
			RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, easement),
			Error::<Test>::MaxEncumbrancesExceeded
		);
		assert_noop!(
			RealEstate::release_encumbrance(signed(BANKER), FLAT, 0),
			Error::<Test>::NotReleaser
		);
		assert_ok!(RealEstate::release_encumbrance(signed(REGISTRAR), FLAT, 0));
		assert_eq!(Encumbrances::<Test>::get(FLAT).len(), 3);
		// Numbers are never reused.
		assert_ok!(RealEstate::register_encumbrance(signed(REGISTRAR), FLAT, easement));
		assert_eq!(Encumbrances::<Test>::get(FLAT).last().unwrap().id, 4);
	});
}

#[test]
fn the_history_keeps_every_encumbrance_change() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(RealEstate::freeze(signed(JUDGE), FLAT, H256::repeat_byte(0xca)));
		assert_ok!(RealEstate::release_encumbrance(signed(JUDGE), FLAT, 0));
		let history = RealEstate::title_history(FLAT, None, 10);
		assert_eq!(history.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![0, 1, 2]);
		assert!(matches!(history[1].change, TitleChangeInfo::Encumbered { .. }));
		assert_eq!(history[2].change, TitleChangeInfo::Released { encumbrance: 0 });
		assert_eq!(history[2].department, COURT);
		// Paging: after the last sequence number seen.
		assert_eq!(RealEstate::title_history(FLAT, Some(1), 10).len(), 1);
		assert_eq!(RealEstate::title_history(FLAT, Some(0), 1)[0].seq, 1);
		assert!(RealEstate::title_history(FLAT, Some(2), 10).is_empty());
		assert!(RealEstate::title_history(FLAT, Some(u32::MAX), 10).is_empty());
	});
}
