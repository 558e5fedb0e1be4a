//! Who may act on a grant: the program's panel votes (one vote per named reviewer, however many
//! officers the committee adds), its own treasury pays, nothing reaches an inactive grantee or
//! one whose standing (penalties under objection included) fell below the program's minimum,
//! and a clawback lands whatever has become of the grantee.

use super::*;
use civitas_primitives::{
	testing::{MockCredit, MockIdentity, MockRoles},
	CreditStanding,
};

#[test]
fn an_officer_off_the_panel_cannot_vote() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_noop!(
			FundGrants::review(signed(NEW_OFFICER), id, true, H256::zero()),
			Error::<Test>::NotOnPanel
		);
	});
}

#[test]
fn an_admin_adding_officers_gains_no_votes() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, true, H256::zero()));
		// The committee's admin adds officers of its own: none of them may cast the second vote.
		for newcomer in [40, 41, 42] {
			MockRoles::add_officer(newcomer, SCIENCE);
			assert_noop!(
				FundGrants::review(signed(newcomer), id, true, H256::zero()),
				Error::<Test>::NotOnPanel
			);
		}
		assert_eq!(application(id).status, ApplicationStatus::Pending);
	});
}

#[test]
fn a_removed_reviewer_neither_votes_nor_distorts_the_count() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, false, H256::zero()));
		// Reviewer 3 leaves the commission: it can no longer vote...
		MockRoles::remove_officer(REVIEWER_3);
		assert_noop!(FundGrants::review(signed(REVIEWER_3), id, true, H256::zero()), NOT_OFFICER);
		// ...but the panel still counts three seats, so reviewer 2's approval leaves approval
		// within reach (a count of the commission's officers would have rejected it here).
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Pending);
		// Governance seats a new reviewer, whose approval decides.
		assert_ok!(FundGrants::set_panel(
			RawOrigin::Root.into(),
			RESEARCH,
			vec![REVIEWER_1, REVIEWER_2, NEW_OFFICER].try_into().unwrap()
		));
		assert_ok!(FundGrants::review(signed(NEW_OFFICER), id, true, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Approved);
	});
}

#[test]
fn a_treasurer_pays_only_its_own_programs() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_noop!(
			FundGrants::record_payout(signed(OTHER_TREASURER), id, 0, H256::zero()),
			Error::<Test>::NotProgramTreasury
		);
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()));
	});
}

#[test]
fn standing_is_checked_again_at_approval() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, true, H256::zero()));
		// A penalty lands (and the lab objects to it) while the application is under review.
		MockCredit::set_standing_counting_objections(lab(), CreditStanding::Restricted);
		assert_noop!(
			FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()),
			Error::<Test>::CreditBelowMinimum
		);
		// Rejecting is still possible.
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, false, H256::zero()));
		assert_ok!(FundGrants::review(signed(REVIEWER_3), id, false, H256::zero()));
		assert_eq!(application(id).status, ApplicationStatus::Rejected);
	});
}

#[test]
fn a_penalty_under_objection_blocks_applying() {
	ExtBuilder.build_and_execute(|| {
		// The lab's standing is Normal while its penalty is under objection, but the program
		// counts the penalty until it is decided.
		MockCredit::set_standing_counting_objections(lab(), CreditStanding::Restricted);
		assert_noop!(
			FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])),
			Error::<Test>::CreditBelowMinimum
		);
	});
}

#[test]
fn standing_is_checked_again_before_milestones_and_payouts() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()));
		MockCredit::set_standing(lab(), CreditStanding::Restricted);
		assert_noop!(
			FundGrants::approve_milestone(signed(REVIEWER_3), id, 0),
			Error::<Test>::CreditBelowMinimum
		);
		MockCredit::set_standing(lab(), CreditStanding::Normal);
		assert_ok!(FundGrants::approve_milestone(signed(REVIEWER_3), id, 0));
		MockCredit::set_standing(lab(), CreditStanding::Restricted);
		assert_noop!(
			FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()),
			Error::<Test>::CreditBelowMinimum
		);
	});
}

#[test]
fn nothing_is_paid_to_an_inactive_grantee() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		MockIdentity::set_active(lab(), false);
		assert_noop!(
			FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()),
			Error::<Test>::ApplicantNotActive
		);
		assert_noop!(
			FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 1, H256::zero()),
			Error::<Test>::ApplicantNotActive
		);
	});
}

#[test]
fn a_suspended_applicant_neither_withdraws_nor_has_milestones_approved() {
	ExtBuilder.build_and_execute(|| {
		let pending = lab_applies();
		MockIdentity::set_active(lab(), false);
		assert_noop!(
			FundGrants::withdraw(signed(LAB_ACCOUNT), pending),
			Error::<Test>::ApplicantNotActive
		);
		MockIdentity::set_active(lab(), true);
		assert_ok!(FundGrants::review(signed(REVIEWER_1), pending, true, H256::zero()));
		assert_ok!(FundGrants::review(signed(REVIEWER_2), pending, true, H256::zero()));
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), pending, 0, H256::zero()));
		MockIdentity::set_active(lab(), false);
		assert_noop!(
			FundGrants::approve_milestone(signed(REVIEWER_3), pending, 0),
			Error::<Test>::ApplicantNotActive
		);
		// The deciding approval of an application checks it too.
		MockIdentity::set_active(lab(), true);
	});
}

#[test]
fn a_clawback_succeeds_against_a_dissolved_grantee() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()));
		MockIdentity::set_active(lab(), false);
		assert_ok!(FundGrants::claw_back(signed(REVIEWER_1), id, H256::repeat_byte(9), 300_000));
		assert_eq!(application(id).status, ApplicationStatus::ClawedBack);
		let records = MockCredit::records();
		assert_eq!(records.last().map(|r| (r.subject, r.score_delta)), Some((lab(), -100)));
	});
}
