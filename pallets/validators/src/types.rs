//! The stored types of the validators pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use civitas_primitives::DepartmentId;

/// A validator the council admitted: the account its session keys are registered under, and the
/// department that operates the machine.
#[derive(
	Clone,
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
pub struct Validator<AccountId> {
	/// The validator's account (its `ValidatorId` in the session pallet).
	pub account: AccountId,
	/// The operating department.
	pub department: DepartmentId,
}
