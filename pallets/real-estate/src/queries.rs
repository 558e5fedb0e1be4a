//! The queries behind the `RealEstateApi` runtime API.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_core::H256,
};

use crate::{
	pallet::*, Encumbrance, HistoryEntry, Licence, Property, PropertyId, PropertyStatus, Share,
	SubjectId, Transfer, TransferBlockers,
};

/// Queries behind the `RealEstateApi` runtime API.
impl<T: Config> Pallet<T> {
	/// The property `id`'s record.
	pub fn property(id: PropertyId) -> Option<Property<T>> {
		Properties::<T>::get(id)
	}

	/// The encumbrances registered on `property`, oldest first.
	pub fn encumbrances_of(property: PropertyId) -> Vec<Encumbrance<BlockNumberFor<T>>> {
		Encumbrances::<T>::get(property).into_inner()
	}

	/// The licences attached to `property`, in force or not.
	pub fn licences_of(property: PropertyId) -> Vec<Licence<BlockNumberFor<T>>> {
		Licences::<T>::get(property).into_inner()
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) of `subject`'s properties with
	/// its share, after `start_after`.
	pub fn properties_of(
		subject: SubjectId,
		start_after: Option<PropertyId>,
		limit: u32,
	) -> Vec<(PropertyId, Share)> {
		let limit = limit.min(crate::runtime_api::MAX_PAGE) as usize;
		match start_after {
			Some(last) => PropertiesOf::<T>::iter_prefix_from(
				subject,
				PropertiesOf::<T>::hashed_key_for(subject, last),
			)
			.take(limit)
			.collect(),
			None => PropertiesOf::<T>::iter_prefix(subject).take(limit).collect(),
		}
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) entries of `property`'s title
	/// history from sequence number `from`, oldest first.
	pub fn title_history(
		property: PropertyId,
		from: u32,
		limit: u32,
	) -> Vec<(u32, HistoryEntry<T>)> {
		let limit = limit.min(crate::runtime_api::MAX_PAGE);
		(from..from.saturating_add(limit))
			.map_while(|seq| TitleHistory::<T>::get(property, seq).map(|e| (seq, e)))
			.collect()
	}

	/// The property with this cadastral reference.
	pub fn property_by_cadastre(cadastral_ref: Vec<u8>) -> Option<PropertyId> {
		let key: BoundedVec<u8, T::MaxCadastralLength> = cadastral_ref.try_into().ok()?;
		PropertyByCadastre::<T>::get(key)
	}

	/// The licence of `property` whose document hashes to `document_hash`, and whether it is
	/// valid now.
	pub fn verify_licence(
		property: PropertyId,
		document_hash: H256,
	) -> Option<(Licence<BlockNumberFor<T>>, bool)> {
		let now = Self::now();
		let live =
			Properties::<T>::get(property).is_some_and(|p| p.status != PropertyStatus::Retired);
		Licences::<T>::get(property).into_iter().find(|l| l.document_hash == document_hash).map(
			|l| {
				let valid = live && l.valid_at(&now);
				(l, valid)
			},
		)
	}

	/// The open transfer of `property` and what blocks its completion now.
	pub fn transfer_status(property: PropertyId) -> Option<(Transfer<T>, TransferBlockers)> {
		let record = Properties::<T>::get(property)?;
		let transfer = Transfers::<T>::get(property)?;
		let blockers = Self::blockers(property, &record, &transfer);
		Some((transfer, blockers))
	}
}
