//! The civic identity pallet as the chain's [`IdentityProvider`] and [`CredentialVerifier`].

use crate::{pallet::*, CredentialId, SchemaId, SubjectId, SubjectKind, SubjectStatus};
use civitas_primitives::{CredentialVerifier, IdentityProvider};

impl<T: Config> IdentityProvider<T::AccountId> for Pallet<T> {
	fn is_active(subject: &SubjectId) -> bool {
		Subjects::<T>::get(subject).is_some_and(|s| s.status == SubjectStatus::Active)
	}

	fn kind(subject: &SubjectId) -> Option<SubjectKind> {
		Subjects::<T>::get(subject).map(|s| s.kind)
	}

	fn subject_of(account: &T::AccountId) -> Option<SubjectId> {
		Links::<T>::get(account)
	}

	fn registrar_of(subject: &SubjectId) -> Option<civitas_primitives::DepartmentId> {
		Subjects::<T>::get(subject).map(|s| s.registrar)
	}

	fn has_linked_account(subject: &SubjectId) -> bool {
		SubjectAccounts::<T>::decode_len(subject).unwrap_or(0) > 0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_registrar(
		subject: &SubjectId,
		registrar: civitas_primitives::DepartmentId,
	) -> Result<(), ()> {
		Subjects::<T>::try_mutate(subject, |s| {
			s.as_mut().map(|s| s.registrar = registrar).ok_or(())
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_subject(
		kind: SubjectKind,
		account: Option<T::AccountId>,
	) -> Result<SubjectId, ()> {
		use codec::Encode;
		use polkadot_sdk::sp_io::hashing::blake2_256;

		let mut n = 0u32;
		let subject = loop {
			let candidate = SubjectId::from(blake2_256(&(b"benchmark subject", n).encode()));
			if !Subjects::<T>::contains_key(candidate) {
				break candidate;
			}
			n = n.checked_add(1).ok_or(())?;
		};
		let record = Self::new_subject(0, &subject, kind, subject, None).map_err(|_| ())?;
		Subjects::<T>::insert(subject, record);
		if let Some(account) = account {
			Self::insert_link(subject, &account).map_err(|_| ())?;
		}
		Ok(subject)
	}

	/// Registers the subjects under consecutive seeds of their own, skipping seeds already
	/// taken, so `n` subjects cost `n` registrations (not `n` searches from zero).
	#[cfg(feature = "runtime-benchmarks")]
	fn successful_subjects(kind: SubjectKind, n: u32) -> Result<alloc::vec::Vec<SubjectId>, ()> {
		use codec::Encode;
		use polkadot_sdk::sp_io::hashing::blake2_256;

		let mut subjects = alloc::vec::Vec::new();
		let mut seed = 0u32;
		while subjects.len() < n as usize {
			let subject = SubjectId::from(blake2_256(&(b"benchmark subjects", seed).encode()));
			seed = seed.checked_add(1).ok_or(())?;
			if Subjects::<T>::contains_key(subject) {
				continue;
			}
			let record = Self::new_subject(0, &subject, kind, subject, None).map_err(|_| ())?;
			Subjects::<T>::insert(subject, record);
			subjects.push(subject);
		}
		Ok(subjects)
	}
}

impl<T: Config> CredentialVerifier for Pallet<T> {
	fn is_valid(credential: &CredentialId, schema: SchemaId) -> bool {
		Self::verify(*credential).is_some_and(|v| v.schema == schema && v.valid_now)
	}

	fn holder_of(credential: &CredentialId) -> Option<SubjectId> {
		Credentials::<T>::get(credential).map(|c| c.subject)
	}
}
