//! The stored types of the access log.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{pallet_prelude::ConstU32, BoundedVec},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::{DepartmentId, Role, SubjectId};

/// A purpose's code in the catalogue. Codes are never reused: an entry's code keeps meaning what
/// it meant when the entry was logged.
pub type PurposeCode = u16;

/// An access's number, in the order accesses were logged (so also in time order).
pub type AccessId = u64;

/// The kinds of a subject's records an officer may use.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum RecordKind {
	/// Identity records: the person or enterprise behind a subject id.
	Identity,
	/// Electronic certificates and licences.
	Credentials,
	/// Credit records and the evidence behind them.
	Credit,
	/// Property titles, transfers and encumbrances.
	Property,
	/// Bills and invoices.
	Bills,
	/// Grant applications and their evidence.
	Grants,
}

impl RecordKind {
	/// How many kinds there are: the bound of a list of distinct kinds.
	pub const COUNT: u32 = 6;
}

/// Distinct kinds of records, at most one of each.
pub type RecordKinds = BoundedVec<RecordKind, ConstU32<{ RecordKind::COUNT }>>;

/// Whether a purpose may be invoked.
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
pub enum PurposeStatus {
	/// Officers may log accesses under it.
	Active,
	/// No new accesses; the logged ones stay until their retention ends.
	Retired,
}

/// A purpose in the catalogue: why an officer may use a subject's records, on what legal basis,
/// by whom, and which kinds of records it covers.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Purpose<T: Config> {
	/// Its name (UTF-8), e.g. "Tax audit".
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// The legal basis (UTF-8), e.g. the article of the law that allows it.
	pub legal_basis: BoundedVec<u8, T::MaxLegalBasisLength>,
	/// The roles whose officers may invoke it: an officer's department must hold one.
	pub roles: BoundedVec<Role, T::MaxPurposeRoles>,
	/// The kinds of records it covers.
	pub kinds: RecordKinds,
	/// Whether it may be invoked.
	pub status: PurposeStatus,
}

/// One logged access: an officer of a department used the records of one or more subjects under
/// a purpose.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Access<T: Config> {
	/// The officer's department.
	pub department: DepartmentId,
	/// The officer.
	pub officer: T::AccountId,
	/// The purpose invoked.
	pub purpose: PurposeCode,
	/// The hash of the case reference (a file number kept off chain), if any.
	pub case: Option<H256>,
	/// The block it was logged in.
	pub at: BlockNumberFor<T>,
	/// The subjects and the kind of their records used, in the order logged.
	pub subjects: BoundedVec<(SubjectId, RecordKind), T::MaxBatch>,
}

/// An access id as a storage key that sorts in id order (big-endian), so that a subject's and a
/// department's indexes iterate oldest first.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct OrderedId(pub [u8; 8]);

impl From<AccessId> for OrderedId {
	fn from(id: AccessId) -> Self {
		OrderedId(id.to_be_bytes())
	}
}

impl From<OrderedId> for AccessId {
	fn from(key: OrderedId) -> Self {
		AccessId::from_be_bytes(key.0)
	}
}

/// How far pruning has come: the oldest access not yet pruned, and how many of its entries are.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PruneCursor {
	/// The oldest access still stored.
	pub next: AccessId,
	/// How many of its entries are already removed from the subjects' indexes.
	pub done: u32,
}

/// A purpose as seeded at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisPurpose {
	/// Its code.
	pub code: PurposeCode,
	/// Its name.
	pub name: alloc::string::String,
	/// Its legal basis.
	pub legal_basis: alloc::string::String,
	/// The roles that may invoke it.
	pub roles: alloc::vec::Vec<Role>,
	/// The kinds of records it covers.
	pub kinds: alloc::vec::Vec<RecordKind>,
}
