//! The logic behind the calls, one file per feature as in FRAME's `pallet-nfts`: each call is an
//! origin check plus one `do_*` function, which checks everything first and writes last (a
//! failing call changes nothing) and emits the call's events. `do_*` functions take the record
//! first and the acting department and officer last. This file holds what the features share and
//! the genesis build.

mod encumbrances;
mod licences;
mod register;
mod tax;
mod transfer;

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
};

use crate::{
	pallet::*, DepartmentId, HistoryEntry, IdentityProvider, Licence, LicenceKind, LicenceStatus,
	Owners, Property, PropertyId, PropertyStatus, Share, SubjectId, TitleChange, TransferId, WHOLE,
};

impl<T: Config> Pallet<T> {
	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Checks a list of owners (or buyers): 1..=MaxOwners distinct active subjects with
	/// non-zero shares summing to 1000.
	pub(crate) fn checked_owners(
		owners: Vec<(SubjectId, Share)>,
	) -> Result<Owners<T>, DispatchError> {
		ensure!(!owners.is_empty(), Error::<T>::OwnersEmpty);
		let owners: Owners<T> = owners.try_into().map_err(|_| Error::<T>::MaxOwnersExceeded)?;
		let mut total: u32 = 0;
		for (i, (subject, share)) in owners.iter().enumerate() {
			ensure!(*share > 0, Error::<T>::ShareZero);
			total = total.saturating_add(u32::from(*share));
			ensure!(
				!owners.iter().take(i).any(|(other, _)| other == subject),
				Error::<T>::DuplicateOwner
			);
		}
		ensure!(total == u32::from(WHOLE), Error::<T>::SharesNotWhole);
		ensure!(owners.iter().all(|(s, _)| T::Identity::is_active(s)), Error::<T>::OwnerNotActive);
		Ok(owners)
	}

	/// A property that exists and is not retired.
	fn live_property(property: PropertyId) -> Result<Property<T>, DispatchError> {
		let record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(record.status != PropertyStatus::Retired, Error::<T>::PropertyAlreadyRetired);
		Ok(record)
	}

	/// `property` if `registry` keeps it (retired or not): a registrar acts only on its own
	/// registry's properties.
	fn in_registry(
		property: PropertyId,
		registry: DepartmentId,
	) -> Result<Property<T>, DispatchError> {
		let record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(record.registry == registry, Error::<T>::NotPropertyRegistry);
		Ok(record)
	}

	/// A live property kept by `registry`.
	fn kept_by(property: PropertyId, registry: DepartmentId) -> Result<Property<T>, DispatchError> {
		let record = Self::in_registry(property, registry)?;
		ensure!(record.status != PropertyStatus::Retired, Error::<T>::PropertyAlreadyRetired);
		Ok(record)
	}

	/// `Ok` if `property` exists and `registry` keeps it.
	pub(crate) fn ensure_registry(property: PropertyId, registry: DepartmentId) -> DispatchResult {
		Self::in_registry(property, registry).map(|_| ())
	}

	/// The number of `property`'s open transfer if it is stale (it may be replaced), `None` if
	/// there is none; fails with `TransferAlreadyOpen` while one is in time.
	fn stale_transfer(property: PropertyId) -> Result<Option<TransferId>, DispatchError> {
		match Transfers::<T>::get(property) {
			Some(open) if open.expires_at >= Self::now() => {
				Err(Error::<T>::TransferAlreadyOpen.into())
			},
			Some(open) => Ok(Some(open.id)),
			None => Ok(None),
		}
	}

	/// Appends `change` to `property`'s history and bumps its version (the caller writes
	/// `record` back).
	fn record_history(
		property: PropertyId,
		record: &mut Property<T>,
		department: DepartmentId,
		change: TitleChange<T>,
	) -> DispatchResult {
		let seq = record.version;
		record.version = seq.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let entry = HistoryEntry::<T> {
			at: Self::now(),
			department,
			title_certificate: record.title_certificate,
			change,
		};
		TitleHistory::<T>::insert(property, seq, entry);
		Ok(())
	}

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		for (kind, rule) in &genesis.licence_rules {
			Self::check_licence_rule(rule)?;
			LicenceRules::<T>::insert(kind, rule);
		}
		// No rules at all leaves licensing closed until governance sets them; once there are
		// rules, every kind has one.
		ensure!(
			genesis.licence_rules.is_empty()
				|| LicenceKind::ALL.iter().all(LicenceRules::<T>::contains_key),
			Error::<T>::LicenceRuleNotFound
		);
		for (usage, kinds) in &genesis.required_licences {
			let kinds: BoundedVec<LicenceKind, T::MaxRequiredLicences> =
				kinds.clone().try_into().map_err(|_| Error::<T>::MaxLicencesExceeded)?;
			RequiredLicences::<T>::insert(usage, kinds);
		}
		for p in &genesis.properties {
			let certificate =
				H256::from(blake2_256(&(b"title", p.cadastral_ref.as_bytes()).encode()));
			let location =
				H256::from(blake2_256(&(b"location", p.cadastral_ref.as_bytes()).encode()));
			let id = Self::do_register(
				p.cadastral_ref.as_bytes().to_vec(),
				location,
				p.area_m2,
				p.usage,
				p.owners.clone(),
				certificate,
				p.registry,
			)?;
			let mut licences = Licences::<T>::get(id);
			for (kind, document_hash, issuer) in &p.licences {
				let licence = Licence {
					kind: *kind,
					document_hash: *document_hash,
					issuer: *issuer,
					issued_at: Self::now(),
					valid_until: None,
					status: LicenceStatus::Active,
				};
				licences.try_push(licence).map_err(|_| Error::<T>::MaxLicencesExceeded)?;
			}
			Licences::<T>::insert(id, licences);
		}
		Ok(())
	}
}
