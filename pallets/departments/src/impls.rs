//! The departments pallet as the chain's [`RoleAuthority`].

use polkadot_sdk::{
	frame_support::{dispatch::DispatchResult, ensure},
	frame_system,
	sp_runtime::DispatchError,
};

use crate::{pallet::*, DepartmentId, DepartmentStatus, Role};
use civitas_primitives::RoleAuthority;

impl<T: Config> RoleAuthority<T::AccountId> for Pallet<T> {
	fn department_of(who: &T::AccountId) -> Option<DepartmentId> {
		Officers::<T>::get(who).map(|officer| officer.department)
	}

	fn ensure_role(who: &T::AccountId, role: Role) -> Result<DepartmentId, DispatchError> {
		let department = Officers::<T>::get(who).ok_or(Error::<T>::NotOfficer)?.department;
		Self::ensure_department_role(department, role)?;
		Ok(department)
	}

	fn ensure_department_role(department: DepartmentId, role: Role) -> DispatchResult {
		let record = Departments::<T>::get(department).ok_or(Error::<T>::DepartmentNotFound)?;
		ensure!(record.status == DepartmentStatus::Active, Error::<T>::DepartmentNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.holds(role, now), Error::<T>::RoleNotHeld);
		Ok(())
	}

	fn officer_count(department: DepartmentId) -> u32 {
		Departments::<T>::get(department).map_or(0, |d| d.officers)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_colleagues(
		department: DepartmentId,
		n: u32,
	) -> Result<alloc::vec::Vec<T::AccountId>, ()> {
		use crate::Actor;
		(0..n)
			.map(|i| {
				let officer: T::AccountId =
					polkadot_sdk::frame_benchmarking::account("colleague", department, i);
				// A colleague made by an earlier call is reused.
				if Self::department_of(&officer) != Some(department) {
					Self::do_add_officer(department, officer.clone(), false, Actor::Governance)
						.map_err(|_| ())?;
				}
				Ok(officer)
			})
			.collect()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_officer(role: Role) -> Result<T::AccountId, ()> {
		use crate::{Actor, DepartmentKind};
		use codec::Encode;

		let officer: T::AccountId =
			polkadot_sdk::frame_benchmarking::account("officer", role as u32, 0);
		if Self::department_with_role(&officer, role).is_some() {
			return Ok(officer);
		}
		let mut name = b"benchmark department ".to_vec();
		name.extend(role.encode());
		let department =
			Self::do_register_department(name, DepartmentKind::Government).map_err(|_| ())?;
		Self::do_grant_role(department, role, None).map_err(|_| ())?;
		Self::do_add_officer(department, officer.clone(), true, Actor::Governance)
			.map_err(|_| ())?;
		Ok(officer)
	}
}
