//! The stored types of the cross-city pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;

use civitas_primitives::DepartmentId;

/// A city chain: its para id on the relay chain.
pub type CityId = u32;

/// An admitted city.
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
pub struct City<T: crate::Config> {
	/// Its name, as governance wrote it.
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// When it was admitted.
	pub admitted_at: BlockNumberFor<T>,
}

/// A record hash sent to a city, or received from one.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Notarisation<AccountId, BlockNumber> {
	/// The sending department (an id on the sending city's chain).
	pub department: DepartmentId,
	/// The sending officer (an account on the sending city's chain).
	pub officer: AccountId,
	/// When this chain sent or received it.
	pub at: BlockNumber,
}
