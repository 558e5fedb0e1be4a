//! The stored types of the council pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
	sp_runtime::Weight,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::DepartmentId;

/// Identifies a motion; sequential, never reused.
pub type MotionId = u32;

/// How many member departments must vote aye.
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
pub enum Threshold {
	/// At least this many members (every member, on a smaller council); at least one.
	AtLeast(u32),
	/// More than half of the members.
	Majority,
	/// At least two thirds of the members.
	TwoThirds,
	/// Every member.
	All,
}

impl Threshold {
	/// The ayes needed on a council of `members` departments: never zero, never more than the
	/// members (but one on an empty council, where nothing can pass).
	pub fn required(&self, members: u32) -> u32 {
		let needed = match self {
			Threshold::AtLeast(n) => *n,
			Threshold::Majority => members.saturating_div(2).saturating_add(1),
			// ceil(2m / 3)
			Threshold::TwoThirds => members.saturating_mul(2).saturating_add(2).saturating_div(3),
			Threshold::All => members,
		};
		needed.min(members).max(1)
	}

	/// Whether it can be met at all: `AtLeast(0)` cannot be a rule.
	pub fn is_valid(&self) -> bool {
		!matches!(self, Threshold::AtLeast(0))
	}
}

/// What a call does, as far as the council's policy table is concerned. The runtime classes
/// every call ([`crate::ClassifyCall`]); the table says which [`Threshold`] each class needs.
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
pub enum CallClass {
	/// Every call not in another class (e.g. a licence rule, a program).
	Ordinary,
	/// Registering, suspending and reinstating departments; granting and revoking roles.
	Departments,
	/// The council's own membership.
	Council,
	/// The validator and node sets.
	Network,
	/// Runtime upgrades.
	Upgrade,
	/// Emergency pauses (bounded in time).
	Emergency,
	/// The policy table itself: needs the strongest threshold the table holds.
	Policy,
}

impl CallClass {
	/// Every class.
	pub const ALL: [CallClass; 7] = [
		CallClass::Ordinary,
		CallClass::Departments,
		CallClass::Council,
		CallClass::Network,
		CallClass::Upgrade,
		CallClass::Emergency,
		CallClass::Policy,
	];
}

/// The origin an approved motion dispatches its call with: which class it was judged in and how
/// many members voted aye out of how many. Checks compare the counts ([`crate::EnsureCouncil`]),
/// so a pallet can require a stronger rule than the one that approved a motion.
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
pub struct Approval {
	/// The class the motion's call was judged in.
	pub class: CallClass,
	/// The members that voted aye.
	pub ayes: u32,
	/// The members of the council when it was approved.
	pub members: u32,
}

/// A motion before the council.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Motion<T: Config> {
	/// The hash of the encoded call.
	pub call_hash: H256,
	/// The call's class, which decides the threshold.
	pub class: CallClass,
	/// The call's dispatch weight, as declared when proposed.
	pub call_weight: Weight,
	/// The hash of the reasons, kept off chain.
	pub reason: H256,
	/// The proposing member department.
	pub proposer: DepartmentId,
	/// Its officer.
	pub officer: T::AccountId,
	/// When it was proposed.
	pub proposed_at: BlockNumberFor<T>,
	/// The last block it may be decided in.
	pub expires_at: BlockNumberFor<T>,
	/// The member departments for it.
	pub ayes: BoundedVec<DepartmentId, T::MaxMembers>,
	/// The member departments against it.
	pub nays: BoundedVec<DepartmentId, T::MaxMembers>,
}

/// How a motion ended.
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
pub enum Outcome {
	/// Its threshold was met: the call was dispatched.
	Approved,
	/// Its threshold can no longer be met.
	Rejected,
	/// It expired undecided.
	Expired,
}

/// A pallet's name in the runtime (as in its metadata, e.g. `RealEstate`).
pub type PalletName = BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<32>>;

/// A pallet whose calls are paused until a block.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Pause<BlockNumber> {
	/// The paused pallet.
	pub pallet: PalletName,
	/// The last block its calls are refused in.
	pub until: BlockNumber,
}
