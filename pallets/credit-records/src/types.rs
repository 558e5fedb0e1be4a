//! The stored types of the credit records pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_core::H256;
use scale_info::TypeInfo;

use civitas_primitives::{CreditCategory, CreditStanding, DepartmentId, ReasonCode, SubjectId};

/// Where a record stands in its life.
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
pub enum RecordStatus {
	/// Published and counted in the subject's score.
	Active,
	/// The subject objected; not counted until an adjudicator decides.
	UnderObjection,
	/// An adjudicator found the objection well-founded; never counted again.
	Rectified,
	/// The recording department withdrew it; never counted again.
	Revoked,
	/// Its publication period ended; never counted again.
	Expired,
}

impl RecordStatus {
	/// Whether a record in this status counts toward its subject's score.
	pub fn counts(self) -> bool {
		self == RecordStatus::Active
	}

	/// Whether a record in this status may still change.
	pub fn is_open(self) -> bool {
		matches!(self, RecordStatus::Active | RecordStatus::UnderObjection)
	}
}

/// Who put a record on chain.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum RecordSource<AccountId> {
	/// An officer of the recording department, by a signed call.
	Officer(AccountId),
	/// Another pallet (identified by its 8-byte tag) on the department's behalf, for example a
	/// grant clawback.
	Pallet([u8; 8]),
	/// Seeded at genesis.
	Genesis,
}

/// A credit record: what a department found about a subject, with the hash of its decision
/// document as evidence. The document stays off chain.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Record<AccountId, BlockNumber> {
	/// The person or enterprise it is about.
	pub subject: SubjectId,
	/// The recording department.
	pub department: DepartmentId,
	/// The officer or pallet that recorded it.
	pub source: RecordSource<AccountId>,
	/// What it is about.
	pub category: CreditCategory,
	/// Its effect on the subject's score while active (at most `MaxScoreDelta` either way).
	pub score_delta: i32,
	/// The hash of the off-chain decision document.
	pub evidence: H256,
	/// The block in which it was recorded.
	pub issued_at: BlockNumber,
	/// The block from which it is no longer published.
	pub expires_at: BlockNumber,
	/// Where it stands.
	pub status: RecordStatus,
	/// The reason code of its revocation, rectification or upholding, if any.
	pub reason: Option<ReasonCode>,
	/// The block of its last change.
	pub updated_at: BlockNumber,
}

/// A subject's objection to a record.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Objection<AccountId, BlockNumber> {
	/// The subject's linked account that filed it.
	pub account: AccountId,
	/// The hash of the subject's off-chain statement and documents.
	pub evidence: H256,
	/// The block in which it was filed.
	pub filed_at: BlockNumber,
	/// The block by which an adjudicator should decide; if not, it is escalated.
	pub deadline: BlockNumber,
	/// Whether the deadline passed undecided.
	pub escalated: bool,
}

/// A subject's running credit, kept up to date by every change to its records, so that reading
/// it never iterates over records.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Profile {
	/// The sum of the score deltas of its active records.
	pub sum: i64,
	/// How many of its records are active.
	pub active: u32,
	/// How many of its records are under objection.
	pub under_objection: u32,
	/// Its standing, as last derived from its score.
	pub standing: CreditStanding,
	/// The sum of the score deltas of its records under objection (they do not count in `sum`
	/// until decided; benefits such as grants count them anyway).
	pub objected_sum: i64,
}

/// Work due at a block, processed by the pallet's `on_initialize`.
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
pub enum Due {
	/// The record's publication period ends.
	Expiry,
	/// The objection to the record should have been decided.
	ObjectionDeadline,
}

/// A record seeded at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisRecord<BlockNumber> {
	/// The subject (active, registered in civic identity).
	pub subject: SubjectId,
	/// The recording department.
	pub department: DepartmentId,
	/// What it is about.
	pub category: CreditCategory,
	/// Its effect on the score.
	pub score_delta: i32,
	/// The hash of the decision document.
	pub evidence: H256,
	/// How long it is published, in blocks (at most the category's limit).
	pub publication_period: BlockNumber,
}
