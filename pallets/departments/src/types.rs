//! The stored types of the departments pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::{BoundedBTreeMap, BoundedVec},
		CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::{DepartmentId, Role};

/// What kind of organisation a department is.
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
pub enum DepartmentKind {
	/// A government department, commission, bureau or office.
	Government,
	/// A court.
	Court,
	/// A bank or other lender.
	Bank,
	/// A public utility (power, water, gas).
	Utility,
	/// Any other organisation the city admits.
	Other,
}

/// Whether a department may currently act.
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
pub enum DepartmentStatus {
	/// The department's officers may act under its roles.
	Active,
	/// No officer of the department may act under any role until governance reinstates it.
	Suspended,
}

/// A department: an organisation that may write to the chain, and the roles it holds.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Department<T: Config> {
	/// The department's official name (UTF-8).
	pub name: BoundedVec<u8, T::MaxNameLength>,
	/// What kind of organisation it is.
	pub kind: DepartmentKind,
	/// Whether its officers may act.
	pub status: DepartmentStatus,
	/// The roles it holds, each with the block from which it no longer holds it (`None`: until
	/// revoked). Expired grants stay listed until revoked, renewed or pruned by a new grant.
	pub roles: BoundedBTreeMap<Role, Option<BlockNumberFor<T>>, T::MaxRoles>,
	/// How many officers serve it (at most `T::MaxOfficers`).
	pub officers: u32,
	/// The block in which it was registered.
	pub registered_at: BlockNumberFor<T>,
}

impl<T: Config> Department<T> {
	/// Whether the department holds `role` and the grant has not expired at `now`. The
	/// department's status is not considered.
	pub fn holds(&self, role: Role, now: BlockNumberFor<T>) -> bool {
		match self.roles.get(&role) {
			Some(None) => true,
			Some(Some(expires_at)) => now < *expires_at,
			None => false,
		}
	}

	/// The roles the department holds unexpired at `now`, whatever its status.
	pub fn roles_in_force(&self, now: BlockNumberFor<T>) -> Vec<Role> {
		self.roles.keys().copied().filter(|role| self.holds(*role, now)).collect()
	}
}

/// An account serving a department.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Officer<BlockNumber> {
	/// The department the account serves.
	pub department: DepartmentId,
	/// Whether the officer may add and remove the department's officers.
	pub admin: bool,
	/// The block in which the officer was added.
	pub added_at: BlockNumber,
}

/// A department as seeded at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisDepartment<AccountId> {
	/// The department's name.
	pub name: alloc::string::String,
	/// What kind of organisation it is.
	pub kind: DepartmentKind,
	/// The roles it holds from genesis, without expiry.
	pub roles: Vec<Role>,
	/// Its officers: account and whether it is an admin.
	pub officers: Vec<(AccountId, bool)>,
}
