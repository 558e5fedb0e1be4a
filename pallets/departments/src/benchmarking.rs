//! Benchmarks of the departments pallet (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::vec;
use civitas_primitives::RoleAuthority;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
};

/// The `i`-th role, cycling through all of them; a department never needs more distinct roles in
/// a benchmark than there are variants.
fn role(i: u32) -> Role {
	const ALL: [Role; 12] = [
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
	];
	ALL[(i as usize) % ALL.len()]
}

/// A department with the longest name and `roles` distinct roles, each expiring at block 2 (so
/// they are all in force in block 1 and lapsed from block 2 on).
fn department_with<T: Config>(roles: u32) -> DepartmentId {
	let name = vec![b'd'; T::MaxNameLength::get() as usize];
	let id = Pallet::<T>::do_register_department(name, DepartmentKind::Government).unwrap();
	let expiry: BlockNumberFor<T> = 2u32.into();
	for i in 0..roles {
		Pallet::<T>::do_grant_role(id, role(i), Some(expiry)).unwrap();
	}
	id
}

/// The origin the calls that only governance makes are benchmarked with.
fn governance<T: Config>() -> T::RuntimeOrigin {
	T::GovernanceOrigin::try_successful_origin().expect("governance origin can be built")
}

/// An admin officer of `department`, to benchmark the longer, admin path of officer management.
fn admin_of<T: Config>(department: DepartmentId) -> T::AccountId {
	let admin: T::AccountId = account("admin", department, 0);
	Pallet::<T>::do_add_officer(department, admin.clone(), true, Actor::Governance).unwrap();
	admin
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_department(n: Linear<1, { T::MaxNameLength::get() }>) {
		let origin = governance::<T>();
		let name: BoundedVec<u8, T::MaxNameLength> = vec![b'n'; n as usize].try_into().unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name, DepartmentKind::Court);

		assert!(Departments::<T>::contains_key(0));
	}

	/// With `r` grants held and the department at `MaxRoles`, all lapsed, so granting a new role
	/// first prunes every lapsed grant.
	#[benchmark]
	fn grant_role(r: Linear<1, { T::MaxRoles::get() }>) {
		let department = department_with::<T>(r);
		frame_system::Pallet::<T>::set_block_number(2u32.into());
		let origin = governance::<T>();
		// A role the department does not hold when `r` reaches every variant is impossible, so
		// renew the first one in that case: the map is then rewritten just the same.
		let new_role = if r < 12 { role(r) } else { role(0) };
		let expiry = Some(BlockNumberFor::<T>::from(100u32));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, department, new_role, expiry);

		assert!(Pallet::<T>::has_role(department, new_role));
	}

	#[benchmark]
	fn revoke_role(r: Linear<1, { T::MaxRoles::get() }>) {
		let department = department_with::<T>(r);
		let origin = governance::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, department, role(0));

		assert!(!Departments::<T>::get(department).unwrap().roles.contains_key(&role(0)));
	}

	#[benchmark]
	fn suspend_department() {
		let department = department_with::<T>(T::MaxRoles::get());
		let origin = governance::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, department);

		assert_eq!(Departments::<T>::get(department).unwrap().status, DepartmentStatus::Suspended);
	}

	#[benchmark]
	fn reinstate_department() {
		let department = department_with::<T>(T::MaxRoles::get());
		Pallet::<T>::do_set_status(department, DepartmentStatus::Suspended).unwrap();
		let origin = governance::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, department);

		assert_eq!(Departments::<T>::get(department).unwrap().status, DepartmentStatus::Active);
	}

	/// By an admin officer (which reads the admin's record and department besides).
	#[benchmark]
	fn add_officer() {
		let department = department_with::<T>(T::MaxRoles::get());
		let admin = admin_of::<T>(department);
		let officer: T::AccountId = account("officer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), department, officer.clone(), false);

		assert_eq!(Officers::<T>::get(&officer).unwrap().department, department);
	}

	/// By an admin officer (which reads the admin's record and department besides).
	#[benchmark]
	fn remove_officer() {
		let department = department_with::<T>(T::MaxRoles::get());
		let admin = admin_of::<T>(department);
		let officer: T::AccountId = account("officer", 0, 0);
		Pallet::<T>::do_add_officer(department, officer.clone(), false, Actor::Governance).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), officer.clone());

		assert!(!Officers::<T>::contains_key(&officer));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
