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
	Motions, OpenMotions, Outcome, PalletName, Paused, Policy, Threshold,
};
use civitas_primitives::{
	testing::{MockRoles, DEPARTMENT_NOT_ACTIVE, NOT_OFFICER},
	DepartmentId,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok, parameter_types,
		traits::{EnsureOrigin, Hooks},
	},
	frame_system::{self, RawOrigin},
	sp_core::H256,
	sp_runtime::{traits::Dispatchable, DispatchError},
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
		Event::MotionExecuted { motion: m, result, .. } if m == motion => Some(result),
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
		assert_noop!(Council::vote(signed(SECOND_OF_1), motion, true), Error::<Test>::AlreadyVoted);
		// Any of its councillors may change the department's vote.
		assert_ok!(Council::vote(signed(SECOND_OF_1), motion, false));
		let stored = Motions::<Test>::get(motion).unwrap();
		assert_eq!((stored.ayes.to_vec(), stored.nays.to_vec()), (vec![], vec![1]));
		// Adding officers to a department adds no votes.
		MockRoles::add_officer(31, 2);
		assert_ok!(Council::vote(signed(31), motion, true));
		assert_noop!(
			Council::vote(signed(councillor(2)), motion, true),
			Error::<Test>::AlreadyVoted
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
		assert_noop!(vote(2, motion, true), DEPARTMENT_NOT_ACTIVE);
		assert_noop!(
			Council::propose(signed(councillor(2)), call(), reason, None),
			DEPARTMENT_NOT_ACTIVE
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
		assert_noop!(vote(3, motion, true), Error::<Test>::MotionAlreadyExpired);
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
			Error::<Test>::MaxCallSizeExceeded
		);
		// Setting the code weighs a whole block.
		let heavy = Box::new(RuntimeCall::System(frame_system::Call::set_code { code: vec![] }));
		assert_noop!(
			Council::propose(signed(councillor(1)), heavy, reason, None),
			Error::<Test>::MaxCallWeightExceeded
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
		assert_ok!(vote(3, motion, false));
		// A member leaves: its vote is no longer reported.
		Members::<Test>::put(polkadot_sdk::frame_support::BoundedVec::truncate_from(vec![
			1, 2, 4, 5,
		]));
		let motions = Council::motions();
		assert_eq!(motions.len(), 1);
		let info = &motions[0];
		assert_eq!((info.id, info.proposer, info.officer), (motion, 2, councillor(2)));
		assert_eq!((info.ayes.clone(), info.nays.clone()), (vec![2], vec![]));
		// Two thirds of four is three.
		assert_eq!((info.class, info.required), (CallClass::Council, 3));
		assert_eq!(info.call, set_members(vec![2]).encode());
		assert_eq!(Council::motion(motion).as_ref(), Some(info));
		assert_eq!(Council::motion(motion + 1), None);
		let policy = Council::policy();
		let row = |class| policy.iter().find(|p| p.class == class).cloned().unwrap();
		assert_eq!(row(CallClass::Emergency).threshold, Some(Threshold::AtLeast(2)));
		assert_eq!(row(CallClass::Emergency).required, 2);
		assert_eq!(row(CallClass::Policy).required, 3);
		assert_ok!(Council::pause(approved(CallClass::Emergency, 2), name("Lands"), 1));
		assert_eq!(Council::paused().len(), 1);
		next_block();
		// Ended but not yet forgotten: not reported.
		Paused::<Test>::put(polkadot_sdk::frame_support::BoundedVec::truncate_from(vec![
			crate::Pause { pallet: name("Lands"), until: 1 },
		]));
		assert!(Council::paused().is_empty());
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

fn name(pallet: &str) -> PalletName {
	pallet.as_bytes().to_vec().try_into().unwrap()
}

/// Pauses `pallet` for `blocks` blocks: an emergency call.
fn pause(pallet: &str, blocks: u64) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Council(crate::Call::pause { pallet: name(pallet), blocks }))
}

/// The origin of a motion approved in `class` by `ayes` of the five members.
fn approved(class: CallClass, ayes: u32) -> RuntimeOrigin {
	RuntimeOrigin::from(Approval { class, ayes, members: 5 })
}

/// A councillor's remark, as an extrinsic would dispatch it (through the call filter).
fn remark_by_councillor() -> polkadot_sdk::sp_runtime::DispatchResult {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![7] })
		.dispatch(signed(councillor(1)))
		.map(|_| ())
		.map_err(|e| e.error)
}

fn next_block() {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Council::on_initialize(next);
}

#[test]
fn two_members_pause_a_pallet_until_it_expires_by_itself() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(remark_by_councillor());
		let motion = propose(1, pause("System", 3));
		assert_eq!(closed(motion), None);
		assert_ok!(vote(2, motion, true));
		assert_eq!(executed(motion), Some(Ok(())));
		assert!(
			council_events().contains(&Event::PalletPaused { pallet: name("System"), until: 3 })
		);
		// Blocks 1, 2 and 3 refuse the pallet's calls; the council's own calls still work.
		for _ in 0..3 {
			assert_eq!(
				remark_by_councillor(),
				Err(frame_system::Error::<Test>::CallFiltered.into())
			);
			assert!(Council::is_paused("System"));
			next_block();
		}
		// Block 4: the pause has ended and is forgotten without a transaction.
		assert!(!Council::is_paused("System"));
		assert!(Paused::<Test>::get().is_empty());
		assert!(council_events()
			.contains(&Event::PalletUnpaused { pallet: name("System"), early: false }));
		assert_ok!(remark_by_councillor());
	});
}

#[test]
fn a_pause_needs_two_members_and_a_majority_lifts_it_early() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Council::pause(approved(CallClass::Emergency, 1), name("System"), 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Council::pause(signed(councillor(1)), name("System"), 5),
			DispatchError::BadOrigin
		);
		assert_ok!(Council::pause(approved(CallClass::Emergency, 2), name("System"), 5));
		assert!(Council::is_paused("System"));
		// Two members cannot lift it: a majority of five is three.
		assert_noop!(
			Council::unpause(approved(CallClass::Ordinary, 2), name("System")),
			DispatchError::BadOrigin
		);
		assert_ok!(Council::unpause(approved(CallClass::Ordinary, 3), name("System")));
		assert!(council_events()
			.contains(&Event::PalletUnpaused { pallet: name("System"), early: true }));
		assert_ok!(remark_by_councillor());
		assert_noop!(
			Council::unpause(approved(CallClass::Ordinary, 3), name("System")),
			Error::<Test>::NotPaused
		);
	});
}

#[test]
fn pauses_are_bounded_in_time_number_and_pallets() {
	ExtBuilder::default().build_and_execute(|| {
		let emergency = || approved(CallClass::Emergency, 2);
		for blocks in [0, 21] {
			assert_noop!(
				Council::pause(emergency(), name("System"), blocks),
				Error::<Test>::InvalidDuration
			);
		}
		// The council's own calls can never be paused, nor a pallet the runtime does not name.
		for pallet in ["Council", "Nowhere"] {
			assert_noop!(Council::pause(emergency(), name(pallet), 5), Error::<Test>::NotPausable);
		}
		assert_ok!(Council::pause(emergency(), name("System"), 5));
		assert_ok!(Council::pause(emergency(), name("Lands"), 5));
		assert_noop!(
			Council::pause(emergency(), name("Bills"), 5),
			Error::<Test>::MaxPausesExceeded
		);
		// Pausing a paused pallet again sets its new end, without a second entry.
		assert_ok!(Council::pause(emergency(), name("System"), 20));
		assert_eq!(Paused::<Test>::get().len(), 2);
		assert_eq!(Paused::<Test>::get()[0].until, 20);
	});
}

#[test]
fn the_council_s_decisions_pass_a_pause() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Council::pause(approved(CallClass::Emergency, 2), name("System"), 10));
		// Proposing and voting still work, and the approved call is dispatched although its
		// pallet is paused (here it fails for its origin, not for the pause).
		let motion = propose(1, remark_with_event());
		for d in [2, 3] {
			assert_ok!(vote(d, motion, true));
		}
		assert_eq!(executed(motion), Some(Err(DispatchError::BadOrigin)));
	});
}

#[test]
fn an_upgrade_is_authorized_by_two_thirds_and_never_by_a_weaker_rule() {
	ExtBuilder::default().build_and_execute(|| {
		let code_hash = H256::repeat_byte(0xc0);
		let upgrade =
			|| Box::new(RuntimeCall::Council(crate::Call::authorize_upgrade { code_hash }));
		let motion = propose(1, upgrade());
		for d in [2, 3] {
			assert_ok!(vote(d, motion, true));
		}
		assert_eq!(closed(motion), None);
		assert_ok!(vote(4, motion, true));
		assert_eq!(executed(motion), Some(Ok(())));
		assert!(System::authorized_upgrade().is_some());
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);

		// Even if the table let a majority decide upgrades, the call itself needs two thirds.
		Policy::<Test>::insert(CallClass::Upgrade, Threshold::Majority);
		let motion = propose(1, upgrade());
		for d in [2, 3] {
			assert_ok!(vote(d, motion, true));
		}
		assert_eq!(closed(motion), Some(Outcome::Approved));
		assert_eq!(executed(motion), Some(Err(DispatchError::BadOrigin)));
		assert_noop!(
			Council::authorize_upgrade(signed(councillor(1)), code_hash),
			DispatchError::BadOrigin
		);
	});
}
