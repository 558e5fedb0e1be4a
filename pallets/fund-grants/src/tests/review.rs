use super::*;
use crate::{OpenApplications, Vote, Votes};

#[test]
fn two_of_three_approvals_approve_and_allocate() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, true, H256::repeat_byte(1)));
		assert_eq!(
			last_event(),
			Event::ApplicationReviewed {
				application: id,
				approve: true,
				comment: H256::repeat_byte(1),
				department: SCIENCE,
				officer: REVIEWER_1
			}
		);
		assert_eq!(
			Votes::<Test>::get(id, REVIEWER_1),
			Some(Vote { approve: true, comment: H256::repeat_byte(1) })
		);
		assert_eq!(application(id).status, ApplicationStatus::Pending);
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()));
		assert_eq!(
			last_event(),
			Event::ApplicationApproved { application: id, allocated: 500_000 }
		);
		assert_eq!(application(id).status, ApplicationStatus::Approved);
		assert_eq!(research_money(), (1_000_000, 500_000, 0));
		// A decided application takes no more votes.
		assert_noop!(
			FundGrants::review(signed(REVIEWER_3), id, false, H256::zero()),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn rejected_once_approval_is_out_of_reach() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, false, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Pending);
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, false, H256::zero()));
		assert_eq!(last_event(), Event::ApplicationRejected { application: id });
		assert_eq!(application(id).status, ApplicationStatus::Rejected);
		assert_eq!(OpenApplications::<Test>::get(RESEARCH, lab()), None);
		assert_eq!(research_money(), (1_000_000, 0, 0));
	});
}

#[test]
fn one_vote_per_committee_officer() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, false, H256::zero()));
		assert_noop!(
			FundGrants::review(signed(REVIEWER_1), id, true, H256::zero()),
			Error::<Test>::AlreadyVoted
		);
		assert_noop!(
			FundGrants::review(signed(OTHER_REVIEWER), id, true, H256::zero()),
			Error::<Test>::NotOnCommittee
		);
		assert_noop!(FundGrants::review(signed(OUTSIDER), id, true, H256::zero()), NOT_OFFICER);
		assert_noop!(
			FundGrants::review(signed(REVIEWER_2), 9, true, H256::zero()),
			Error::<Test>::ApplicationNotFound
		);
		civitas_primitives::testing::MockRoles::revoke(
			SCIENCE,
			civitas_primitives::Role::FundCommittee,
		);
		assert_noop!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()), ROLE_NOT_HELD);
	});
}

#[test]
fn the_deciding_approval_fails_when_the_budget_is_exhausted() {
	ExtBuilder.build_and_execute(|| {
		let first = approved();
		assert_eq!(application(first).status, ApplicationStatus::Approved);
		// 500,000 left. A second enterprise asks for 600,000.
		civitas_primitives::testing::MockIdentity::set_subject(
			researcher(),
			civitas_primitives::SubjectKind::Enterprise,
			true,
		);
		assert_ok!(FundGrants::apply(
			signed(RESEARCHER_ACCOUNT),
			RESEARCH,
			600_000,
			H256::zero(),
			plan(&[600_000])
		));
		let second = first + 1;
		assert_ok!(FundGrants::review(signed(REVIEWER_1), second, true, H256::zero()));
		assert_noop!(
			FundGrants::review(signed(REVIEWER_2), second, true, H256::zero()),
			Error::<Test>::BudgetExhausted
		);
		assert_ok!(FundGrants::top_up(signed(TREASURER), RESEARCH, 100_000));
		assert_ok!(FundGrants::review(signed(REVIEWER_2), second, true, H256::zero()));
		assert_eq!(research_money(), (1_100_000, 1_100_000, 0));
	});
}

#[test]
fn a_vote_against_does_not_reject_while_approval_is_reachable() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, false, H256::zero()));
		// One against, two officers left, two approvals needed: still reachable.
		assert_eq!(application(id).status, ApplicationStatus::Pending);
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Pending);
		assert_ok!(FundGrants::review(signed(REVIEWER_3), id, true, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Approved);
		assert_eq!((application(id).approvals, application(id).rejections), (2, 1));
	});
}

#[test]
fn a_smaller_panel_rejects_when_approval_is_out_of_reach() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::set_panel(
			RawOrigin::Root.into(),
			RESEARCH,
			vec![REVIEWER_1, REVIEWER_2].try_into().unwrap()
		));
		// Two seats, two approvals needed: one vote against decides.
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, false, H256::zero()));
		assert_eq!(last_event(), Event::ApplicationRejected { application: id });
	});
}
