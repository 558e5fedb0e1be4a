//! Benchmarks of the credit records pallet (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use civitas_primitives::SubjectKind;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::{EnsureOrigin, Get},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
};

/// A recording officer and its department.
fn recorder<T: Config>() -> (DepartmentId, T::AccountId) {
	T::RecorderOrigin::successful_officer().expect("an officer can be made")
}

/// An adjudicating officer and its department.
fn adjudicator<T: Config>() -> (DepartmentId, T::AccountId) {
	T::AdjudicatorOrigin::successful_officer().expect("an officer can be made")
}

/// An active enterprise, linked to `account` if given.
fn subject<T: Config>(account: Option<T::AccountId>) -> SubjectId {
	T::Identity::successful_subject(SubjectKind::Enterprise, account)
		.expect("a subject can be made")
}

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	n.into()
}

/// A record of the largest penalty about `subject` by `department`, published `period` blocks,
/// with evidence of its own.
fn penalty<T: Config>(subject: SubjectId, department: DepartmentId, period: u32) -> RecordId {
	let delta = -(T::MaxScoreDelta::get() as i32);
	let mut evidence = [1u8; 32];
	evidence[..8].copy_from_slice(&NextRecordId::<T>::get().to_be_bytes());
	Pallet::<T>::do_record(
		subject,
		CreditCategory::Tax,
		delta,
		H256(evidence),
		block::<T>(period),
		department,
		RecordSource::Genesis,
	)
	.unwrap()
}

/// A record under objection by the subject's linked account, and the recording department.
fn objected<T: Config>() -> (RecordId, DepartmentId) {
	let (department, _) = recorder::<T>();
	let citizen: T::AccountId = account("citizen", 0, 0);
	let subject = subject::<T>(Some(citizen.clone()));
	let id = penalty::<T>(subject, department, 100);
	Pallet::<T>::do_object(id, H256::repeat_byte(2), citizen).unwrap();
	(id, department)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The subject's index is full of records whose period has ended but which the due queue has
	/// not expired yet, so the oldest is expired and pruned first.
	#[benchmark]
	fn record() {
		let (department, officer) = recorder::<T>();
		let subject = subject::<T>(None);
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let oldest = NextRecordId::<T>::get();
		for _ in 0..T::MaxRecordsPerSubject::get() {
			penalty::<T>(subject, department, 1);
		}
		frame_system::Pallet::<T>::set_block_number(block::<T>(3));
		let delta = T::MaxScoreDelta::get() as i32;
		let id = NextRecordId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(officer),
			subject,
			CreditCategory::Commendation,
			delta,
			H256::repeat_byte(3),
			block::<T>(10),
		);

		assert!(Records::<T>::contains_key(id));
		assert!(!Records::<T>::contains_key(oldest));
	}

	/// A record under objection (its objection deadline is removed from the queue too).
	#[benchmark]
	fn revoke() {
		let (id, _) = objected::<T>();
		let recorder = recorder::<T>().1;

		#[extrinsic_call]
		_(RawOrigin::Signed(recorder), id, 5);

		assert_eq!(Records::<T>::get(id).unwrap().status, RecordStatus::Revoked);
	}

	#[benchmark]
	fn object() {
		let (department, _) = recorder::<T>();
		let citizen: T::AccountId = account("citizen", 0, 0);
		let subject = subject::<T>(Some(citizen.clone()));
		let id = penalty::<T>(subject, department, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(citizen), id, H256::repeat_byte(2));

		assert_eq!(Records::<T>::get(id).unwrap().status, RecordStatus::UnderObjection);
	}

	#[benchmark]
	fn uphold() {
		let (id, _) = objected::<T>();
		let (_, adjudicator) = adjudicator::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(adjudicator), id, 6);

		assert_eq!(Records::<T>::get(id).unwrap().status, RecordStatus::Active);
	}

	#[benchmark]
	fn rectify() {
		let (id, _) = objected::<T>();
		let (_, adjudicator) = adjudicator::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(adjudicator), id, 7);

		assert_eq!(Records::<T>::get(id).unwrap().status, RecordStatus::Rectified);
	}

	#[benchmark]
	fn set_publication_limit() {
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance origin can be built");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, CreditCategory::Other, block::<T>(1_000));

		assert_eq!(PublicationLimits::<T>::get(CreditCategory::Other), Some(block::<T>(1_000)));
	}

	/// `s` blocks of the due queue looked at, the last holding `n` expiries of active records of
	/// `n` different subjects (each changing its subject's standing).
	#[benchmark]
	fn on_initialize(
		n: Linear<0, { T::MaxDuePerBlock::get() }>,
		s: Linear<1, { T::MaxDueScan::get() }>,
	) {
		let (department, _) = recorder::<T>();
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		let period = 10 + s;
		for _ in 0..n {
			penalty::<T>(subject::<T>(None), department, period);
		}
		let due = block::<T>(1 + period);
		DueCursor::<T>::put(due - block::<T>(s - 1));

		#[block]
		{
			Pallet::<T>::process_due(due);
		}

		assert_eq!(DueQueue::<T>::iter_prefix(due).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
