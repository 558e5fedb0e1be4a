//! Benchmarks of the access log (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::vec::Vec;
use civitas_primitives::SubjectKind;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
};

/// Every role, in declaration order.
const ROLES: [Role; 15] = [
	Role::IdentityRegistrar,
	Role::CredentialIssuer,
	Role::CreditRecorder,
	Role::CreditAdjudicator,
	Role::LandRegistrar,
	Role::Lender,
	Role::Court,
	Role::TaxAuthority,
	Role::BillIssuer,
	Role::FundCommittee,
	Role::FundTreasurer,
	Role::Auditor,
	Role::Reimburser,
	Role::Councillor,
	Role::NodeOperator,
];

/// Every kind of record.
fn all_kinds() -> RecordKinds {
	RecordKinds::truncate_from(alloc::vec![
		RecordKind::Identity,
		RecordKind::Credentials,
		RecordKind::Credit,
		RecordKind::Property,
		RecordKind::Bills,
		RecordKind::Grants,
	])
}

/// `MaxPurposeRoles` distinct roles (as many as there are, at most).
fn roles<T: Config>() -> BoundedVec<Role, T::MaxPurposeRoles> {
	BoundedVec::truncate_from(ROLES.to_vec())
}

/// The purpose `code` with the longest name and legal basis, the most roles and every kind.
fn largest_purpose<T: Config>(code: PurposeCode) {
	Pallet::<T>::do_set_purpose(
		code,
		BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLength::get() as usize]),
		BoundedVec::truncate_from(alloc::vec![b'l'; T::MaxLegalBasisLength::get() as usize]),
		roles::<T>(),
		all_kinds(),
	)
	.unwrap();
}

/// An officer whose department holds only the purpose's last role, so that every role before
/// it is tried first.
fn officer<T: Config>() -> T::AccountId {
	let last = *roles::<T>().last().expect("a purpose names a role");
	T::Roles::successful_officer(last).expect("an officer can be made")
}

/// `n` entries about `n` distinct registered subjects.
fn entries<T: Config>(n: u32) -> BoundedVec<(SubjectId, RecordKind), T::MaxBatch> {
	let subjects =
		T::Identity::successful_subjects(SubjectKind::Enterprise, n).expect("subjects can be made");
	let entries: Vec<_> = subjects.into_iter().map(|s| (s, RecordKind::Bills)).collect();
	BoundedVec::truncate_from(entries)
}

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	n.into()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Replacing an existing purpose with the largest one.
	#[benchmark]
	fn set_purpose() {
		largest_purpose::<T>(1);
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance can be made");
		let name = BoundedVec::truncate_from(alloc::vec![b'm'; T::MaxNameLength::get() as usize]);
		let basis =
			BoundedVec::truncate_from(alloc::vec![b'k'; T::MaxLegalBasisLength::get() as usize]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1, name, basis, roles::<T>(), all_kinds());

		assert_eq!(Purposes::<T>::get(1).unwrap().name[0], b'm');
	}

	#[benchmark]
	fn retire_purpose() {
		largest_purpose::<T>(1);
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance can be made");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 1);

		assert_eq!(Purposes::<T>::get(1).unwrap().status, PurposeStatus::Retired);
	}

	/// One entry, under the largest purpose, by an officer whose role the purpose names last.
	#[benchmark]
	fn log_access() {
		largest_purpose::<T>(1);
		let officer = officer::<T>();
		let (subject, kind) = entries::<T>(1)[0];

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), subject, kind, 1, Some(H256::repeat_byte(1)));

		assert_eq!(NextAccessId::<T>::get(), 1);
	}

	/// `n` entries about `n` distinct subjects.
	#[benchmark]
	fn log_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		largest_purpose::<T>(1);
		let officer = officer::<T>();
		let entries = entries::<T>(n);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), entries, 1, Some(H256::repeat_byte(1)));

		assert_eq!(Accesses::<T>::get(0).unwrap().subjects.len() as u32, n);
	}

	/// One due access of `n` entries about `n` distinct subjects, pruned whole.
	#[benchmark]
	fn prune(n: Linear<1, { T::MaxBatch::get().min(T::MaxPrunePerBlock::get()) }>) {
		largest_purpose::<T>(1);
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		Pallet::<T>::do_log(entries::<T>(n), 1, None, officer::<T>()).unwrap();
		let now = block::<T>(1) + T::Retention::get();

		#[block]
		{
			Pallet::<T>::prune(now);
		}

		assert!(!Accesses::<T>::contains_key(0));
		assert_eq!(Pruned::<T>::get().next, 1);
	}

	/// The oldest access is not due yet: the hook reads it and stops.
	#[benchmark]
	fn prune_idle() {
		largest_purpose::<T>(1);
		frame_system::Pallet::<T>::set_block_number(block::<T>(1));
		Pallet::<T>::do_log(entries::<T>(1), 1, None, officer::<T>()).unwrap();

		#[block]
		{
			Pallet::<T>::prune(block::<T>(2));
		}

		assert!(Accesses::<T>::contains_key(0));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
