use super::*;
use crate::{Due, DueCursor, DueQueue};

#[test]
fn a_record_expires_when_its_period_ends_without_a_transaction() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 10);
		run_to_block(10);
		assert_eq!(status(id), RecordStatus::Active);
		assert_eq!(score(enterprise()), 850);

		run_to_block(11);

		assert_eq!(status(id), RecordStatus::Expired);
		assert_eq!(score(enterprise()), 1000);
		assert_eq!(CreditRecords::credit_profile(enterprise()).active_records, 0);
		assert!(events().contains(&Event::RecordExpired { record: id, subject: enterprise() }));
		assert!(!DueQueue::<Test>::contains_key(11, (id, Due::Expiry)));
	});
}

#[test]
fn many_records_expiring_in_one_block_are_spread_over_blocks_in_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		// Seven records of three subjects, all ending at block 11; at most MAX_DUE (3) a block.
		let mut ids = vec![];
		for subject in [enterprise(), person()] {
			for _ in 0..3 {
				ids.push(recorded(subject, -10, 10));
			}
		}
		let mut extra_subject = [0u8; 32];
		extra_subject[0] = 7;
		let extra = SubjectId::from(extra_subject);
		civitas_primitives::testing::MockIdentity::set_subject(
			extra,
			civitas_primitives::SubjectKind::Person,
			true,
		);
		ids.push(recorded(extra, -10, 10));
		let expired = || ids.iter().filter(|id| status(**id) == RecordStatus::Expired).count();

		run_to_block(11);
		assert_eq!(expired(), 3);
		run_to_block(12);
		assert_eq!(expired(), 6);
		run_to_block(13);
		assert_eq!(expired(), 7);
		assert_eq!(DueQueue::<Test>::iter_prefix(11).count(), 0);
		assert_eq!(score(enterprise()), 1000);
		assert_eq!(score(person()), 1000);
		assert_eq!(score(extra), 1000);
		// The cursor has caught up with the chain.
		run_to_block(14);
		assert_eq!(DueCursor::<Test>::get(), Some(15));
	});
}

#[test]
fn the_hook_charges_for_the_work_it_does() {
	use crate::WeightInfo;
	use polkadot_sdk::frame_support::traits::Hooks;
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..2 {
			recorded(enterprise(), -10, 5);
		}
		run_to_block(5);
		System::set_block_number(6);
		assert_eq!(CreditRecords::on_initialize(6), <() as WeightInfo>::on_initialize(2, 1));
		System::set_block_number(7);
		assert_eq!(CreditRecords::on_initialize(7), <() as WeightInfo>::on_initialize(0, 1));
	});
}

#[test]
fn a_backlog_is_caught_up_a_bounded_number_of_blocks_at_a_time() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -10, 8);
		// The hook did not run for blocks 2..=9 (say, the pallet was added by an upgrade).
		DueCursor::<Test>::put(2);
		System::set_block_number(20);
		use polkadot_sdk::frame_support::traits::Hooks;
		CreditRecords::on_initialize(20);
		// MaxDueScan (4) blocks looked at: 2, 3, 4, 5.
		assert_eq!(DueCursor::<Test>::get(), Some(6));
		assert_eq!(status(id), RecordStatus::Active);
		CreditRecords::on_initialize(20);
		assert_eq!(status(id), RecordStatus::Expired);
	});
}

#[test]
fn an_objection_lapses_when_the_record_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 5);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		run_to_block(6);
		assert_eq!(status(id), RecordStatus::Expired);
		assert_eq!(CreditRecords::credit_profile(enterprise()).under_objection, 0);
		assert_noop!(
			CreditRecords::uphold(signed(AUDITOR), id, 1),
			Error::<Test>::NotUnderObjection
		);
		// Its deadline passes quietly.
		run_to_block(2 + OBJECTION_PERIOD);
		assert!(!events().iter().any(|e| matches!(e, Event::ObjectionEscalated { .. })));
	});
}

#[test]
fn a_revoked_or_rectified_record_does_not_expire_again() {
	ExtBuilder::default().build_and_execute(|| {
		let revoked = recorded(enterprise(), -10, 5);
		let rectified = recorded(enterprise(), -20, 5);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), revoked, 1));
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), rectified, evidence(2)));
		assert_ok!(CreditRecords::rectify(signed(AUDITOR), rectified, 1));
		run_to_block(10);
		assert_eq!(status(revoked), RecordStatus::Revoked);
		assert_eq!(status(rectified), RecordStatus::Rectified);
		assert!(!events().iter().any(|e| matches!(e, Event::RecordExpired { .. })));
	});
}
