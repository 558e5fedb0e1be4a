use super::*;
use civitas_primitives::{testing::MockCredit, CreditCategory};

#[test]
fn a_clawback_cancels_milestones_returns_the_allocation_and_records_credit() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()));
		assert_eq!(research_money(), (1_000_000, 500_000, 300_000));

		assert_ok!(FundGrants::claw_back(signed(REVIEWER_2), id, H256::repeat_byte(0xcb), 100_000));
		assert_eq!(
			last_event(),
			Event::GrantClawedBack {
				application: id,
				returned: 200_000,
				to_recover: 100_000,
				reason: H256::repeat_byte(0xcb),
				credit_record: 0,
				department: SCIENCE,
				officer: REVIEWER_2,
			}
		);
		let app = application(id);
		assert_eq!((app.status, app.to_recover), (ApplicationStatus::ClawedBack, 100_000));
		assert_eq!(app.milestones[1].status, MilestoneStatus::Cancelled);
		assert!(matches!(app.milestones[0].status, MilestoneStatus::Paid(_)));
		// The unpaid 200,000 are back in the budget.
		assert_eq!(research_money(), (1_000_000, 300_000, 300_000));
		let record = MockCredit::records()[0];
		assert_eq!(
			(record.subject, record.department, record.category, record.score_delta, record.source),
			(lab(), SCIENCE, CreditCategory::GrantCompliance, -100, crate::CREDIT_SOURCE)
		);
		// Nothing more moves on the application.
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 1, H256::zero()),
			Error::<Test>::NotApproved
		);
	});
}

#[test]
fn clawback_is_checked() {
	ExtBuilder.build_and_execute(|| {
		let pending = lab_applies();
		assert_noop!(
			FundGrants::claw_back(signed(REVIEWER_1), pending, H256::zero(), 0),
			Error::<Test>::NotApproved
		);
		assert_ok!(FundGrants::review(signed(REVIEWER_1), pending, true, H256::zero()));
		assert_ok!(FundGrants::review(signed(REVIEWER_2), pending, true, H256::zero()));
		assert_noop!(
			FundGrants::claw_back(signed(REVIEWER_1), pending, H256::zero(), 1),
			Error::<Test>::RecoverExceedsPaid
		);
		assert_noop!(
			FundGrants::claw_back(signed(TREASURER), pending, H256::zero(), 0),
			ROLE_NOT_HELD
		);
		assert_noop!(
			FundGrants::claw_back(signed(OTHER_REVIEWER), pending, H256::zero(), 0),
			Error::<Test>::NotOnCommittee
		);
		assert_noop!(
			FundGrants::claw_back(signed(REVIEWER_1), 9, H256::zero(), 0),
			Error::<Test>::ApplicationNotFound
		);
		assert_ok!(FundGrants::claw_back(signed(REVIEWER_1), pending, H256::zero(), 0));
		assert_eq!(research_money(), (1_000_000, 0, 0));
		assert!(MockCredit::records().len() == 1);
	});
}

#[test]
fn a_completed_grant_is_clawed_back_without_touching_a_newer_application() {
	ExtBuilder.build_and_execute(|| {
		let id = completed();
		let newer = lab_applies();

		assert_ok!(FundGrants::claw_back(signed(REVIEWER_3), id, H256::repeat_byte(9), 500_000));
		assert_eq!(
			last_event(),
			Event::GrantClawedBack {
				application: id,
				returned: 0,
				to_recover: 500_000,
				reason: H256::repeat_byte(9),
				credit_record: 0,
				department: SCIENCE,
				officer: REVIEWER_3,
			}
		);
		assert_eq!(application(id).status, ApplicationStatus::ClawedBack);
		// Everything was paid: nothing returns to the budget.
		assert_eq!(research_money(), (1_000_000, 500_000, 500_000));
		// The newer application keeps its place.
		assert_eq!(crate::OpenApplications::<Test>::get(RESEARCH, lab()), Some(newer));
		assert_noop!(
			FundGrants::claw_back(signed(REVIEWER_3), id, H256::zero(), 0),
			Error::<Test>::NotApproved
		);
	});
}

#[test]
fn a_failing_credit_record_fails_the_clawback() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		// Credit records refuse records about unregistered subjects (the mock forgets the lab).
		civitas_primitives::testing::MockIdentity::forget(lab());
		assert_noop!(
			FundGrants::claw_back(signed(REVIEWER_1), id, H256::zero(), 0),
			polkadot_sdk::sp_runtime::DispatchError::Other("subject not registered")
		);
	});
}
