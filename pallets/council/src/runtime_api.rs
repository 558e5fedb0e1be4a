//! `CouncilApi`: what auditors and clients ask the runtime about the council.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use polkadot_sdk::sp_core::H256;
use scale_info::TypeInfo;

use crate::{CallClass, MotionId, Pause, Threshold};
use civitas_primitives::DepartmentId;

/// One row of the policy table.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ClassPolicy {
	/// The class of calls.
	pub class: CallClass,
	/// Its rule in the table (`None`: not in the table, so every member).
	pub threshold: Option<Threshold>,
	/// The ayes it needs on the council now (for `Policy`, the strongest rule's).
	pub required: u32,
}

/// An open motion as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct MotionInfo<AccountId, BlockNumber> {
	/// Its id.
	pub id: MotionId,
	/// The encoded call, to decode with the runtime's metadata and compare with the hash.
	pub call: Vec<u8>,
	/// The hash of the encoded call.
	pub call_hash: H256,
	/// The call's class.
	pub class: CallClass,
	/// The hash of the reasons, kept off chain.
	pub reason: H256,
	/// The proposing department.
	pub proposer: DepartmentId,
	/// Its officer.
	pub officer: AccountId,
	/// When it was proposed.
	pub proposed_at: BlockNumber,
	/// The last block it may be decided in.
	pub expires_at: BlockNumber,
	/// The member departments for it (current members only).
	pub ayes: Vec<DepartmentId>,
	/// The member departments against it (current members only).
	pub nays: Vec<DepartmentId>,
	/// The ayes it needs on the council now.
	pub required: u32,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the council: members, policy, open motions and pauses.
	pub trait CouncilApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The member departments, in ascending order.
		fn members() -> Vec<DepartmentId>;

		/// Every class of call with its rule and the ayes it needs now.
		fn policy() -> Vec<ClassPolicy>;

		/// The open motions with their votes, oldest first.
		fn motions() -> Vec<MotionInfo<AccountId, BlockNumber>>;

		/// One open motion.
		fn motion(id: MotionId) -> Option<MotionInfo<AccountId, BlockNumber>>;

		/// The paused pallets with their last paused block (ended ones not yet forgotten are
		/// left out).
		fn paused() -> Vec<Pause<BlockNumber>>;
	}
}
