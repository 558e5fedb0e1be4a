use super::*;

#[test]
fn a_milestone_is_submitted_approved_and_paid() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		assert_ok!(FundGrants::submit_milestone(
			signed(LAB_ACCOUNT),
			id,
			0,
			H256::repeat_byte(0xe0)
		));
		assert_eq!(
			last_event(),
			Event::MilestoneSubmitted {
				application: id,
				index: 0,
				evidence: H256::repeat_byte(0xe0),
				account: LAB_ACCOUNT,
			}
		);
		assert_noop!(
			FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()),
			Error::<Test>::MilestoneNotApproved
		);
		assert_ok!(FundGrants::approve_milestone(signed(REVIEWER_3), id, 0));
		assert_eq!(
			last_event(),
			Event::MilestoneApproved {
				application: id,
				index: 0,
				department: SCIENCE,
				officer: REVIEWER_3
			}
		);
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::repeat_byte(0xbb)));
		assert_eq!(
			last_event(),
			Event::MilestonePaid {
				application: id,
				index: 0,
				amount: 300_000,
				reference: H256::repeat_byte(0xbb),
				department: FINANCE,
				officer: TREASURER,
			}
		);
		assert_eq!(
			application(id).milestones[0].status,
			MilestoneStatus::Paid(H256::repeat_byte(0xbb))
		);
		assert_eq!(application(id).paid, 300_000);
		assert_eq!(research_money(), (1_000_000, 500_000, 300_000));
		assert_noop!(
			FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()),
			Error::<Test>::AlreadyPaid
		);
	});
}

#[test]
fn the_last_payout_completes_the_application() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()));
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 1, H256::zero()));
		assert_ok!(FundGrants::approve_milestone(signed(REVIEWER_1), id, 1));
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 1, H256::zero()));
		assert_eq!(last_event(), Event::ApplicationCompleted { application: id });
		assert_eq!(application(id).status, ApplicationStatus::Completed);
		assert_eq!(research_money(), (1_000_000, 500_000, 500_000));
		// The lab may apply again.
		assert_ok!(FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])));
	});
}

#[test]
fn milestones_go_in_order() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 1, H256::zero()),
			Error::<Test>::MilestoneOutOfOrder
		);
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 2, H256::zero()),
			Error::<Test>::MilestoneNotFound
		);
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()));
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()),
			Error::<Test>::MilestoneNotOpen
		);
		assert_noop!(
			FundGrants::submit_milestone(signed(RESEARCHER_ACCOUNT), id, 0, H256::zero()),
			Error::<Test>::NotApplicant
		);
	});
}

#[test]
fn a_rejected_milestone_is_submitted_again() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		assert_noop!(
			FundGrants::approve_milestone(signed(REVIEWER_1), id, 0),
			Error::<Test>::MilestoneNotSubmitted
		);
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()));
		assert_noop!(
			FundGrants::reject_milestone(signed(OTHER_REVIEWER), id, 0, H256::zero()),
			Error::<Test>::NotOnCommittee
		);
		assert_noop!(
			FundGrants::approve_milestone(signed(REVIEWER_1), id, 5),
			Error::<Test>::MilestoneNotFound
		);
		assert_ok!(FundGrants::reject_milestone(
			signed(REVIEWER_1),
			id,
			0,
			H256::repeat_byte(0x7e)
		));
		assert_eq!(
			last_event(),
			Event::MilestoneRejected {
				application: id,
				index: 0,
				reason: H256::repeat_byte(0x7e),
				department: SCIENCE,
				officer: REVIEWER_1,
			}
		);
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::repeat_byte(1)));
		assert_eq!(
			application(id).milestones[0].status,
			MilestoneStatus::Submitted(H256::repeat_byte(1))
		);
	});
}

#[test]
fn nothing_moves_before_approval() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()),
			Error::<Test>::NotApproved
		);
		assert_noop!(
			FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()),
			Error::<Test>::NotApproved
		);
		assert_noop!(
			FundGrants::record_payout(signed(REVIEWER_1), id, 0, H256::zero()),
			ROLE_NOT_HELD
		);
		assert_noop!(
			FundGrants::approve_milestone(signed(REVIEWER_1), id, 0),
			Error::<Test>::NotApproved
		);
	});
}
