//! The queries behind the `CivicIdentityApi` runtime API and the shared traits.

use alloc::vec::Vec;

use polkadot_sdk::frame_system::{self, pallet_prelude::*};

use crate::{
	pallet::*,
	runtime_api::{CredentialVerification, SchemaInfo, SubjectInfo},
	CredentialId, CredentialStatus, PendingLink, SubjectId, SubjectStatus,
};

impl<T: Config> Pallet<T> {
	/// A certificate as a verifier sees it now: its status, validity and holder's status, and
	/// whether it may be relied on (`valid_now`).
	pub fn verify(credential: CredentialId) -> Option<CredentialVerification<BlockNumberFor<T>>> {
		Self::verification(credential).map(|(verification, _)| verification)
	}

	/// A certificate's verification (without its holder) and its holder.
	fn verification(
		credential: CredentialId,
	) -> Option<(CredentialVerification<BlockNumberFor<T>>, SubjectId)> {
		let c = Credentials::<T>::get(credential)?;
		let now = frame_system::Pallet::<T>::block_number();
		let subject_status = Subjects::<T>::get(c.subject).map(|s| s.status);
		let valid_now = c.status == CredentialStatus::Active
			&& c.in_period(now)
			&& subject_status == Some(SubjectStatus::Active);
		let verification = CredentialVerification {
			credential,
			schema: c.schema,
			holder_matches: None,
			issuer: c.issuer,
			status: c.status,
			reason: c.reason,
			issued_at: c.issued_at,
			valid_from: c.valid_from,
			valid_until: c.valid_until,
			subject_status,
			valid_now,
		};
		Some((verification, c.subject))
	}

	/// A certificate as its holder presents it: verified now, and whether it belongs to
	/// `holder` (`valid_now` only if it does). The verifier learns the holder from the holder,
	/// never from the chain.
	pub fn verify_presentation(
		credential: CredentialId,
		holder: SubjectId,
	) -> Option<CredentialVerification<BlockNumberFor<T>>> {
		let (mut verification, actual) = Self::verification(credential)?;
		let matches = actual == holder;
		verification.holder_matches = Some(matches);
		verification.valid_now = verification.valid_now && matches;
		Some(verification)
	}

	/// Every certificate of `subject` (at most `MaxCredentialsPerSubject`), verified now.
	pub fn credentials_of(subject: SubjectId) -> Vec<CredentialVerification<BlockNumberFor<T>>> {
		SubjectCredentials::<T>::iter_key_prefix(subject)
			.filter_map(|credential| Self::verify_presentation(credential, subject))
			.collect()
	}

	/// A subject and its linked accounts.
	pub fn subject_info(
		subject: SubjectId,
	) -> Option<SubjectInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = Subjects::<T>::get(subject)?;
		Some(SubjectInfo {
			subject,
			record,
			accounts: SubjectAccounts::<T>::get(subject).into_inner(),
		})
	}

	/// The subject `account` is linked to.
	pub fn linked_subject(account: &T::AccountId) -> Option<SubjectId> {
		Links::<T>::get(account)
	}

	/// The link offer or request pending for `account`.
	pub fn pending_link(
		account: &T::AccountId,
	) -> Option<PendingLink<T::AccountId, BlockNumberFor<T>>> {
		PendingLinks::<T>::get(account)
	}

	/// Every schema, by id.
	pub fn schemas_info() -> Vec<SchemaInfo<BlockNumberFor<T>>> {
		let mut all: Vec<_> = Schemas::<T>::iter()
			.map(|(id, s)| SchemaInfo {
				id,
				name: s.name.into_inner(),
				issuer_role: s.issuer_role,
				issuers: s.issuers.into_inner(),
				max_validity: s.max_validity,
				revocable: s.revocable,
				registered_at: s.registered_at,
			})
			.collect();
		all.sort_by_key(|s| s.id);
		all
	}
}
