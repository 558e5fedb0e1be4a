//! The stored types of the fund-grants pallet.

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
use civitas_primitives::{Actor, Amount, CreditStanding, DepartmentId, SubjectId};

/// Identifies a program; sequential.
pub type ProgramId = u32;

/// Identifies an application; sequential.
pub type ApplicationId = u64;

/// What a program funds.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ProgramKind {
	/// Research subsidies.
	Research,
	/// Rent subsidies for start-ups.
	RentSubsidy,
	/// Industrial support.
	Industrial,
	/// Talent programmes.
	Talent,
	/// Anything else.
	Other,
}

/// Whether a program takes applications.
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
pub enum ProgramStatus {
	/// Takes applications between `opens_at` and `closes_at`.
	Open,
	/// Takes no more applications; approved ones continue.
	Closed,
}

/// The terms of a program, as its creator sets them.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ProgramTerms<T: Config> {
	/// Its name.
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// What it funds.
	pub kind: ProgramKind,
	/// The department whose officers review applications and milestones.
	pub committee: DepartmentId,
	/// The committee officers who review applications, named by governance: one vote each,
	/// however many officers the committee department adds.
	pub panel: BoundedVec<T::AccountId, T::MaxPanel>,
	/// The department whose treasurers manage the budget and record the payouts.
	pub treasury: DepartmentId,
	/// The initial budget, in fen.
	pub budget: Amount,
	/// The most one application may request.
	pub max_award: Amount,
	/// The first block applications are taken.
	pub opens_at: BlockNumberFor<T>,
	/// The last block applications are taken.
	pub closes_at: BlockNumberFor<T>,
	/// The lowest credit standing an applicant may have.
	pub min_credit_standing: CreditStanding,
	/// Whether people (not only enterprises) may apply.
	pub open_to_persons: bool,
	/// How many panel members must approve an application.
	pub reviews_needed: u32,
}

/// A program of the special fund.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Program<T: Config> {
	/// Its terms (the budget there is the current budget, top-ups included).
	pub terms: ProgramTerms<T>,
	/// The part of the budget allocated to approved applications (less clawed-back unpaid
	/// allocations). Never more than the budget.
	pub allocated: Amount,
	/// The part of the allocation paid out. Never more than the allocation.
	pub disbursed: Amount,
	/// Whether it takes applications.
	pub status: ProgramStatus,
	/// Who created it.
	pub created_by: Actor<T::AccountId>,
}

/// One milestone of an application: paid when the committee approves its evidence.
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
pub struct MilestonePlan<BlockNumber> {
	/// The amount paid on it.
	pub amount: Amount,
	/// When it is due.
	pub due: BlockNumber,
	/// The hash of its description.
	pub description: H256,
}

/// Where a milestone stands.
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
pub enum MilestoneStatus {
	/// Not submitted yet.
	Pending,
	/// Submitted with the hash of its evidence, awaiting review.
	Submitted(H256),
	/// Rejected by the committee (with the hash of the reason); may be submitted again.
	Rejected(H256),
	/// Approved by the committee, awaiting payout.
	Approved,
	/// Paid, with the hash of the bank transfer reference.
	Paid(H256),
	/// Cancelled by a clawback.
	Cancelled,
}

/// A milestone and where it stands.
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
pub struct Milestone<BlockNumber> {
	/// Its plan.
	pub plan: MilestonePlan<BlockNumber>,
	/// Where it stands.
	pub status: MilestoneStatus,
}

/// Where an application stands.
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
pub enum ApplicationStatus {
	/// Under review.
	Pending,
	/// Approved; its amount is allocated; milestones are being delivered.
	Approved,
	/// Rejected by the committee.
	Rejected,
	/// Withdrawn by the applicant before a decision.
	Withdrawn,
	/// Every milestone paid.
	Completed,
	/// Stopped by a clawback.
	ClawedBack,
}

/// An application to a program.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Application<T: Config> {
	/// The program.
	pub program: ProgramId,
	/// The applying enterprise or person.
	pub applicant: SubjectId,
	/// The amount requested (the sum of the milestones).
	pub requested: Amount,
	/// The hash of the proposal document.
	pub proposal: H256,
	/// The milestones, in order.
	pub milestones: BoundedVec<Milestone<BlockNumberFor<T>>, T::MaxMilestones>,
	/// Where it stands.
	pub status: ApplicationStatus,
	/// Approving votes so far.
	pub approvals: u32,
	/// Rejecting votes so far.
	pub rejections: u32,
	/// When it was filed.
	pub applied_at: BlockNumberFor<T>,
	/// The amount paid out so far.
	pub paid: Amount,
	/// For a clawback: the amount the applicant must pay back.
	pub to_recover: Amount,
}

/// A committee officer's vote.
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
pub struct Vote {
	/// For or against.
	pub approve: bool,
	/// The hash of the officer's comment.
	pub comment: H256,
}

/// A program to seed at genesis, created by governance.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
pub struct GenesisProgram<AccountId> {
	/// Its name.
	pub name: alloc::string::String,
	/// What it funds.
	pub kind: ProgramKind,
	/// The reviewing department.
	pub committee: DepartmentId,
	/// Its officers on the review panel.
	pub panel: alloc::vec::Vec<AccountId>,
	/// The managing treasury department.
	pub treasury: DepartmentId,
	/// The budget.
	pub budget: Amount,
	/// The most per application.
	pub max_award: Amount,
	/// The last block it takes applications (it opens at genesis).
	pub closes_at: u32,
	/// The lowest standing an applicant may have.
	pub min_credit_standing: CreditStanding,
	/// Whether people may apply.
	pub open_to_persons: bool,
	/// Approvals needed.
	pub reviews_needed: u32,
}
