//! The queries behind the `AccessLogApi` runtime API.

use alloc::vec::Vec;
use polkadot_sdk::frame_system::pallet_prelude::*;

use crate::{
	pallet::*,
	runtime_api::{AccessInfo, PurposeInfo, SubjectAccessInfo, MAX_PAGE},
	Access, AccessId, DepartmentId, IdentityProvider, OrderedId, PurposeCode, RecordKind,
	RecordKinds, SubjectId,
};

/// A subject's access as the API reports it.
type SubjectAccess<T> =
	SubjectAccessInfo<<T as polkadot_sdk::frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The catalogue, by code.
	pub fn purposes_info() -> Vec<PurposeInfo> {
		let mut purposes: Vec<PurposeInfo> = Purposes::<T>::iter()
			.map(|(purpose, p)| PurposeInfo {
				purpose,
				name: p.name.into_inner(),
				legal_basis: p.legal_basis.into_inner(),
				roles: p.roles.into_inner(),
				kinds: p.kinds.into_inner(),
				status: p.status,
			})
			.collect();
		purposes.sort_by_key(|p| p.purpose);
		purposes
	}

	/// The first access kept that was logged at or after block `from` (ids grow with time, so
	/// a binary search over the kept ids finds it in a few dozen reads at most).
	fn first_logged_from(from: BlockNumberFor<T>) -> AccessId {
		let (mut low, mut high) = (Pruned::<T>::get().next, NextAccessId::<T>::get());
		while low < high {
			let middle = low.saturating_add(high.saturating_sub(low) / 2);
			match Accesses::<T>::get(middle) {
				Some(access) if access.at < from => low = middle.saturating_add(1),
				_ => high = middle,
			}
		}
		low
	}

	/// `subject`'s index from the access `first` on, oldest first.
	fn index_from(
		subject: SubjectId,
		first: AccessId,
	) -> impl Iterator<Item = (AccessId, RecordKinds)> {
		let entries = match first.checked_sub(1) {
			Some(before) => SubjectAccesses::<T>::iter_prefix_from(
				subject,
				SubjectAccesses::<T>::hashed_key_for(subject, OrderedId::from(before)),
			),
			None => SubjectAccesses::<T>::iter_prefix(subject),
		};
		entries.map(|(key, kinds)| (AccessId::from(key), kinds))
	}

	fn subject_view(id: AccessId, kinds: RecordKinds, access: Access<T>) -> SubjectAccess<T> {
		SubjectAccessInfo {
			access: id,
			at: access.at,
			department: access.department,
			officer: access.officer,
			purpose: access.purpose,
			case: access.case,
			kinds: kinds.into_inner(),
		}
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of the accesses to `subject`'s records logged from
	/// block `from` to block `to` (both included), oldest first, after `start_after`.
	pub fn accesses_of(
		subject: SubjectId,
		from: Option<BlockNumberFor<T>>,
		to: Option<BlockNumberFor<T>>,
		start_after: Option<AccessId>,
		limit: u32,
	) -> Vec<SubjectAccess<T>> {
		let mut first = from.map_or(0, Self::first_logged_from);
		if let Some(after) = start_after {
			match after.checked_add(1) {
				Some(next) => first = first.max(next),
				None => return Vec::new(),
			}
		}
		Self::index_from(subject, first)
			.filter_map(|(id, kinds)| Accesses::<T>::get(id).map(|a| (id, kinds, a)))
			.take_while(|(_, _, access)| to.is_none_or(|to| access.at <= to))
			.take(limit.min(MAX_PAGE) as usize)
			.map(|(id, kinds, access)| Self::subject_view(id, kinds, access))
			.collect()
	}

	/// [`Self::accesses_of`] for the subject `account` is linked to.
	pub fn accesses_of_account(
		account: T::AccountId,
		from: Option<BlockNumberFor<T>>,
		to: Option<BlockNumberFor<T>>,
		start_after: Option<AccessId>,
		limit: u32,
	) -> Vec<SubjectAccess<T>> {
		T::Identity::subject_of(&account).map_or_else(Vec::new, |subject| {
			Self::accesses_of(subject, from, to, start_after, limit)
		})
	}

	fn info(id: AccessId, access: Access<T>) -> AccessInfo<T::AccountId, BlockNumberFor<T>> {
		AccessInfo {
			access: id,
			at: access.at,
			department: access.department,
			officer: access.officer,
			purpose: access.purpose,
			case: access.case,
			subjects: access.subjects.into_inner(),
		}
	}

	/// One access, with every subject it covers.
	pub fn access_info(id: AccessId) -> Option<AccessInfo<T::AccountId, BlockNumberFor<T>>> {
		Accesses::<T>::get(id).map(|access| Self::info(id, access))
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `department`'s accesses under `purpose`, oldest
	/// first, after `start_after`; the page ends early once it holds [`MAX_PAGE`] entries.
	pub fn accesses_by_department(
		department: DepartmentId,
		purpose: PurposeCode,
		start_after: Option<AccessId>,
		limit: u32,
	) -> Vec<AccessInfo<T::AccountId, BlockNumberFor<T>>> {
		let ids = match start_after {
			Some(after) => DepartmentAccesses::<T>::iter_key_prefix_from(
				(department, purpose),
				DepartmentAccesses::<T>::hashed_key_for((
					department,
					purpose,
					OrderedId::from(after),
				)),
			),
			None => DepartmentAccesses::<T>::iter_key_prefix((department, purpose)),
		};
		let mut page = Vec::new();
		let mut entries = 0usize;
		for key in ids.take(limit.min(MAX_PAGE) as usize) {
			if entries >= MAX_PAGE as usize {
				break;
			}
			let id = AccessId::from(key);
			if let Some(access) = Accesses::<T>::get(id) {
				entries = entries.saturating_add(access.subjects.len());
				page.push(Self::info(id, access));
			}
		}
		page
	}

	/// The first access logged at or after block `since` by `department` that covers
	/// `subject`'s records of `kind`, among the subject's first [`MAX_PAGE`] accesses since then.
	pub fn covering_access(
		subject: SubjectId,
		kind: RecordKind,
		department: DepartmentId,
		since: BlockNumberFor<T>,
	) -> Option<SubjectAccess<T>> {
		Self::index_from(subject, Self::first_logged_from(since))
			.take(MAX_PAGE as usize)
			.filter(|(_, kinds)| kinds.contains(&kind))
			.filter_map(|(id, kinds)| Accesses::<T>::get(id).map(|a| (id, kinds, a)))
			.find(|(_, _, access)| access.department == department)
			.map(|(id, kinds, access)| Self::subject_view(id, kinds, access))
	}
}
