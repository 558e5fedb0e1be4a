//! The stored types of the civic identity pallet.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::{DepartmentId, ReasonCode, Role, SchemaId, SubjectId, SubjectKind};

/// Whether a subject may be relied on.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum SubjectStatus {
	/// Registered and in good standing.
	Active,
	/// Temporarily not to be relied on (for example while a registration is under review); may
	/// return to `Active`.
	Suspended,
	/// For ever: the person has died or the enterprise has been dissolved. The id is never
	/// reused.
	Closed,
}

/// A person or an enterprise. Everything about them lives off chain with the registrar; the
/// chain holds only the salted `commitment` to that record.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Subject<BlockNumber> {
	/// Person or enterprise.
	pub kind: SubjectKind,
	/// The salted hash of the off-chain record (name, ID number, address, ...). Deleting the
	/// salt off chain makes the record unrecoverable from the chain.
	pub commitment: H256,
	/// Whether the subject may be relied on.
	pub status: SubjectStatus,
	/// The reason code of the last status change, if any.
	pub reason: Option<ReasonCode>,
	/// The department that registered the subject and keeps its record.
	pub registrar: DepartmentId,
	/// For an enterprise: the person who legally represents it.
	pub legal_representative: Option<SubjectId>,
	/// How many credentials have been issued to it (at most `MaxCredentialsPerSubject`).
	pub credentials: u32,
	/// The block in which it was registered.
	pub registered_at: BlockNumber,
	/// The block of its last change.
	pub updated_at: BlockNumber,
}

/// Who made a link offer that the other side has not yet answered.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum LinkOfferer<AccountId> {
	/// An officer of the subject's registrar proposed linking the account.
	Registrar {
		/// The registrar department.
		department: DepartmentId,
		/// The officer.
		officer: AccountId,
	},
	/// The account itself asked to be linked.
	Account,
}

/// A link between an account and a subject, offered by one side and awaiting the other.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PendingLink<AccountId, BlockNumber> {
	/// The subject.
	pub subject: SubjectId,
	/// Who offered it.
	pub offered_by: LinkOfferer<AccountId>,
	/// The block from which the offer lapses.
	pub expires_at: BlockNumber,
}

/// A kind of electronic certificate, registered by governance.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Schema<T: Config> {
	/// Its name (UTF-8), for example "Business licence".
	pub name: BoundedVec<u8, T::MaxSchemaNameLength>,
	/// The role a department must hold to issue, suspend, reinstate or revoke certificates of
	/// this schema.
	pub issuer_role: Role,
	/// The departments that may issue it (holding `issuer_role` too): a business licence comes
	/// from market regulation, not from any department with the role.
	pub issuers: BoundedVec<DepartmentId, T::MaxSchemaIssuers>,
	/// The longest a certificate may be valid, in blocks from its `valid_from`; `None`: it may be
	/// valid indefinitely.
	pub max_validity: Option<BlockNumberFor<T>>,
	/// Whether its certificates may be suspended or revoked. A record of fact (a completion
	/// acceptance) is not revocable.
	pub revocable: bool,
	/// The block in which it was registered.
	pub registered_at: BlockNumberFor<T>,
}

/// Whether a credential may be relied on (its validity period aside).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CredentialStatus {
	/// In force (within its validity period).
	Active,
	/// Temporarily not in force; the issuer may reinstate it.
	Suspended,
	/// For ever withdrawn.
	Revoked,
}

/// An electronic certificate. The document itself stays off chain with its holder; its id is the
/// document's hash (or the Merkle root of its salted claims), so anyone holding it can prove it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Credential<BlockNumber> {
	/// Its schema.
	pub schema: SchemaId,
	/// Its holder.
	pub subject: SubjectId,
	/// The department that issued it.
	pub issuer: DepartmentId,
	/// The block in which it was issued.
	pub issued_at: BlockNumber,
	/// The first block in which it is valid.
	pub valid_from: BlockNumber,
	/// The block from which it is no longer valid; `None`: indefinitely.
	pub valid_until: Option<BlockNumber>,
	/// Whether it is in force.
	pub status: CredentialStatus,
	/// The reason code of the last suspension or revocation, if any.
	pub reason: Option<ReasonCode>,
	/// The block of its last change.
	pub updated_at: BlockNumber,
}

impl<BlockNumber: PartialOrd + Copy> Credential<BlockNumber> {
	/// Whether `now` is within the validity period.
	pub fn in_period(&self, now: BlockNumber) -> bool {
		self.valid_from <= now && self.valid_until.is_none_or(|until| now < until)
	}
}

/// A certificate schema seeded at genesis; they get ids 0, 1, 2, ... in order.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisSchema<BlockNumber> {
	/// Its name.
	pub name: String,
	/// The role that issues it.
	pub issuer_role: Role,
	/// The departments that may issue it.
	pub issuers: Vec<DepartmentId>,
	/// The longest validity, in blocks.
	pub max_validity: Option<BlockNumber>,
	/// Whether its certificates may be suspended or revoked.
	pub revocable: bool,
}

/// A subject seeded at genesis, active, with its linked accounts.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisSubject<AccountId> {
	/// Its id.
	pub id: SubjectId,
	/// Person or enterprise.
	pub kind: SubjectKind,
	/// The commitment to its off-chain record.
	pub commitment: H256,
	/// The department that registered it.
	pub registrar: DepartmentId,
	/// Its legal representative (enterprises only; a subject seeded earlier).
	pub legal_representative: Option<SubjectId>,
	/// Its linked accounts.
	pub accounts: Vec<AccountId>,
}

/// A certificate seeded at genesis, active.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisCredential<BlockNumber> {
	/// Its id.
	pub id: H256,
	/// Its schema.
	pub schema: SchemaId,
	/// Its holder.
	pub subject: SubjectId,
	/// The issuing department (which must hold the schema's role).
	pub issuer: DepartmentId,
	/// The first block in which it is valid.
	pub valid_from: BlockNumber,
	/// The block from which it is no longer valid.
	pub valid_until: Option<BlockNumber>,
}
