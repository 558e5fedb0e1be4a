//! `AccessLogApi`: what subjects, auditors and the departments' data gateways ask the runtime
//! about the access log, in the shape of every Civitas runtime API (`docs/pallet-shape.md`).

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{AccessId, PurposeCode, PurposeStatus, RecordKind};
use civitas_primitives::{DepartmentId, Role, SubjectId};
use polkadot_sdk::sp_core::H256;

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

/// A purpose in the catalogue.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PurposeInfo {
	/// Its code.
	pub purpose: PurposeCode,
	/// Its name (UTF-8).
	pub name: Vec<u8>,
	/// Its legal basis (UTF-8).
	pub legal_basis: Vec<u8>,
	/// The roles that may invoke it.
	pub roles: Vec<Role>,
	/// The kinds of records it covers.
	pub kinds: Vec<RecordKind>,
	/// Whether it may be invoked.
	pub status: PurposeStatus,
}

/// One access to a subject's records, as the subject sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SubjectAccessInfo<AccountId, BlockNumber> {
	/// The access.
	pub access: AccessId,
	/// The block it was logged in.
	pub at: BlockNumber,
	/// The department whose officer used the records.
	pub department: DepartmentId,
	/// The officer.
	pub officer: AccountId,
	/// The purpose invoked.
	pub purpose: PurposeCode,
	/// The hash of the case reference, if any.
	pub case: Option<H256>,
	/// The kinds of the subject's records used.
	pub kinds: Vec<RecordKind>,
}

/// One access with every subject it covers, as an auditor sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct AccessInfo<AccountId, BlockNumber> {
	/// The access.
	pub access: AccessId,
	/// The block it was logged in.
	pub at: BlockNumber,
	/// The department whose officer used the records.
	pub department: DepartmentId,
	/// The officer.
	pub officer: AccountId,
	/// The purpose invoked.
	pub purpose: PurposeCode,
	/// The hash of the case reference, if any.
	pub case: Option<H256>,
	/// The subjects and the kind of their records used.
	pub subjects: Vec<(SubjectId, RecordKind)>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the access log.
	pub trait AccessLogApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The catalogue of purposes, by code.
		fn purposes() -> Vec<PurposeInfo>;

		/// A page of the accesses to `subject`'s records logged from block `from` to block `to`
		/// (both included; `None`: unbounded), oldest first: up to `limit` (at most `MAX_PAGE`)
		/// after `start_after`.
		fn accesses_of(subject: SubjectId, from: Option<BlockNumber>, to: Option<BlockNumber>, start_after: Option<AccessId>, limit: u32) -> Vec<SubjectAccessInfo<AccountId, BlockNumber>>;

		/// `accesses_of` for the subject `account` is linked to (nothing if it is linked to none):
		/// what a citizen's or an enterprise's own wallet asks.
		fn accesses_of_account(account: AccountId, from: Option<BlockNumber>, to: Option<BlockNumber>, start_after: Option<AccessId>, limit: u32) -> Vec<SubjectAccessInfo<AccountId, BlockNumber>>;

		/// A page of `department`'s accesses under `purpose`, oldest first: up to `limit` (at
		/// most `MAX_PAGE`) after `start_after`, and fewer once the page holds `MAX_PAGE` entries.
		fn accesses_by_department(department: DepartmentId, purpose: PurposeCode, start_after: Option<AccessId>, limit: u32) -> Vec<AccessInfo<AccountId, BlockNumber>>;

		/// One access, with every subject it covers.
		fn access(access: AccessId) -> Option<AccessInfo<AccountId, BlockNumber>>;

		/// The first access logged at or after block `since` by an officer of `department`
		/// that covers `subject`'s records of `kind` (looking at up to `MAX_PAGE` of the
		/// subject's accesses): the check a department's data gateway makes before it releases
		/// the records.
		fn covering_access(subject: SubjectId, kind: RecordKind, department: DepartmentId, since: BlockNumber) -> Option<SubjectAccessInfo<AccountId, BlockNumber>>;
	}
}
