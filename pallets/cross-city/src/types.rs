//! The stored types of the cross-city pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;

use civitas_primitives::{CredentialId, DepartmentId, SchemaId};

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

/// A question this chain asked a city: is a certificate it issued valid?
pub type CertificateQueryId = u64;

/// A certificate query sent to a city, and its answer once it came.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CertificateQuery<AccountId, BlockNumber> {
	/// The city asked.
	pub city: CityId,
	/// The certificate: its id on the city's chain.
	pub credential: CredentialId,
	/// The schema it must be of.
	pub schema: SchemaId,
	/// The asking department.
	pub department: DepartmentId,
	/// The officer who asked.
	pub officer: AccountId,
	/// When it was asked.
	pub asked_at: BlockNumber,
	/// The city's answer, when it came.
	pub answer: Option<CertificateAnswer<BlockNumber>>,
}

/// A city's answer to a certificate query.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CertificateAnswer<BlockNumber> {
	/// Whether the certificate exists on the city's chain, is of the schema, is active, within
	/// its validity period and its holder active, when the city answered.
	pub valid: bool,
	/// When the answer arrived here.
	pub at: BlockNumber,
}
