//! Credit records as other pallets see them: adding a record with a pallet as its source (for
//! example a grant clawback), and reading a subject's score and list status for eligibility
//! checks.

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

use crate::{DepartmentId, SubjectId};

/// Identifies a credit record. Assigned sequentially by the credit records pallet.
pub type RecordId = u64;

/// What a credit record is about. Each category has its own maximum publication period.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum CreditCategory {
	/// Tax compliance (late filing, evasion penalties, exemplary taxpayers).
	Tax,
	/// A court judgement (for example failure to perform an effective judgement).
	CourtJudgement,
	/// A market-regulation decision (administrative penalty, abnormal operation list).
	MarketRegulation,
	/// An environmental penalty.
	Environmental,
	/// Performance of a contract with the government (public procurement, utilities).
	ContractPerformance,
	/// Compliance with the terms of a government grant (for example a clawback).
	GrantCompliance,
	/// A commendation or award.
	Commendation,
	/// Anything else a department records under its powers.
	Other,
}

/// Where a subject stands, derived from its score by thresholds.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum CreditStanding {
	/// At or above the commendation threshold: eligible for simplified procedures.
	Commended,
	/// The default.
	#[default]
	Normal,
	/// Below the watch threshold: departments look closer.
	Watch,
	/// Below the restriction threshold: restricted from grants and similar benefits.
	Restricted,
}

impl CreditStanding {
	/// Its place from the bottom: `Restricted` 0, `Watch` 1, `Normal` 2, `Commended` 3.
	fn rank(self) -> u8 {
		match self {
			Self::Restricted => 0,
			Self::Watch => 1,
			Self::Normal => 2,
			Self::Commended => 3,
		}
	}

	/// Whether this standing is `minimum` or better (for eligibility checks).
	pub fn at_least(self, minimum: Self) -> bool {
		self.rank() >= minimum.rank()
	}
}

/// Adding credit records from another pallet.
///
/// Implemented by the credit records pallet. A calling pallet's
/// benchmark goes through the runtime's implementation, so the caller's generated weight already
/// includes this work: the one convention for weights that cross pallets (see the crate docs).
pub trait CreditRecorder {
	/// Records an entry about the registered `subject` (whatever its status: a clawback must
	/// reach a dissolved grantee too) on behalf of `department`, with `source` (the calling
	/// pallet's 8-byte tag, like a `PalletId`) as its source and the category's maximum
	/// publication period. The recording department cannot revoke such a record; the subject may
	/// object to it. Returns the new record's id.
	fn record(
		subject: &SubjectId,
		department: DepartmentId,
		source: [u8; 8],
		category: CreditCategory,
		score_delta: i32,
		evidence: H256,
	) -> Result<RecordId, DispatchError>;
}

/// No credit records: recording fails.
impl CreditRecorder for () {
	fn record(
		_: &SubjectId,
		_: DepartmentId,
		_: [u8; 8],
		_: CreditCategory,
		_: i32,
		_: H256,
	) -> Result<RecordId, DispatchError> {
		Err(DispatchError::Other("no credit records in this runtime"))
	}
}

/// A subject's credit, for eligibility checks. One storage read per call.
pub trait CreditProfile {
	/// The subject's score now (the baseline if it has no records).
	fn score(subject: &SubjectId) -> i32;

	/// The subject's standing now.
	fn standing(subject: &SubjectId) -> CreditStanding;

	/// The standing the subject would have if its records under objection counted. A record
	/// under objection does not count in [`CreditProfile::standing`] (the subject has the benefit
	/// of the doubt while the city decides), but a benefit such as a grant is not paid on that
	/// doubt: it waits for the decision. One read.
	fn standing_counting_objections(subject: &SubjectId) -> CreditStanding;
}

/// No credit records: everyone has a score of 0 and a normal standing.
impl CreditProfile for () {
	fn score(_: &SubjectId) -> i32 {
		0
	}

	fn standing(_: &SubjectId) -> CreditStanding {
		CreditStanding::Normal
	}

	fn standing_counting_objections(_: &SubjectId) -> CreditStanding {
		CreditStanding::Normal
	}
}
