//! Storage migrations of the register, one module per storage version.
//!
//! A change to the layout of anything the pallet stores bumps its storage version and comes with
//! a migration here: a [`VersionedMigration`] that runs once, only from the version before,
//! with `pre_upgrade`/`post_upgrade` checks that `try-runtime` runs against real state. The
//! runtime lists it in its `Migrations` until every chain has run it.

pub mod v2 {
	//! Storage version 2: every licence rule gains `max_validity`, the longest a licence of its
	//! kind may run. Version-1 rules migrate to `None` (licences may be open-ended), the
	//! behaviour they had, so no licence issued before the upgrade changes meaning.
	//!
	//! Weight: [`LicenceRules`](crate::LicenceRules) holds at most one rule per
	//! [`LicenceKind`], so the migration reads and writes at most `LicenceKind::ALL.len()`
	//! values: one block is plenty.

	use crate::{pallet::*, LicenceIssuers, LicenceKind, LicenceRule, LOG_TARGET};
	use codec::{Decode, Encode, MaxEncodedLen};
	use core::marker::PhantomData;
	use polkadot_sdk::{
		frame_support::{
			migrations::VersionedMigration,
			storage_alias,
			traits::{Get, UncheckedOnRuntimeUpgrade},
			weights::Weight,
			Twox64Concat,
		},
		frame_system,
	};
	use scale_info::TypeInfo;

	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	#[cfg(feature = "try-runtime")]
	use polkadot_sdk::{frame_support::ensure, sp_runtime::TryRuntimeError};

	/// The layout of storage version 1.
	// `storage_alias` generates an undocumented prefix type.
	#[allow(missing_docs)]
	pub mod v1 {
		use super::*;
		use civitas_primitives::Role;

		/// A licence rule as version 1 stored it: no longest validity.
		#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
		pub struct LicenceRule {
			/// The role the issuing department must hold.
			pub role: Role,
			/// The departments that may issue it.
			pub departments: LicenceIssuers,
		}

		/// The licence rules as version 1 stored them.
		#[storage_alias]
		pub type LicenceRules<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, LicenceKind, LicenceRule>;
	}

	/// Rewrites every version-1 licence rule in the version-2 layout. Use [`MigrateV1ToV2`],
	/// which runs it only on a version-1 register and then sets version 2.
	pub struct InnerMigrateV1ToV2<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let rules: Vec<(LicenceKind, v1::LicenceRule)> =
				v1::LicenceRules::<T>::iter().collect();
			ensure!(
				rules.len() == v1::LicenceRules::<T>::iter_keys().count(),
				"a stored licence rule does not decode in the version-1 layout"
			);
			Ok(rules.encode())
		}

		fn on_runtime_upgrade() -> Weight {
			let mut rules: u64 = 0;
			LicenceRules::<T>::translate::<v1::LicenceRule, _>(|_, old| {
				rules = rules.saturating_add(1);
				Some(LicenceRule {
					role: old.role,
					departments: old.departments,
					max_validity: None,
				})
			});
			log::info!(target: LOG_TARGET, "migrated {rules} licence rules to storage version 2");
			// `translate` reads every value and one key past the last, and writes every value.
			<T as frame_system::Config>::DbWeight::get()
				.reads_writes(rules.saturating_add(1), rules)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let before = Vec::<(LicenceKind, v1::LicenceRule)>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade's state does not decode")?;
			ensure!(
				LicenceRules::<T>::iter_keys().count() == before.len(),
				"the number of licence rules changed"
			);
			for (kind, old) in before {
				let new = LicenceRules::<T>::get(kind).ok_or("a licence rule was lost")?;
				ensure!(
					new.role == old.role
						&& new.departments == old.departments
						&& new.max_validity.is_none(),
					"a licence rule changed meaning"
				);
			}
			Ok(())
		}
	}

	/// Licence rules from storage version 1 to 2; a no-op (one read) on any other version.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
