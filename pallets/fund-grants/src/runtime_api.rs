//! `FundGrantsApi`: what committees, applicants and auditors ask the runtime about the fund.
//!
//! Every Civitas runtime API answers in one shape: a record as an `*Info` struct that carries its
//! own id and plain (unbounded) fields, `Option` for a lookup, a `Vec` of them for a page
//! (`start_after` the last id seen, at most [`MAX_PAGE`] entries).

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{ApplicationId, ApplicationStatus, Milestone, ProgramId, ProgramKind, ProgramStatus};
use civitas_primitives::{Actor, Amount, CreditStanding, DepartmentId, SubjectId};
use polkadot_sdk::sp_core::H256;

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

/// A program as the runtime API reports it: its terms, where its money stands, and what remains
/// to allocate.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ProgramInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: ProgramId,
	/// Its name.
	pub name: Vec<u8>,
	/// What it funds.
	pub kind: ProgramKind,
	/// The department whose officers review applications and milestones.
	pub committee: DepartmentId,
	/// The committee officers who review applications.
	pub panel: Vec<AccountId>,
	/// The department whose treasurers manage the budget and record the payouts.
	pub treasury: DepartmentId,
	/// The current budget (top-ups included), in fen.
	pub budget: Amount,
	/// The most one application may request.
	pub max_award: Amount,
	/// The first block applications are taken.
	pub opens_at: BlockNumber,
	/// The last block applications are taken.
	pub closes_at: BlockNumber,
	/// The lowest credit standing an applicant may have.
	pub min_credit_standing: CreditStanding,
	/// Whether people (not only enterprises) may apply.
	pub open_to_persons: bool,
	/// How many panel members must approve an application.
	pub reviews_needed: u32,
	/// The part of the budget allocated to approved applications.
	pub allocated: Amount,
	/// The part of the allocation paid out.
	pub disbursed: Amount,
	/// What remains to allocate: the budget less the allocation.
	pub unallocated: Amount,
	/// Whether it takes applications.
	pub status: ProgramStatus,
	/// Who created it.
	pub created_by: Actor<AccountId>,
}

/// An application as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ApplicationInfo<BlockNumber> {
	/// Its id.
	pub id: ApplicationId,
	/// The program.
	pub program: ProgramId,
	/// The applying enterprise or person.
	pub applicant: SubjectId,
	/// The amount requested (the sum of the milestones).
	pub requested: Amount,
	/// The hash of the proposal document.
	pub proposal: H256,
	/// The milestones, in order.
	pub milestones: Vec<Milestone<BlockNumber>>,
	/// Where it stands.
	pub status: ApplicationStatus,
	/// Approving votes so far.
	pub approvals: u32,
	/// Rejecting votes so far.
	pub rejections: u32,
	/// When it was filed.
	pub applied_at: BlockNumber,
	/// The amount paid out so far.
	pub paid: Amount,
	/// For a clawback: the amount the applicant must pay back.
	pub to_recover: Amount,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the special fund.
	///
	/// Version 2: programs and applications as `ProgramInfo` and `ApplicationInfo` (version 1
	/// returned the stored types, a program with its remaining budget as a tuple).
	#[api_version(2)]
	pub trait FundGrantsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A program.
		fn program(id: ProgramId) -> Option<ProgramInfo<AccountId, BlockNumber>>;

		/// An application.
		fn application(id: ApplicationId) -> Option<ApplicationInfo<BlockNumber>>;

		/// A page of `subject`'s applications: up to `limit` (at most `MAX_PAGE`) after
		/// `start_after`.
		fn applications_of(subject: SubjectId, start_after: Option<ApplicationId>, limit: u32) -> Vec<ApplicationInfo<BlockNumber>>;

		/// A page of a program's applications.
		fn applications_of_program(program: ProgramId, start_after: Option<ApplicationId>, limit: u32) -> Vec<ApplicationInfo<BlockNumber>>;
	}
}
