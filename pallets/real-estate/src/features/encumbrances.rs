//! Mortgages (a bank's request, the registrar's entry), leases, easements, court freezes and
//! their release.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::*,
	sp_core::H256,
};

use crate::{
	pallet::*, Amount, DepartmentId, Encumbrance, EncumbranceKind, IdentityProvider,
	MortgageRequest, PropertyId, PropertyStatus, RoleAuthority, TitleChange,
};
use civitas_primitives::EnsureOfficer;

impl<T: Config> Pallet<T> {
	/// Registers a lease or an easement on `property`, kept by `department`'s registry.
	pub(crate) fn do_register_encumbrance(
		property: PropertyId,
		encumbrance: crate::RegistrarEncumbrance<BlockNumberFor<T>>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::ensure_registry(property, department)?;
		let kind = match encumbrance {
			crate::RegistrarEncumbrance::Lease { lessee, until } => {
				ensure!(until > Self::now(), Error::<T>::LeaseEndInPast);
				ensure!(T::Identity::is_active(&lessee), Error::<T>::OwnerNotActive);
				EncumbranceKind::Lease { lessee, until }
			},
			crate::RegistrarEncumbrance::Easement { note } => EncumbranceKind::Easement { note },
		};
		Self::do_encumber(property, kind, department, officer)
	}

	pub(crate) fn do_request_mortgage(
		property: PropertyId,
		lender: DepartmentId,
		amount: Amount,
		contract: H256,
		officer: T::AccountId,
	) -> DispatchResult {
		let record = Self::live_property(property)?;
		ensure!(record.status != PropertyStatus::Frozen, Error::<T>::PropertyUnderFreeze);
		ensure!(amount > 0, Error::<T>::AmountZero);
		ensure!(
			!MortgageRequests::<T>::contains_key(property, lender),
			Error::<T>::MortgageAlreadyRequested
		);
		let request = MortgageRequest { amount, contract, requested_at: Self::now() };
		MortgageRequests::<T>::insert(property, lender, request);
		Self::deposit_event(Event::MortgageRequested { property, lender, amount, officer });
		Ok(())
	}

	pub(crate) fn do_register_mortgage(
		property: PropertyId,
		lender: DepartmentId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::ensure_registry(property, department)?;
		let request = MortgageRequests::<T>::get(property, lender)
			.ok_or(Error::<T>::MortgageRequestNotFound)?;
		ensure!(T::LenderOrigin::allows(lender), Error::<T>::NotLender);
		let mortgages = Encumbrances::<T>::get(property)
			.iter()
			.filter(|e| matches!(e.kind, EncumbranceKind::Mortgage { .. }))
			.count();
		let rank = u8::try_from(mortgages.saturating_add(1))
			.map_err(|_| Error::<T>::MaxMortgagesExceeded)?;
		let kind = EncumbranceKind::Mortgage { lender, amount: request.amount, rank };
		Self::do_encumber(property, kind, department, officer)?;
		MortgageRequests::<T>::remove(property, lender);
		Ok(())
	}

	/// Registers `kind` on `property`. A freeze blocks new mortgages, not further freezes, leases
	/// or easements.
	pub(crate) fn do_encumber(
		property: PropertyId,
		kind: EncumbranceKind<BlockNumberFor<T>>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::live_property(property)?;
		let is_mortgage = matches!(kind, EncumbranceKind::Mortgage { .. });
		ensure!(
			!(is_mortgage && record.status == PropertyStatus::Frozen),
			Error::<T>::PropertyUnderFreeze
		);
		let mut encumbrances = Encumbrances::<T>::get(property);
		let id = NextEncumbranceId::<T>::get(property);
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let encumbrance =
			Encumbrance { id, kind, registered_by: department, registered_at: Self::now() };
		encumbrances.try_push(encumbrance).map_err(|_| Error::<T>::MaxEncumbrancesExceeded)?;

		if matches!(kind, EncumbranceKind::CourtFreeze { .. }) {
			record.status = PropertyStatus::Frozen;
		}
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Encumbered { encumbrance },
		)?;
		NextEncumbranceId::<T>::insert(property, next);
		Encumbrances::<T>::insert(property, encumbrances);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::EncumbranceRegistered {
			property,
			encumbrance,
			department,
			officer,
		});
		Ok(())
	}

	/// The department of `who` if it may release `encumbrance`.
	fn releaser(
		who: &T::AccountId,
		encumbrance: &Encumbrance<BlockNumberFor<T>>,
		registry: DepartmentId,
	) -> Result<DepartmentId, DispatchError> {
		let department = T::Roles::department_of(who).ok_or(Error::<T>::NotReleaser)?;
		let court = || T::CourtOrigin::allows(department);
		let allowed = match encumbrance.kind {
			EncumbranceKind::Mortgage { lender, .. } => {
				(department == lender && T::LenderOrigin::allows(department)) || court()
			},
			EncumbranceKind::CourtFreeze { .. } => {
				department == encumbrance.registered_by && court()
			},
			EncumbranceKind::Lease { .. } | EncumbranceKind::Easement { .. } => {
				department == registry && T::RegistrarOrigin::allows(department)
			},
		};
		ensure!(allowed, Error::<T>::NotReleaser);
		Ok(department)
	}

	pub(crate) fn do_release(property: PropertyId, id: u32, who: T::AccountId) -> DispatchResult {
		let mut record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		let mut encumbrances = Encumbrances::<T>::get(property);
		let at =
			encumbrances.iter().position(|e| e.id == id).ok_or(Error::<T>::EncumbranceNotFound)?;
		let released = encumbrances.remove(at);
		let department = Self::releaser(&who, &released, record.registry)?;

		// Junior mortgages move up one rank.
		if let EncumbranceKind::Mortgage { rank: gone, .. } = released.kind {
			for e in encumbrances.iter_mut() {
				if let EncumbranceKind::Mortgage { rank, .. } = &mut e.kind {
					if *rank > gone {
						*rank = rank.saturating_sub(1);
					}
				}
			}
		}
		let frozen =
			encumbrances.iter().any(|e| matches!(e.kind, EncumbranceKind::CourtFreeze { .. }));
		if record.status == PropertyStatus::Frozen && !frozen {
			record.status = PropertyStatus::Active;
		}
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Released { encumbrance: id },
		)?;
		Encumbrances::<T>::insert(property, encumbrances);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::EncumbranceReleased {
			property,
			encumbrance: id,
			department,
			officer: who,
		});
		Ok(())
	}
}
