//! Benchmarks of the fund-grants pallet (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use civitas_primitives::{CreditStanding, SubjectKind};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
};

/// Terms of an open program reviewed by `panel` of `committee`, managed by `treasury`, needing
/// `reviews` approvals.
fn terms<T: Config>(
	committee: DepartmentId,
	panel: Vec<T::AccountId>,
	treasury: DepartmentId,
	reviews: u32,
) -> ProgramTerms<T> {
	ProgramTerms {
		name: vec![b'n'; T::MaxNameLength::get() as usize].try_into().unwrap(),
		kind: ProgramKind::Research,
		committee,
		panel: panel.try_into().unwrap(),
		treasury,
		budget: 1_000_000_000,
		max_award: 1_000_000,
		opens_at: 0u32.into(),
		closes_at: 1_000_000u32.into(),
		min_credit_standing: CreditStanding::Restricted,
		open_to_persons: false,
		reviews_needed: reviews,
	}
}

/// A committee department and a panel of `p` of its officers.
fn panel<T: Config>(p: u32) -> (DepartmentId, Vec<T::AccountId>) {
	let (committee, reviewer) = T::CommitteeOrigin::successful_officer().unwrap();
	let mut panel = vec![reviewer];
	panel.extend(T::Roles::successful_colleagues(committee, p.saturating_sub(1)).unwrap());
	(committee, panel)
}

/// A program with a full panel needing `reviews` approvals; returns it, its first reviewer and
/// a treasurer of its treasury department.
fn program<T: Config>(reviews: u32) -> (ProgramId, T::AccountId, T::AccountId) {
	let (committee, panel) = panel::<T>(T::MaxPanel::get());
	let reviewer = panel[0].clone();
	let (treasury, treasurer) = T::TreasurerOrigin::successful_officer().unwrap();
	let id = NextProgramId::<T>::get();
	Pallet::<T>::do_create_program(
		terms::<T>(committee, panel, treasury, reviews),
		Actor::Governance,
	)
	.unwrap();
	(id, reviewer, treasurer)
}

/// `m` milestones of 1,000 each.
fn plans<T: Config>(m: u32) -> BoundedVec<MilestonePlan<BlockNumberFor<T>>, T::MaxMilestones> {
	(0..m)
		.map(|i| MilestonePlan {
			amount: 1_000,
			due: (1_000u32 + i).into(),
			description: H256::repeat_byte(i as u8),
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

/// A new enterprise's account applies to `program` with the most milestones.
fn application<T: Config>(program: ProgramId) -> (ApplicationId, T::AccountId) {
	let account: T::AccountId = account("applicant", NextApplicationId::<T>::get() as u32, 0);
	T::Identity::successful_subject(SubjectKind::Enterprise, Some(account.clone())).unwrap();
	let m = T::MaxMilestones::get();
	let id = NextApplicationId::<T>::get();
	Pallet::<T>::do_apply(program, 1_000 * m as u128, H256::zero(), plans::<T>(m), account.clone())
		.unwrap();
	(id, account)
}

/// An approved application with the most milestones, the first `approved` of them approved;
/// returns it, its applicant's account, a reviewer and a treasurer.
fn approved<T: Config>(approved: u32) -> (ApplicationId, T::AccountId, T::AccountId, T::AccountId) {
	let (program, reviewer, treasurer) = program::<T>(1);
	let (id, applicant) = application::<T>(program);
	let committee = T::Roles::department_of(&reviewer).unwrap();
	Pallet::<T>::do_review(id, true, H256::zero(), committee, reviewer.clone()).unwrap();
	Applications::<T>::mutate(id, |a| {
		for milestone in a.as_mut().unwrap().milestones.iter_mut().take(approved as usize) {
			milestone.status = MilestoneStatus::Approved;
		}
	});
	(id, applicant, reviewer, treasurer)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// With the longest name and a panel of `p`.
	#[benchmark]
	fn create_program(p: Linear<1, { T::MaxPanel::get() }>) -> Result<(), BenchmarkError> {
		let (committee, panel) = panel::<T>(p);
		let (treasury, _) = T::TreasurerOrigin::successful_officer().unwrap();
		let id = NextProgramId::<T>::get();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, terms::<T>(committee, panel, treasury, 1));

		assert!(Programs::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_panel(p: Linear<1, { T::MaxPanel::get() }>) -> Result<(), BenchmarkError> {
		let (id, _, _) = program::<T>(1);
		let committee = Programs::<T>::get(id).unwrap().terms.committee;
		let new: Vec<T::AccountId> = T::Roles::successful_colleagues(committee, p).unwrap();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, new.clone().try_into().unwrap());

		assert_eq!(Programs::<T>::get(id).unwrap().terms.panel.into_inner(), new);
		Ok(())
	}

	/// By a treasurer of the program's treasury (the longer origin check).
	#[benchmark]
	fn top_up() {
		let (id, _, treasurer) = program::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(treasurer), id, 5_000);

		assert_eq!(Programs::<T>::get(id).unwrap().terms.budget, 1_000_005_000);
	}

	#[benchmark]
	fn close_program() {
		let (id, _, treasurer) = program::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(treasurer), id);

		assert_eq!(Programs::<T>::get(id).unwrap().status, ProgramStatus::Closed);
	}

	#[benchmark]
	fn apply(m: Linear<1, { T::MaxMilestones::get() }>) {
		let (program, _, _) = program::<T>(1);
		let account: T::AccountId = account("applicant", 0, 0);
		T::Identity::successful_subject(SubjectKind::Enterprise, Some(account.clone())).unwrap();
		let id = NextApplicationId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(account), program, 1_000 * m as u128, H256::zero(), plans::<T>(m));

		assert!(Applications::<T>::contains_key(id));
	}

	#[benchmark]
	fn withdraw() {
		let (program, _, _) = program::<T>(1);
		let (id, applicant) = application::<T>(program);

		#[extrinsic_call]
		_(RawOrigin::Signed(applicant), id);

		assert_eq!(Applications::<T>::get(id).unwrap().status, ApplicationStatus::Withdrawn);
	}

	/// The deciding vote against, when every panel member must approve: it looks up the votes of
	/// the whole panel.
	#[benchmark]
	fn review() {
		let (program, reviewer, _) = program::<T>(T::MaxPanel::get());
		let (id, _) = application::<T>(program);

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), id, false, H256::zero());

		assert_eq!(Applications::<T>::get(id).unwrap().status, ApplicationStatus::Rejected);
	}

	/// The last milestone, after all the others were approved.
	#[benchmark]
	fn submit_milestone() {
		let last = T::MaxMilestones::get() - 1;
		let (id, applicant, _, _) = approved::<T>(last);

		#[extrinsic_call]
		_(RawOrigin::Signed(applicant), id, last, H256::repeat_byte(1));

		let milestones = Applications::<T>::get(id).unwrap().milestones;
		assert!(matches!(milestones[last as usize].status, MilestoneStatus::Submitted(_)));
	}

	#[benchmark]
	fn decide_milestone() {
		let (id, applicant, reviewer, _) = approved::<T>(0);
		Pallet::<T>::do_submit_milestone(id, 0, H256::zero(), applicant).unwrap();

		#[extrinsic_call]
		approve_milestone(RawOrigin::Signed(reviewer), id, 0);

		let milestones = Applications::<T>::get(id).unwrap().milestones;
		assert_eq!(milestones[0].status, MilestoneStatus::Approved);
	}

	/// The last payout, which completes the application.
	#[benchmark]
	fn record_payout() {
		let m = T::MaxMilestones::get();
		let (id, _, _, treasurer) = approved::<T>(m);
		let department = T::Roles::department_of(&treasurer).unwrap();
		for index in 0..m - 1 {
			Pallet::<T>::do_record_payout(id, index, H256::zero(), department, treasurer.clone())
				.unwrap();
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(treasurer), id, m - 1, H256::repeat_byte(2));

		assert_eq!(Applications::<T>::get(id).unwrap().status, ApplicationStatus::Completed);
	}

	/// After one paid milestone; the credit record goes through the runtime's recorder.
	#[benchmark]
	fn claw_back() {
		let (id, _, reviewer, treasurer) = approved::<T>(1);
		let department = T::Roles::department_of(&treasurer).unwrap();
		Pallet::<T>::do_record_payout(id, 0, H256::zero(), department, treasurer).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), id, H256::repeat_byte(3), 1_000);

		assert_eq!(Applications::<T>::get(id).unwrap().status, ApplicationStatus::ClawedBack);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
