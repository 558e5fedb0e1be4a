//! The queries behind the `RealEstateApi` runtime API.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_core::H256,
};

use crate::{
	pallet::*,
	runtime_api::{
		Holding, LicenceVerification, PropertyInfo, TitleChangeInfo, TitleEntryInfo, TransferInfo,
		MAX_PAGE,
	},
	Encumbrance, HistoryEntry, Licence, Property, PropertyId, PropertyStatus, SubjectId,
	TitleChange, Transfer,
};

/// Queries behind the `RealEstateApi` runtime API.
impl<T: Config> Pallet<T> {
	/// The property `id` and its current title.
	pub fn property_info(id: PropertyId) -> Option<PropertyInfo> {
		let Property {
			cadastral_ref,
			location_commitment,
			area_m2,
			usage,
			owners,
			title_certificate,
			status,
			registry,
			version,
			successors,
		} = Properties::<T>::get(id)?;
		Some(PropertyInfo {
			id,
			cadastral_ref: cadastral_ref.into_inner(),
			location_commitment,
			area_m2,
			usage,
			owners: owners.into_inner(),
			title_certificate,
			status,
			registry,
			version,
			successors: successors.into_inner(),
		})
	}

	/// The encumbrances registered on `property`, oldest first.
	pub fn encumbrances_of(property: PropertyId) -> Vec<Encumbrance<BlockNumberFor<T>>> {
		Encumbrances::<T>::get(property).into_inner()
	}

	/// The licences attached to `property`, in force or not.
	pub fn licences_of(property: PropertyId) -> Vec<Licence<BlockNumberFor<T>>> {
		Licences::<T>::get(property).into_inner()
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `subject`'s properties with its share, after
	/// `start_after`.
	pub fn properties_of(
		subject: SubjectId,
		start_after: Option<PropertyId>,
		limit: u32,
	) -> Vec<Holding> {
		let held = match start_after {
			Some(last) => PropertiesOf::<T>::iter_prefix_from(
				subject,
				PropertiesOf::<T>::hashed_key_for(subject, last),
			),
			None => PropertiesOf::<T>::iter_prefix(subject),
		};
		held.take(limit.min(MAX_PAGE) as usize)
			.map(|(property, share)| Holding { property, share })
			.collect()
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) entries of `property`'s title history after the
	/// sequence number `start_after` (from the first without it), oldest first.
	pub fn title_history(
		property: PropertyId,
		start_after: Option<u32>,
		limit: u32,
	) -> Vec<TitleEntryInfo<BlockNumberFor<T>>> {
		let from = match start_after {
			Some(seq) => match seq.checked_add(1) {
				Some(next) => next,
				None => return Vec::new(),
			},
			None => 0,
		};
		(from..from.saturating_add(limit.min(MAX_PAGE)))
			.map_while(|seq| TitleHistory::<T>::get(property, seq).map(|e| Self::entry(seq, e)))
			.collect()
	}

	fn entry(seq: u32, e: HistoryEntry<T>) -> TitleEntryInfo<BlockNumberFor<T>> {
		let change = match e.change {
			TitleChange::Registered { owners } => {
				TitleChangeInfo::Registered { owners: owners.into_inner() }
			},
			TitleChange::Transferred { owners, price, deed } => {
				TitleChangeInfo::Transferred { owners: owners.into_inner(), price, deed }
			},
			TitleChange::Encumbered { encumbrance } => TitleChangeInfo::Encumbered { encumbrance },
			TitleChange::Released { encumbrance } => TitleChangeInfo::Released { encumbrance },
			TitleChange::Retired { successors } => {
				TitleChangeInfo::Retired { successors: successors.into_inner() }
			},
		};
		TitleEntryInfo {
			seq,
			at: e.at,
			department: e.department,
			title_certificate: e.title_certificate,
			change,
		}
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
	) -> Option<LicenceVerification<BlockNumberFor<T>>> {
		let now = Self::now();
		let live =
			Properties::<T>::get(property).is_some_and(|p| p.status != PropertyStatus::Retired);
		let licence =
			Licences::<T>::get(property).into_iter().find(|l| l.document_hash == document_hash)?;
		let valid_now = live && licence.valid_at(&now);
		Some(LicenceVerification { property, licence, valid_now })
	}

	/// The open transfer of `property` and what blocks its completion now.
	pub fn transfer_status(
		property: PropertyId,
	) -> Option<TransferInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = Properties::<T>::get(property)?;
		let transfer = Transfers::<T>::get(property)?;
		let blockers = Self::blockers(property, &record, &transfer);
		let Transfer {
			id,
			terms,
			buyers,
			price,
			deed,
			opened_by,
			opener,
			opened_at,
			expires_at,
			consents,
		} = transfer;
		Some(TransferInfo {
			property,
			id,
			terms,
			buyers: buyers.into_inner(),
			price,
			deed,
			opened_by,
			opener,
			opened_at,
			expires_at,
			consents: consents.into_inner(),
			blockers,
		})
	}
}
