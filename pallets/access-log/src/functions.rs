//! The logic behind the calls and the pruning hook. Each `do_*` function checks everything first
//! and writes last, so a failing call changes nothing, and emits the call's events.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_runtime::Saturating,
};

use civitas_primitives::{all_distinct, IdentityProvider, RoleAuthority};

use crate::{
	pallet::*, Access, AccessId, OrderedId, PruneCursor, Purpose, PurposeCode, PurposeStatus,
	RecordKind, RecordKinds, Role, SubjectId, WeightInfo,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_purpose(
		purpose: PurposeCode,
		name: BoundedVec<u8, T::MaxNameLength>,
		legal_basis: BoundedVec<u8, T::MaxLegalBasisLength>,
		roles: BoundedVec<Role, T::MaxPurposeRoles>,
		kinds: RecordKinds,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::NameEmpty);
		ensure!(!legal_basis.is_empty(), Error::<T>::LegalBasisEmpty);
		ensure!(!roles.is_empty(), Error::<T>::RolesEmpty);
		ensure!(all_distinct(&roles), Error::<T>::DuplicateRole);
		ensure!(!kinds.is_empty(), Error::<T>::KindsEmpty);
		ensure!(all_distinct(&kinds), Error::<T>::DuplicateKind);
		let retired =
			Purposes::<T>::get(purpose).is_some_and(|p| p.status == PurposeStatus::Retired);
		ensure!(!retired, Error::<T>::PurposeAlreadyRetired);

		let record = Purpose::<T> {
			name: name.clone(),
			legal_basis: legal_basis.clone(),
			roles: roles.clone(),
			kinds: kinds.clone(),
			status: PurposeStatus::Active,
		};
		Purposes::<T>::insert(purpose, record);
		Self::deposit_event(Event::PurposeSet { purpose, name, legal_basis, roles, kinds });
		Ok(())
	}

	pub(crate) fn do_retire_purpose(purpose: PurposeCode) -> DispatchResult {
		let mut record = Purposes::<T>::get(purpose).ok_or(Error::<T>::PurposeNotFound)?;
		ensure!(record.status == PurposeStatus::Active, Error::<T>::PurposeAlreadyRetired);
		record.status = PurposeStatus::Retired;
		Purposes::<T>::insert(purpose, record);
		Self::deposit_event(Event::PurposeRetired { purpose });
		Ok(())
	}

	/// Logs an access by `officer` to the subjects and kinds in `entries` under `purpose`;
	/// returns its id.
	pub(crate) fn do_log(
		entries: BoundedVec<(SubjectId, RecordKind), T::MaxBatch>,
		purpose: PurposeCode,
		case: Option<H256>,
		officer: T::AccountId,
	) -> Result<AccessId, DispatchError> {
		ensure!(!entries.is_empty(), Error::<T>::EntriesEmpty);
		let record = Purposes::<T>::get(purpose).ok_or(Error::<T>::PurposeNotFound)?;
		ensure!(record.status == PurposeStatus::Active, Error::<T>::PurposeNotActive);
		let (department, _) = T::Roles::ensure_any_role(&officer, &record.roles)?;
		ensure!(
			entries.iter().all(|(_, kind)| record.kinds.contains(kind)),
			Error::<T>::KindNotCovered
		);
		// Each subject once in its index, with every kind of its records used.
		let mut by_subject: Vec<(SubjectId, RecordKind)> = entries.to_vec();
		by_subject.sort();
		ensure!(
			!by_subject.windows(2).any(|w| matches!(w, [a, b] if a == b)),
			Error::<T>::DuplicateEntry
		);
		let mut index: Vec<(SubjectId, RecordKinds)> = Vec::new();
		for (subject, kind) in by_subject {
			match index.last_mut() {
				Some((last, kinds)) if *last == subject => {
					kinds.try_push(kind).map_err(|_| Error::<T>::DuplicateEntry)?;
				},
				_ => {
					ensure!(T::Identity::kind(&subject).is_some(), Error::<T>::SubjectNotFound);
					index.push((subject, RecordKinds::truncate_from(alloc::vec![kind])));
				},
			}
		}
		let id = NextAccessId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let key = OrderedId::from(id);
		for (subject, kinds) in index {
			SubjectAccesses::<T>::insert(subject, key, kinds);
		}
		DepartmentAccesses::<T>::insert((department, purpose, key), ());
		let access = Access::<T> {
			department,
			officer: officer.clone(),
			purpose,
			case,
			at: frame_system::Pallet::<T>::block_number(),
			subjects: entries.clone(),
		};
		Accesses::<T>::insert(id, access);
		NextAccessId::<T>::put(next);
		Self::deposit_event(Event::AccessLogged {
			access: id,
			department,
			officer,
			purpose,
			case,
			subjects: entries,
		});
		Ok(id)
	}

	/// Removes the accesses logged `Retention` blocks or more before `now`, oldest first, at
	/// most `MaxPrunePerBlock` entries; returns the weight of the work done.
	pub(crate) fn prune(now: BlockNumberFor<T>) -> Weight {
		let mut cursor = Pruned::<T>::get();
		let end = NextAccessId::<T>::get();
		let mut budget = T::MaxPrunePerBlock::get();
		let mut weight = T::WeightInfo::prune_idle();
		let start = cursor;
		while budget > 0 && cursor.next < end {
			let Some(access) = Accesses::<T>::get(cursor.next) else {
				// Not reachable (ids below `end` are kept until pruned); skip it at a read's cost.
				cursor = PruneCursor { next: cursor.next.saturating_add(1), done: 0 };
				budget = budget.saturating_sub(1);
				weight.saturating_accrue(T::DbWeight::get().reads(1));
				continue;
			};
			if access.at.saturating_add(T::Retention::get()) > now {
				break;
			}
			let key = OrderedId::from(cursor.next);
			let total = access.subjects.len() as u32;
			let take = total.saturating_sub(cursor.done).min(budget);
			let first = cursor.done as usize;
			for (subject, _) in access.subjects.iter().skip(first).take(take as usize) {
				SubjectAccesses::<T>::remove(subject, key);
			}
			budget = budget.saturating_sub(take);
			cursor.done = cursor.done.saturating_add(take);
			weight.saturating_accrue(T::WeightInfo::prune(take));
			if cursor.done >= total {
				DepartmentAccesses::<T>::remove((access.department, access.purpose, key));
				Accesses::<T>::remove(cursor.next);
				cursor = PruneCursor { next: cursor.next.saturating_add(1), done: 0 };
			}
		}
		if cursor != start {
			Pruned::<T>::put(cursor);
			if cursor.next != start.next {
				Self::deposit_event(Event::AccessesPruned { before: cursor.next });
			}
		}
		weight
	}

	/// Builds the genesis catalogue.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		for p in &genesis.purposes {
			let name = p
				.name
				.as_bytes()
				.to_vec()
				.try_into()
				.map_err(|_| Error::<T>::MaxNameLengthExceeded)?;
			let legal_basis = p
				.legal_basis
				.as_bytes()
				.to_vec()
				.try_into()
				.map_err(|_| Error::<T>::MaxLegalBasisLengthExceeded)?;
			let roles =
				p.roles.clone().try_into().map_err(|_| Error::<T>::MaxPurposeRolesExceeded)?;
			// More kinds than there are cannot all be distinct.
			let kinds = p.kinds.clone().try_into().map_err(|_| Error::<T>::DuplicateKind)?;
			Self::do_set_purpose(p.code, name, legal_basis, roles, kinds)?;
		}
		Ok(())
	}
}
