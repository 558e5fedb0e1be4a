//! Unit tests: motions, votes, thresholds by class, one vote per department, expiry, membership.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::arithmetic_side_effects
)]

use crate::{
	mock::*, Approval, CallClass, EnsureCouncil, Error, Event, Members, MotionCalls, MotionId,
	Motions, OpenMotions, Outcome, Policy, Threshold,
};
use civitas_primitives::{
	testing::{MockRoles, DEPARTMENT_SUSPENDED, NOT_OFFICER},
	DepartmentId,
};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok, parameter_types,
		traits::{EnsureOrigin, Hooks},
	},
	frame_system::{self, RawOrigin},
	sp_core::H256,
	sp_runtime::DispatchError,
};

type Council = crate::Pallet<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

/// Sets `class` to `threshold`: a policy call.
fn set_threshold(class: CallClass, threshold: Threshold) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Council(crate::Call::set_threshold { class, threshold }))
}

/// Replaces the members: a membership call.
fn set_members(members: Vec<DepartmentId>) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Council(crate::Call::set_members {
		members: members.try_into().unwrap(),
	}))
}

/// A call the council's origin cannot make (it needs a signed account): a department-class call
/// whose dispatch fails.
fn remark_with_event() -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] }))
}

/// Department `d`'s councillor proposes `call`; returns the motion.
fn propose(d: DepartmentId, call: Box<RuntimeCall>) -> MotionId {
	let id = crate::NextMotionId::<Test>::get();
	assert_ok!(Council::propose(signed(councillor(d)), call, H256::repeat_byte(9), None));
	id
}

fn vote(d: DepartmentId, motion: MotionId, aye: bool) -> polkadot_sdk::sp_runtime::DispatchResult {
	Council::vote(signed(councillor(d)), motion, aye).map(|_| ()).map_err(|e| e.error)
}

fn closed(motion: MotionId) -> Option<Outcome> {
	council_events().into_iter().find_map(|e| match e {
		Event::MotionClosed { motion: m, outcome, .. } if m == motion => Some(outcome),
		_ => None,
	})
}

fn executed(motion: MotionId) -> Option<polkadot_sdk::sp_runtime::DispatchResult> {
	council_events().into_iter().find_map(|e| match e {
		Event::MotionExecuted { motion: m, result } if m == motion => Some(result),
		_ => None,
	})
}

#[test]
fn a_policy_motion_passes_at_the_strongest_threshold_and_is_dispatched() {
	ExtBuilder::default().build_and_execute(|| {
		let motion = propose(1, set_threshold(CallClass::Ordinary, Threshold::AtLeast(1)));
		let proposed = council_events()[0].clone();
		let Event::MotionProposed { class, threshold, department, officer, expires_at, .. } =
			proposed
		else {
			panic!("a proposal first");
		};
		// Two thirds of five is four: the strongest threshold the table holds.
		assert_eq!(
			(class, threshold, department, officer),
			(CallClass::Policy, 4, 1, councillor(1))
		);
		assert_eq!(expires_at, 1 + DURATION);
		for d in [2, 3] {
			assert_ok!(vote(d, motion, true));
		}
		assert_eq!(closed(motion), None);
		assert_ok!(vote(4, motion, true));
		assert_eq!(closed(motion), Some(Outcome::Approved));
		assert_eq!(executed(motion), Some(Ok(())));
		assert_eq!(Policy::<Test>::get(CallClass::Ordinary), Some(Threshold::AtLeast(1)));
		assert!(!Motions::<Test>::contains_key(motion));
		assert!(!MotionCalls::<Test>::contains_key(motion));
		assert!(OpenMotions::<Test>::get().is_empty());
	});
}

#[test]
fn each_department_has_one_vote_whatever_its_officers() {
	ExtBuilder::default().build_and_execute(|| {
		let motion = propose(1, set_members(vec![1, 2, 3]));
		// Department 1 voted aye by proposing; its second councillor cannot add a vote.
		assert_noop!(
			Council::vote(signed(SECOND_OF_1), motion, true),
			Error::<Test>::DuplicateVote
		);
		// Any of its councillors may change the department's vote.
		assert_ok!(Council::vote(signed(SECOND_OF_1), motion, false));
		let stored = Motions::<Test>::get(motion).unwrap();
		assert_eq!((stored.ayes.to_vec(), stored.nays.to_vec()), (vec![], vec![1]));
		// Adding officers to a department adds no votes.
		MockRoles::add_officer(31, 2);
		assert_ok!(Council::vote(signed(31), motion, true));
		assert_noop!(
			Council::vote(signed(councillor(2)), motion, true),
			Error::<Test>::DuplicateVote
		);
		assert_eq!(Motions::<Test>::get(motion).unwrap().ayes.to_vec(), vec![2]);
	});
}

#[test]
fn a_motion_is_rejected_once_its_threshold_cannot_be_met() {
	ExtBuilder::default().build_and_execute(|| {
		// Membership needs four of five: two nays settle it.
		let motion = propose(1, set_members(vec![1, 2]));
		assert_ok!(vote(2, motion, false));
		assert_eq!(closed(motion), None);
		assert_ok!(vote(3, motion, false));
		assert_eq!(closed(motion), Some(Outcome::Rejected));
		assert_eq!(executed(motion), None);
		assert_eq!(Members::<Test>::get().to_vec(), vec![1, 2, 3, 4, 5]);
		assert_noop!(vote(4, motion, true), Error::<Test>::MotionNotFound);
	});
}

#[test]
fn an_approved_call_that_fails_is_evented_with_its_error() {
	ExtBuilder::default().build_and_execute(|| {
		// A department-class call needs a majority: three of five.
		let motion = propose(1, remark_with_event());
		assert_ok!(vote(2, motion, true));
		assert_ok!(vote(3, motion, true));
		assert_eq!(closed(motion), Some(Outcome::Approved));
		assert_eq!(executed(motion), Some(Err(DispatchError::BadOrigin)));
	});
}

#[test]
fn only_councillors_of_active_member_departments_propose_and_vote() {
	ExtBuilder::default().build_and_execute(|| {
		let call = || set_threshold(CallClass::Ordinary, Threshold::All);
		let reason = H256::zero();
		assert_noop!(Council::propose(signed(OUTSIDER), call(), reason, None), NOT_OFFICER);
		assert_noop!(
			Council::propose(signed(councillor(NON_MEMBER)), call(), reason, None),
			Error::<Test>::NotMember
		);
		let motion = propose(1, call());
		assert_noop!(vote(NON_MEMBER, motion, true), Error::<Test>::NotMember);
		MockRoles::suspend(2);
		assert_noop!(vote(2, motion, true), DEPARTMENT_SUSPENDED);
		assert_noop!(
			Council::propose(signed(councillor(2)), call(), reason, None),
			DEPARTMENT_SUSPENDED
		);
		assert_noop!(vote(1, 42, true), Error::<Test>::MotionNotFound);
	});
}

#[test]
fn an_undecided_motion_expires_by_itself() {
	ExtBuilder::default().build_and_execute(|| {
		let motion = propose(1, set_members(vec![1, 2, 3]));
		assert_ok!(vote(2, motion, true));
		System::set_block_number(2 + DURATION);
		assert_noop!(vote(3, motion, true), Error::<Test>::MotionExpired);
		Council::on_initialize(2 + DURATION);
		assert_eq!(closed(motion), Some(Outcome::Expired));
		assert!(OpenMotions::<Test>::get().is_empty());
		assert_eq!(executed(motion), None);
	});
}

#[test]
fn anyone_closes_an_expired_motion_but_not_an_undecided_one() {
	ExtBuilder::default().build_and_execute(|| {
		let motion = propose(1, set_members(vec![1, 2, 3]));
		assert_noop!(Council::close(signed(OUTSIDER), motion), Error::<Test>::MotionUndecided);
		System::set_block_number(2 + DURATION);
		assert_ok!(Council::close(signed(OUTSIDER), motion));
		assert_eq!(closed(motion), Some(Outcome::Expired));
		assert_noop!(Council::close(signed(OUTSIDER), motion), Error::<Test>::MotionNotFound);
	});
}

#[test]
fn a_removed_member_s_votes_stop_counting() {
	ExtBuilder::default().build_and_execute(|| {
		// A policy motion (four of five) with three ayes.
		let motion = propose(1, set_threshold(CallClass::Emergency, Threshold::Majority));
		assert_ok!(vote(2, motion, true));
		assert_ok!(vote(3, motion, true));
		// Department 3 leaves: its aye goes; on four members two thirds is three.
		assert_ok!(Council::do_set_members(vec![1, 2, 4, 5].try_into().unwrap()));
		assert_eq!(Motions::<Test>::get(motion).unwrap().ayes.to_vec(), vec![1, 2]);
		assert_noop!(Council::close(signed(OUTSIDER), motion), Error::<Test>::MotionUndecided);
		assert_noop!(vote(3, motion, true), Error::<Test>::NotMember);
		assert_ok!(vote(4, motion, true));
		assert_eq!(executed(motion), Some(Ok(())));
	});
}

#[test]
fn a_smaller_council_can_decide_a_motion_on_close() {
	ExtBuilder::default().build_and_execute(|| {
		// A policy motion (four of five) with three ayes; the council shrinks to three members,
		// where the strongest threshold needs two: anyone closes it, approved.
		let motion = propose(1, set_threshold(CallClass::Ordinary, Threshold::Majority));
		assert_ok!(vote(2, motion, true));
		assert_ok!(vote(3, motion, true));
		assert_ok!(Council::do_set_members(vec![1, 2, 3].try_into().unwrap()));
		assert_ok!(Council::close(signed(OUTSIDER), motion));
		assert_eq!(closed(motion), Some(Outcome::Approved));
		assert_eq!(executed(motion), Some(Ok(())));
	});
}

#[test]
fn changing_the_policy_needs_the_strongest_threshold_in_the_table() {
	ExtBuilder::default().build_and_execute(|| {
		// Upgrades are raised to every member, at two thirds (four of five).
		let raise = propose(1, set_threshold(CallClass::Upgrade, Threshold::All));
		for d in [2, 3, 4] {
			assert_ok!(vote(d, raise, true));
		}
		assert_eq!(executed(raise), Some(Ok(())));
		// Now any policy change needs all five.
		let lower = propose(1, set_threshold(CallClass::Upgrade, Threshold::TwoThirds));
		for d in [2, 3, 4] {
			assert_ok!(vote(d, lower, true));
		}
		assert_eq!(closed(lower), None);
		assert_ok!(vote(5, lower, true));
		assert_eq!(executed(lower), Some(Ok(())));
	});
}

#[test]
fn a_one_member_council_decides_at_once() {
	ExtBuilder::default().members(vec![1]).build_and_execute(|| {
		let motion = propose(1, set_threshold(CallClass::Ordinary, Threshold::All));
		assert_eq!(closed(motion), Some(Outcome::Approved));
		assert_eq!(Policy::<Test>::get(CallClass::Ordinary), Some(Threshold::All));
		assert!(Motions::<Test>::iter().next().is_none());
	});
}

#[test]
fn proposals_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let reason = H256::zero();
		let long =
			Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 64] }));
		assert_noop!(
			Council::propose(signed(councillor(1)), long, reason, None),
			Error::<Test>::CallTooLarge
		);
		// Setting the code weighs a whole block.
		let heavy = Box::new(RuntimeCall::System(frame_system::Call::set_code { code: vec![] }));
		assert_noop!(
			Council::propose(signed(councillor(1)), heavy, reason, None),
			Error::<Test>::CallTooHeavy
		);
		let call = || set_threshold(CallClass::Ordinary, Threshold::All);
		for duration in [0, 101] {
			assert_noop!(
				Council::propose(signed(councillor(1)), call(), reason, Some(duration)),
				Error::<Test>::InvalidDuration
			);
		}
		for _ in 0..3 {
			propose(1, call());
		}
		assert_noop!(
			Council::propose(signed(councillor(1)), call(), reason, None),
			Error::<Test>::MaxMotionsExceeded
		);
	});
}

#[test]
fn membership_and_policy_are_the_council_s_own_decisions() {
	ExtBuilder::default().build_and_execute(|| {
		let members: polkadot_sdk::frame_support::BoundedVec<_, _> = vec![1, 2].try_into().unwrap();
		assert_noop!(
			Council::set_members(signed(councillor(1)), members.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Council::set_members(RawOrigin::Root.into(), members),
			DispatchError::BadOrigin
		);
		let approval = |ayes| -> RuntimeOrigin {
			Approval { class: CallClass::Policy, ayes, members: 5 }.into()
		};
		// Three of five is short of two thirds.
		assert_noop!(
			Council::set_threshold(approval(3), CallClass::Ordinary, Threshold::All),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Council::set_threshold(approval(4), CallClass::Ordinary, Threshold::AtLeast(0)),
			Error::<Test>::InvalidThreshold
		);
		assert_ok!(Council::set_threshold(approval(4), CallClass::Ordinary, Threshold::All));
		assert_noop!(
			Council::set_members(approval(4), vec![1, 1].try_into().unwrap()),
			Error::<Test>::DuplicateMember
		);
		assert_ok!(Council::set_members(approval(4), vec![3, 1].try_into().unwrap()));
		assert_eq!(Members::<Test>::get().to_vec(), vec![1, 3]);
	});
}

#[test]
fn thresholds_count_members() {
	let needed = |t: Threshold| [1, 2, 3, 4, 5, 6, 7].map(|m| t.required(m));
	assert_eq!(needed(Threshold::Majority), [1, 2, 2, 3, 3, 4, 4]);
	assert_eq!(needed(Threshold::TwoThirds), [1, 2, 2, 3, 4, 4, 5]);
	assert_eq!(needed(Threshold::All), [1, 2, 3, 4, 5, 6, 7]);
	assert_eq!(needed(Threshold::AtLeast(2)), [1, 2, 2, 2, 2, 2, 2]);
	assert_eq!(Threshold::Majority.required(0), 1);
	parameter_types! {
		pub const Majority: Threshold = Threshold::Majority;
	}
	let origin = |ayes, members| -> RuntimeOrigin {
		Approval { class: CallClass::Ordinary, ayes, members }.into()
	};
	assert!(EnsureCouncil::<Majority>::try_origin(origin(3, 5)).is_ok());
	assert!(EnsureCouncil::<Majority>::try_origin(origin(2, 5)).is_err());
	let root: RuntimeOrigin = RawOrigin::Root.into();
	assert!(EnsureCouncil::<Majority>::try_origin(root).is_err());
}

#[test]
fn the_runtime_api_lists_policy_and_motions() {
	ExtBuilder::default().build_and_execute(|| {
		let motion = propose(2, set_members(vec![2]));
		let motions = Council::motions();
		assert_eq!(motions.len(), 1);
		assert_eq!((motions[0].0, motions[0].1.proposer), (motion, 2));
		let policy = Council::policy();
		assert!(policy.contains(&(CallClass::Emergency, Some(Threshold::AtLeast(2)), 2)));
		assert!(policy.contains(&(CallClass::Policy, Some(Threshold::TwoThirds), 4)));
	});
}

#[test]
fn a_batch_falls_in_the_class_needing_the_most_ayes() {
	ExtBuilder::default().build_and_execute(|| {
		// Emergency needs two of five, upgrades four: an emergency call cannot carry an upgrade.
		let classes = [CallClass::Emergency, CallClass::Upgrade, CallClass::Ordinary];
		assert_eq!(Council::strongest(classes.into_iter()), CallClass::Upgrade);
		assert_eq!(Council::strongest(core::iter::empty()), CallClass::Ordinary);
	});
}
