//! `CreditRecordsApi`: what departments, auditors and subjects ask the runtime about credit.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{Objection, Record};
use civitas_primitives::{CreditCategory, CreditStanding, RecordId, SubjectId};

/// A subject's credit at the queried block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CreditProfileInfo {
	/// Its score: the baseline plus the deltas of its active records, clamped.
	pub score: i32,
	/// Its standing, derived from the score by the thresholds.
	pub standing: CreditStanding,
	/// How many of its records are active.
	pub active_records: u32,
	/// How many of its records are under objection.
	pub under_objection: u32,
}

/// A record with its objection, if one was filed.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RecordInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: RecordId,
	/// The record.
	pub record: Record<AccountId, BlockNumber>,
	/// The subject's objection.
	pub objection: Option<Objection<AccountId, BlockNumber>>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to credit records.
	pub trait CreditRecordsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A subject's score, standing and record counts (the baseline for a subject without
		/// records).
		fn credit_profile(subject: SubjectId) -> CreditProfileInfo;

		/// One record.
		fn record(id: RecordId) -> Option<RecordInfo<AccountId, BlockNumber>>;

		/// A subject's records still on file (at most `MaxRecordsPerSubject`), oldest first.
		fn records_of(subject: SubjectId) -> Vec<RecordInfo<AccountId, BlockNumber>>;

		/// The longest a record of `category` may be published, in blocks.
		fn publication_limit(category: CreditCategory) -> BlockNumber;
	}
}
