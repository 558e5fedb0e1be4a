//! `ValidatorsApi`: which machines produce and finalize blocks, and who operates them.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::Validator;
use civitas_primitives::DepartmentId;

/// A validator of a session, with its operating department (`None`: removed since).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ValidatorInfo<AccountId> {
	/// Its account.
	pub account: AccountId,
	/// The department operating it, if it is still admitted.
	pub department: Option<DepartmentId>,
}

/// The validator set as auditors see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ValidatorSet<AccountId, BlockNumber> {
	/// The current session.
	pub session: u32,
	/// Its validators (the ones with keys).
	pub current: Vec<ValidatorInfo<AccountId>>,
	/// The next session's validators (the ones with keys).
	pub next: Vec<ValidatorInfo<AccountId>>,
	/// Every admitted validator: the set the next session boundary hands on.
	pub admitted: Vec<Validator<AccountId>>,
	/// The fewest validators the set may have.
	pub min_validators: u32,
	/// How many blocks a session lasts.
	pub session_length: BlockNumber,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the validator set.
	pub trait ValidatorsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The current and next validators with their departments, and the admitted set.
		fn validator_set() -> ValidatorSet<AccountId, BlockNumber>;

		/// The encoded key-ownership proof (`MembershipProof`) of a current validator's session
		/// key of type `key_type` (`*b"aura"`, `*b"gran"`) and public bytes `key`, for an
		/// equivocation report; `None` if no current validator has that key.
		fn key_ownership_proof(key_type: [u8; 4], key: Vec<u8>) -> Option<Vec<u8>>;
	}
}
