//! The identity register's invariants, checked by `try_state` and after every unit test.

use polkadot_sdk::frame_support::{ensure, pallet_prelude::*};

use crate::pallet::*;

impl<T: Config> Pallet<T> {
	/// The storage invariants: links and the per-subject account lists agree; each subject's
	/// certificate count matches its index; every certificate's holder and schema exist.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (account, subject) in Links::<T>::iter() {
			ensure!(
				SubjectAccounts::<T>::get(subject).contains(&account),
				"linked account missing from its subject's list"
			);
		}
		for (subject, accounts) in SubjectAccounts::<T>::iter() {
			ensure!(Subjects::<T>::contains_key(subject), "accounts of an unknown subject");
			for account in &accounts {
				ensure!(Links::<T>::get(account) == Some(subject), "listed account not linked");
			}
		}
		for (subject, record) in Subjects::<T>::iter() {
			let issued = SubjectCredentials::<T>::iter_prefix(subject).count();
			ensure!(issued == record.credentials as usize, "credential count out of step");
			ensure!(
				record.credentials <= T::MaxCredentialsPerSubject::get(),
				"too many credentials"
			);
		}
		let next = NextSchemaId::<T>::get();
		ensure!(Schemas::<T>::iter_keys().all(|id| id < next), "schema id not below NextSchemaId");
		for (id, c) in Credentials::<T>::iter() {
			ensure!(SubjectCredentials::<T>::contains_key(c.subject, id), "credential not indexed");
			ensure!(Schemas::<T>::contains_key(c.schema), "credential of an unknown schema");
		}
		Ok(())
	}
}
