//! Registering and retiring properties, and handing a property to another registry.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	sp_core::H256,
};

use crate::{
	pallet::*, DepartmentId, Property, PropertyId, PropertyStatus, Share, SubjectId, TitleChange,
};
use civitas_primitives::EnsureOfficer;

impl<T: Config> Pallet<T> {
	/// Registers a property kept by `department`'s registry, as its officer's call asks.
	pub(crate) fn do_register_property(
		cadastral_ref: BoundedVec<u8, T::MaxCadastralLength>,
		location_commitment: H256,
		area_m2: u32,
		usage: crate::Usage,
		owners: BoundedVec<(SubjectId, Share), T::MaxOwners>,
		title_certificate: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let property = Self::do_register(
			cadastral_ref.into_inner(),
			location_commitment,
			area_m2,
			usage,
			owners.into_inner(),
			title_certificate,
			department,
		)?;
		Self::deposit_event(Event::PropertyRegistered { property, department, officer });
		Ok(())
	}

	/// Registers a property (a registrar's call, or genesis, which emits no events).
	pub(crate) fn do_register(
		cadastral_ref: Vec<u8>,
		location_commitment: H256,
		area_m2: u32,
		usage: crate::Usage,
		owners: Vec<(SubjectId, Share)>,
		title_certificate: H256,
		department: DepartmentId,
	) -> Result<PropertyId, DispatchError> {
		ensure!(!cadastral_ref.is_empty(), Error::<T>::CadastralRefEmpty);
		let cadastral_ref: BoundedVec<u8, T::MaxCadastralLength> =
			cadastral_ref.try_into().map_err(|_| Error::<T>::MaxCadastralLengthExceeded)?;
		ensure!(
			!PropertyByCadastre::<T>::contains_key(&cadastral_ref),
			Error::<T>::CadastralRefAlreadyExists
		);
		let owners = Self::checked_owners(owners)?;
		let property = NextPropertyId::<T>::get();
		let next = property.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let mut record = Property::<T> {
			cadastral_ref: cadastral_ref.clone(),
			location_commitment,
			area_m2,
			usage,
			owners: owners.clone(),
			title_certificate,
			status: PropertyStatus::Active,
			registry: department,
			version: 0,
			successors: BoundedVec::new(),
		};
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Registered { owners: owners.clone() },
		)?;
		for (subject, share) in &owners {
			PropertiesOf::<T>::insert(subject, property, share);
		}
		NextPropertyId::<T>::put(next);
		PropertyByCadastre::<T>::insert(&cadastral_ref, property);
		Properties::<T>::insert(property, record);
		Ok(property)
	}

	pub(crate) fn do_retire(
		property: PropertyId,
		successors: BoundedVec<PropertyId, T::MaxSuccessors>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::kept_by(property, department)?;
		ensure!(record.status != PropertyStatus::Frozen, Error::<T>::PropertyUnderFreeze);
		ensure!(
			Encumbrances::<T>::decode_len(property).unwrap_or(0) == 0,
			Error::<T>::EncumbrancesOutstanding
		);
		ensure!(!Transfers::<T>::contains_key(property), Error::<T>::TransferAlreadyOpen);
		ensure!(!successors.is_empty(), Error::<T>::SuccessorsEmpty);
		for (i, successor) in successors.iter().enumerate() {
			ensure!(
				*successor != property && !successors.iter().take(i).any(|s| s == successor),
				Error::<T>::InvalidSuccessor
			);
			let live = Properties::<T>::get(successor)
				.is_some_and(|s| s.status != PropertyStatus::Retired);
			ensure!(live, Error::<T>::InvalidSuccessor);
		}

		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Retired { successors: successors.clone() },
		)?;
		for (subject, _) in &record.owners {
			PropertiesOf::<T>::remove(subject, property);
		}
		record.status = PropertyStatus::Retired;
		record.successors = successors.clone();
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::PropertyRetired { property, successors, department, officer });
		Ok(())
	}

	pub(crate) fn do_set_registry(property: PropertyId, registry: DepartmentId) -> DispatchResult {
		let mut record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(T::RegistrarOrigin::allows(registry), Error::<T>::NotARegistrar);
		let stale = Self::stale_transfer(property)?;
		if let Some(transfer) = stale {
			Transfers::<T>::remove(property);
			Self::deposit_event(Event::TransferLapsed { property, transfer });
		}
		let from = core::mem::replace(&mut record.registry, registry);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::RegistryChanged { property, from, to: registry });
		Ok(())
	}
}
