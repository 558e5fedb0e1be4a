//! The access log's invariants, checked by `try_state` and after every unit test.

use alloc::vec::Vec;
use polkadot_sdk::{frame_support::ensure, sp_runtime::TryRuntimeError};

use civitas_primitives::all_distinct;

use crate::{pallet::*, AccessId, OrderedId, RecordKind};

impl<T: Config> Pallet<T> {
	/// Every purpose names roles and distinct kinds. The accesses kept are exactly the ids from
	/// the pruning cursor to the next id, logged in time order, each with entries; each subject's
	/// index lists exactly the kept accesses that name it, with the kinds they name; each
	/// department's index lists exactly its kept accesses under their purposes. (The access being
	/// pruned, if any, is left out of the index checks: its first entries are gone already.)
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (_, purpose) in Purposes::<T>::iter() {
			ensure!(!purpose.roles.is_empty(), "a purpose no role may invoke");
			ensure!(all_distinct(&purpose.roles), "a purpose lists a role twice");
			ensure!(!purpose.kinds.is_empty(), "a purpose covering no kind of record");
			ensure!(all_distinct(&purpose.kinds), "a purpose lists a kind twice");
		}
		let cursor = Pruned::<T>::get();
		let next = NextAccessId::<T>::get();
		ensure!(cursor.next <= next, "pruned beyond the last access");
		let mut kept = 0u64;
		let mut last_at = None;
		for id in cursor.next..next {
			let access =
				Accesses::<T>::get(id).ok_or("an access between cursor and next id is gone")?;
			ensure!(!access.subjects.is_empty(), "an access without entries");
			ensure!(last_at.is_none_or(|at| at <= access.at), "accesses out of time order");
			last_at = Some(access.at);
			kept = kept.saturating_add(1);
			if id == cursor.next && cursor.done > 0 {
				continue;
			}
			let key = OrderedId::from(id);
			for (subject, kind) in &access.subjects {
				let kinds = SubjectAccesses::<T>::get(subject, key)
					.ok_or("an entry missing from its subject's index")?;
				ensure!(kinds.contains(kind), "a kind missing from the subject's index");
			}
			ensure!(
				DepartmentAccesses::<T>::contains_key((access.department, access.purpose, key)),
				"an access missing from its department's index"
			);
		}
		ensure!(
			Accesses::<T>::iter_keys().count() as u64 == kept,
			"an access outside the kept ids"
		);
		for (subject, key, kinds) in SubjectAccesses::<T>::iter() {
			let id = AccessId::from(key);
			let access = Accesses::<T>::get(id).ok_or("a subject's index names a pruned access")?;
			let named: Vec<RecordKind> = access
				.subjects
				.iter()
				.filter(|(s, _)| *s == subject)
				.map(|(_, kind)| *kind)
				.collect();
			if id != cursor.next || cursor.done == 0 {
				let mut listed = kinds.into_inner();
				listed.sort();
				let mut named = named;
				named.sort();
				ensure!(listed == named, "a subject's index disagrees with the access");
			}
		}
		for ((department, purpose, key), ()) in DepartmentAccesses::<T>::iter() {
			let access = Accesses::<T>::get(AccessId::from(key))
				.ok_or("a department's index names a pruned access")?;
			ensure!(
				(access.department, access.purpose) == (department, purpose),
				"a department's index disagrees with the access"
			);
		}
		Ok(())
	}
}
