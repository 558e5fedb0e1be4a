//! Civic identity as other pallets see it: subjects (people and enterprises), the accounts linked
//! to them, and electronic certificates ([credentials](CredentialVerifier)).
//!
//! No personal data crosses these traits: a [`SubjectId`] is a salted hash the registrar derives
//! off chain, and a [`CredentialId`] is the hash of a certificate document (or the Merkle root of
//! its salted claims).

use polkadot_sdk::sp_core::H256;

/// A person or an enterprise, as every department knows it: a 32-byte hash the registrar derives
/// off chain (for example the salted hash of an ID-card number or of a unified social credit
/// code). The chain never sees the preimage.
pub type SubjectId = H256;

/// An electronic certificate: the hash of its document, or the Merkle root of its salted claims.
pub type CredentialId = H256;

/// A kind of certificate (business licence, real-estate certificate, ...). Assigned
/// sequentially by the civic identity pallet and never reused.
pub type SchemaId = u32;

/// A numeric reason for a status change (suspension, closure, revocation). The meaning of each
/// code is published off chain in the city's catalogue of reasons, so the chain holds no text
/// about a person.
pub type ReasonCode = u16;

/// Whether a subject is a natural person or an enterprise (any legal entity).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum SubjectKind {
	/// A natural person.
	Person,
	/// An enterprise or other legal entity.
	Enterprise,
}

/// The identity platform, as other pallets see it.
///
/// Implemented by the civic identity pallet. Each method reads one storage item, so callers may
/// count it as one read.
pub trait IdentityProvider<AccountId> {
	/// Whether `subject` is registered and active (neither suspended nor closed).
	fn is_active(subject: &SubjectId) -> bool;

	/// The kind of `subject`, if it is registered (whatever its status).
	fn kind(subject: &SubjectId) -> Option<SubjectKind>;

	/// The subject `account` is linked to (both sides having agreed), whatever its status.
	fn subject_of(account: &AccountId) -> Option<SubjectId>;

	/// The department that registered `subject` and keeps its record (its registrar), if it is
	/// registered. Registrars act for subjects that hold no keys of their own.
	fn registrar_of(subject: &SubjectId) -> Option<crate::DepartmentId>;

	/// Whether `subject` has at least one linked account, i.e. keys of its own to act with.
	/// Registrars act for a subject only while it has none.
	fn has_linked_account(subject: &SubjectId) -> bool;

	/// Benchmarks only: make `registrar` the registrar of `subject`.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn set_registrar(subject: &SubjectId, registrar: crate::DepartmentId) -> Result<(), ()>;

	/// Benchmarks only: register an active subject of `kind`, linked to `account` if given.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_subject(kind: SubjectKind, account: Option<AccountId>) -> Result<SubjectId, ()>;

	/// Benchmarks only: register `n` distinct active subjects of `kind` with no linked account
	/// (for calls that touch a different subject per item, such as a batch of bills).
	/// Implementations should make this linear in `n`.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_subjects(kind: SubjectKind, n: u32) -> Result<alloc::vec::Vec<SubjectId>, ()> {
		(0..n).map(|_| Self::successful_subject(kind, None)).collect()
	}
}

/// No identities at all: nothing is active, no account is linked.
impl<AccountId> IdentityProvider<AccountId> for () {
	fn is_active(_: &SubjectId) -> bool {
		false
	}

	fn kind(_: &SubjectId) -> Option<SubjectKind> {
		None
	}

	fn subject_of(_: &AccountId) -> Option<SubjectId> {
		None
	}

	fn registrar_of(_: &SubjectId) -> Option<crate::DepartmentId> {
		None
	}

	fn has_linked_account(_: &SubjectId) -> bool {
		false
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_registrar(_: &SubjectId, _: crate::DepartmentId) -> Result<(), ()> {
		Err(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_subject(_: SubjectKind, _: Option<AccountId>) -> Result<SubjectId, ()> {
		Err(())
	}
}

/// Verification of electronic certificates, as other pallets see it (for example "does this
/// project hold a valid construction permit").
///
/// Implemented by the civic identity pallet; reads two storage items (the credential and its
/// subject).
pub trait CredentialVerifier {
	/// Whether `credential` exists, is of `schema`, is active (not suspended or revoked), is
	/// within its validity period now, and its subject is active.
	fn is_valid(credential: &CredentialId, schema: SchemaId) -> bool;

	/// The subject `credential` was issued to, whatever its status.
	fn holder_of(credential: &CredentialId) -> Option<SubjectId>;
}

/// No credentials at all: nothing is valid.
impl CredentialVerifier for () {
	fn is_valid(_: &CredentialId, _: SchemaId) -> bool {
		false
	}

	fn holder_of(_: &CredentialId) -> Option<SubjectId> {
		None
	}
}
