//! The logic behind the calls. Each `do_*` function checks everything first and writes last, so a
//! failing call changes nothing.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_runtime::SaturatedConversion,
};

use crate::{
	pallet::*,
	runtime_api::{DepartmentInfo, OfficerInfo},
	Actor, Department, DepartmentId, DepartmentKind, DepartmentStatus, GenesisDepartment, Officer,
	Role,
};

impl<T: Config> Pallet<T> {
	/// Registers a department and returns its id.
	pub(crate) fn do_register_department(
		name: Vec<u8>,
		kind: DepartmentKind,
	) -> Result<DepartmentId, DispatchError> {
		let name: BoundedVec<u8, T::MaxNameLength> =
			name.try_into().map_err(|_| Error::<T>::MaxNameLengthExceeded)?;
		ensure!(!name.is_empty(), Error::<T>::NameEmpty);
		ensure!(!DepartmentNames::<T>::contains_key(&name), Error::<T>::NameAlreadyExists);
		let department = NextDepartmentId::<T>::get();
		ensure!(department < T::MaxDepartments::get(), Error::<T>::MaxDepartmentsExceeded);
		let next = department.checked_add(1).ok_or(Error::<T>::MaxDepartmentsExceeded)?;

		NextDepartmentId::<T>::put(next);
		DepartmentNames::<T>::insert(&name, department);
		Departments::<T>::insert(
			department,
			Department::<T> {
				name: name.clone(),
				kind,
				status: DepartmentStatus::Active,
				roles: Default::default(),
				officers: 0,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::DepartmentRegistered { department, name, kind });
		Ok(department)
	}

	/// Grants (or renews) a role. Returns how many role grants the department held before, for
	/// the weight refund.
	pub(crate) fn do_grant_role(
		department: DepartmentId,
		role: Role,
		expires_at: Option<BlockNumberFor<T>>,
	) -> Result<u32, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(expiry) = expires_at {
			ensure!(expiry > now, Error::<T>::ExpiryInPast);
		}
		Departments::<T>::try_mutate(department, |maybe| {
			let d = maybe.as_mut().ok_or(Error::<T>::DepartmentNotFound)?;
			let held = d.roles.len().saturated_into();
			if !d.roles.contains_key(&role) && d.roles.len() >= T::MaxRoles::get() as usize {
				// Make room by dropping grants that have already lapsed.
				d.roles.retain(|_, expiry| match expiry {
					Some(e) => now < *e,
					None => true,
				});
			}
			d.roles.try_insert(role, expires_at).map_err(|_| Error::<T>::MaxRolesExceeded)?;
			Self::deposit_event(Event::RoleGranted { department, role, expires_at });
			Ok(held)
		})
	}

	/// Revokes a role. Returns how many role grants the department held before.
	pub(crate) fn do_revoke_role(
		department: DepartmentId,
		role: Role,
	) -> Result<u32, DispatchError> {
		Departments::<T>::try_mutate(department, |maybe| {
			let d = maybe.as_mut().ok_or(Error::<T>::DepartmentNotFound)?;
			let held = d.roles.len().saturated_into();
			d.roles.remove(&role).ok_or(Error::<T>::RoleNotHeld)?;
			Self::deposit_event(Event::RoleRevoked { department, role });
			Ok(held)
		})
	}

	/// Suspends or reinstates a department.
	pub(crate) fn do_set_status(
		department: DepartmentId,
		status: DepartmentStatus,
	) -> DispatchResult {
		Departments::<T>::try_mutate(department, |maybe| {
			let d = maybe.as_mut().ok_or(Error::<T>::DepartmentNotFound)?;
			match status {
				DepartmentStatus::Suspended => {
					ensure!(d.status == DepartmentStatus::Active, Error::<T>::AlreadySuspended);
					Self::deposit_event(Event::DepartmentSuspended { department });
				},
				DepartmentStatus::Active => {
					ensure!(d.status == DepartmentStatus::Suspended, Error::<T>::NotSuspended);
					Self::deposit_event(Event::DepartmentReinstated { department });
				},
			}
			d.status = status;
			Ok(())
		})
	}

	/// Adds an officer to a department.
	pub(crate) fn do_add_officer(
		department: DepartmentId,
		officer: T::AccountId,
		admin: bool,
		by: Actor<T::AccountId>,
	) -> DispatchResult {
		ensure!(!Officers::<T>::contains_key(&officer), Error::<T>::OfficerAlreadyExists);
		Departments::<T>::try_mutate(department, |maybe| {
			let d = maybe.as_mut().ok_or(Error::<T>::DepartmentNotFound)?;
			ensure!(d.officers < T::MaxOfficers::get(), Error::<T>::MaxOfficersExceeded);
			d.officers = d.officers.checked_add(1).ok_or(Error::<T>::MaxOfficersExceeded)?;

			let added_at = frame_system::Pallet::<T>::block_number();
			Officers::<T>::insert(&officer, Officer { department, admin, added_at });
			DepartmentOfficers::<T>::insert(department, &officer, ());
			Self::deposit_event(Event::OfficerAdded { department, officer, admin, by });
			Ok(())
		})
	}

	/// Removes an officer from its department.
	pub(crate) fn do_remove_officer(
		department: DepartmentId,
		officer: T::AccountId,
		by: Actor<T::AccountId>,
	) -> DispatchResult {
		Departments::<T>::try_mutate(department, |maybe| {
			let d = maybe.as_mut().ok_or(Error::<T>::DepartmentNotFound)?;
			d.officers = d.officers.saturating_sub(1);
			Officers::<T>::remove(&officer);
			DepartmentOfficers::<T>::remove(department, &officer);
			Self::deposit_event(Event::OfficerRemoved { department, officer, by });
			Ok(())
		})
	}

	/// Governance may manage any department's officers; a signed admin officer only its own
	/// department's, and only while that department is active.
	pub(crate) fn ensure_governance_or_admin(
		origin: OriginFor<T>,
		department: DepartmentId,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		let origin = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => return Ok(Actor::Governance),
			Err(origin) => origin,
		};
		let who = ensure_signed(origin).map_err(|_| Error::<T>::NotAuthorized)?;
		let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotAuthorized)?;
		ensure!(officer.admin && officer.department == department, Error::<T>::NotAuthorized);
		let active =
			Departments::<T>::get(department).is_some_and(|d| d.status == DepartmentStatus::Active);
		ensure!(active, Error::<T>::NotAuthorized);
		Ok(Actor::Account(who))
	}

	/// Registers a genesis department with its roles (without expiry) and officers.
	pub(crate) fn seed_department(seed: &GenesisDepartment<T::AccountId>) -> DispatchResult {
		let department = Self::do_register_department(seed.name.as_bytes().to_vec(), seed.kind)?;
		for role in &seed.roles {
			Self::do_grant_role(department, *role, None)?;
		}
		for (officer, admin) in &seed.officers {
			Self::do_add_officer(department, officer.clone(), *admin, Actor::Governance)?;
		}
		Ok(())
	}

	/// The storage invariants: every officer's department exists and lists it; each department's
	/// officer count matches its index; names and departments correspond one to one.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let next = NextDepartmentId::<T>::get();
		for (id, d) in Departments::<T>::iter() {
			ensure!(id < next, "department id not below NextDepartmentId");
			ensure!(DepartmentNames::<T>::get(&d.name) == Some(id), "name index out of step");
			let listed = DepartmentOfficers::<T>::iter_prefix(id).count();
			ensure!(listed == d.officers as usize, "officer count out of step");
			ensure!(d.officers <= T::MaxOfficers::get(), "too many officers");
		}
		ensure!(
			DepartmentNames::<T>::iter().count() == Departments::<T>::iter().count(),
			"a name without a department"
		);
		for (who, officer) in Officers::<T>::iter() {
			ensure!(
				DepartmentOfficers::<T>::contains_key(officer.department, &who),
				"officer missing from its department's index"
			);
		}
		Ok(())
	}
}

/// Queries behind the `DepartmentsApi` runtime API.
impl<T: Config> Pallet<T> {
	/// One department as the runtime API reports it.
	pub fn department_info(id: DepartmentId) -> Option<DepartmentInfo<BlockNumberFor<T>>> {
		Departments::<T>::get(id).map(|d| Self::info(id, d))
	}

	/// Every department (at most `MaxDepartments`), by id.
	pub fn departments_info() -> Vec<DepartmentInfo<BlockNumberFor<T>>> {
		let mut all: Vec<_> = Departments::<T>::iter().map(|(id, d)| Self::info(id, d)).collect();
		all.sort_by_key(|d| d.id);
		all
	}

	/// The roles `department` holds unexpired now; empty for an unknown department.
	pub fn roles_of(department: DepartmentId) -> Vec<Role> {
		let now = frame_system::Pallet::<T>::block_number();
		Departments::<T>::get(department).map(|d| d.roles_in_force(now)).unwrap_or_default()
	}

	/// The department `who` serves, since when and whether as an admin.
	pub fn officer_info(who: T::AccountId) -> Option<OfficerInfo<T::AccountId, BlockNumberFor<T>>> {
		let Officer { department, admin, added_at } = Officers::<T>::get(&who)?;
		Some(OfficerInfo { account: who, department, admin, added_at })
	}

	/// The officers of `department` (at most `MaxOfficers`), since when and whether each is an
	/// admin.
	pub fn officers_of(
		department: DepartmentId,
	) -> Vec<OfficerInfo<T::AccountId, BlockNumberFor<T>>> {
		DepartmentOfficers::<T>::iter_key_prefix(department)
			.filter_map(Self::officer_info)
			.collect()
	}

	fn info(id: DepartmentId, d: Department<T>) -> DepartmentInfo<BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		DepartmentInfo {
			id,
			roles_in_force: d.roles_in_force(now),
			name: d.name.into_inner(),
			kind: d.kind,
			status: d.status,
			grants: d.roles.into_iter().collect(),
			officers: d.officers,
			registered_at: d.registered_at,
		}
	}
}
