use super::*;
use crate::Profiles;
use civitas_primitives::{CreditProfile, CreditStanding};

#[test]
fn standing_follows_the_thresholds_and_changes_are_announced() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CreditRecords::standing(&enterprise()), CreditStanding::Normal);
		assert_eq!(CreditRecords::score(&enterprise()), 1000);

		recorded(enterprise(), -101, 100); // 899
		assert_eq!(CreditRecords::standing(&enterprise()), CreditStanding::Watch);
		assert_eq!(
			last_event(),
			Event::StandingChanged {
				subject: enterprise(),
				from: CreditStanding::Normal,
				to: CreditStanding::Watch,
				score: 899
			}
		);
		recorded(enterprise(), -200, 100); // 699
		assert_eq!(CreditRecords::standing(&enterprise()), CreditStanding::Restricted);

		recorded(person(), 100, 100); // 1100
		assert_eq!(CreditRecords::standing(&person()), CreditStanding::Commended);
		assert_eq!(CreditRecords::score(&person()), 1100);
	});
}

#[test]
fn the_score_is_clamped_but_the_sum_is_exact() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = (0..3).map(|_| recorded(person(), 200, 100)).collect();
		assert_eq!(score(person()), 1500);
		assert_eq!(Profiles::<Test>::get(person()).sum, 600);
		// Revoking one takes 200 off the sum, and the score is still at the ceiling.
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), ids[0], 1));
		assert_eq!(score(person()), 1400);

		let ids: Vec<_> = (0..3).map(|_| recorded(enterprise(), -200, 100)).collect();
		assert_eq!(score(enterprise()), 400);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), ids[0], 1));
		assert_eq!(score(enterprise()), 600);
	});
}

#[test]
fn a_subject_without_records_has_the_baseline() {
	ExtBuilder::default().build_and_execute(|| {
		let profile = CreditRecords::credit_profile(dissolved());
		assert_eq!((profile.score, profile.standing), (1000, CreditStanding::Normal));
		assert_eq!((profile.active_records, profile.under_objection), (0, 0));
		assert!(CreditRecords::records_of(dissolved()).is_empty());
	});
}

#[test]
fn records_of_lists_records_with_their_objections_oldest_first() {
	ExtBuilder::default().build_and_execute(|| {
		let first = recorded(enterprise(), -10, 100);
		let second = recorded(enterprise(), -20, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), second, evidence(2)));
		let listed = CreditRecords::records_of(enterprise());
		assert_eq!(listed.iter().map(|r| r.id).collect::<Vec<_>>(), vec![first, second]);
		assert!(listed[0].objection.is_none());
		assert_eq!(listed[1].objection.as_ref().unwrap().account, ENTERPRISE_ACCOUNT);
		assert_eq!(CreditRecords::record_info(first).unwrap().record.score_delta, -10);
		assert!(CreditRecords::record_info(99).is_none());
	});
}

#[test]
fn genesis_records_count_from_the_start() {
	ExtBuilder::default().with_record(enterprise(), -150, 30).build_and_execute(|| {
		assert_eq!(score(enterprise()), 850);
		assert_eq!(status(0), RecordStatus::Active);
		run_to_block(31);
		assert_eq!(status(0), RecordStatus::Expired);
		assert_eq!(score(enterprise()), 1000);
	});
}
