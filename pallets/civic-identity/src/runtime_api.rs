//! `CivicIdentityApi`: what departments, auditors and clients ask the runtime about identities
//! and certificates.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{CredentialStatus, PendingLink, Subject, SubjectStatus};
use civitas_primitives::{CredentialId, DepartmentId, ReasonCode, Role, SchemaId, SubjectId};

/// A certificate as a verifier sees it at the queried block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CredentialVerification<BlockNumber> {
	/// The certificate.
	pub credential: CredentialId,
	/// Its schema.
	pub schema: SchemaId,
	/// Whether it belongs to the holder the verifier was shown (`verify_presentation`,
	/// `credentials_of`); `None` from `verify_credential`, which never names the holder.
	pub holder_matches: Option<bool>,
	/// The issuing department.
	pub issuer: DepartmentId,
	/// Active, suspended or revoked.
	pub status: CredentialStatus,
	/// The reason code of the last suspension or revocation.
	pub reason: Option<ReasonCode>,
	/// The block in which it was issued.
	pub issued_at: BlockNumber,
	/// The first block in which it is valid.
	pub valid_from: BlockNumber,
	/// The block from which it is no longer valid (`None`: indefinitely).
	pub valid_until: Option<BlockNumber>,
	/// The holder's status.
	pub subject_status: Option<SubjectStatus>,
	/// Whether it may be relied on at the queried block: active, within its validity period, and
	/// its holder active.
	pub valid_now: bool,
}

/// A subject and its linked accounts.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SubjectInfo<AccountId, BlockNumber> {
	/// Its id.
	pub subject: SubjectId,
	/// Its record.
	pub record: Subject<BlockNumber>,
	/// Its linked accounts.
	pub accounts: Vec<AccountId>,
}

/// A certificate schema.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SchemaInfo<BlockNumber> {
	/// Its id.
	pub id: SchemaId,
	/// Its name (UTF-8).
	pub name: Vec<u8>,
	/// The role its issuers hold.
	pub issuer_role: Role,
	/// The departments that may issue it.
	pub issuers: Vec<DepartmentId>,
	/// Its longest validity, in blocks.
	pub max_validity: Option<BlockNumber>,
	/// Whether its certificates may be suspended or revoked.
	pub revocable: bool,
	/// The block in which it was registered.
	pub registered_at: BlockNumber,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to civic identities and electronic certificates.
	pub trait CivicIdentityApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Verify a certificate at this block: `None` if it was never issued. Says what a
		/// verifier needs (valid or not, schema, issuer, period) without naming its holder.
		fn verify_credential(credential: CredentialId) -> Option<CredentialVerification<BlockNumber>>;

		/// Verify a certificate as `holder` presents it: as `verify_credential`, plus whether it
		/// belongs to `holder` (and `valid_now` only if it does).
		fn verify_presentation(credential: CredentialId, holder: SubjectId) -> Option<CredentialVerification<BlockNumber>>;

		/// Every certificate of `subject`, verified at this block.
		fn credentials_of(subject: SubjectId) -> Vec<CredentialVerification<BlockNumber>>;

		/// A subject and its linked accounts.
		fn subject(subject: SubjectId) -> Option<SubjectInfo<AccountId, BlockNumber>>;

		/// The subject `account` is linked to.
		fn subject_of(account: AccountId) -> Option<SubjectId>;

		/// The link offer awaiting an answer for `account`, if any (it may have lapsed).
		fn pending_link(account: AccountId) -> Option<PendingLink<AccountId, BlockNumber>>;

		/// Every certificate schema, by id.
		fn schemas() -> Vec<SchemaInfo<BlockNumber>>;
	}
}
