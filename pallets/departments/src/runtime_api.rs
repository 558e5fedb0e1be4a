//! `DepartmentsApi`: what auditors and clients ask the runtime about departments.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{DepartmentKind, DepartmentStatus};
use civitas_primitives::{DepartmentId, Role};

/// A department as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DepartmentInfo<BlockNumber> {
	/// Its id.
	pub id: DepartmentId,
	/// Its name (UTF-8).
	pub name: Vec<u8>,
	/// What kind of organisation it is.
	pub kind: DepartmentKind,
	/// Whether its officers may act.
	pub status: DepartmentStatus,
	/// Every role grant it has, with its expiry (`None`: until revoked), lapsed ones included.
	pub grants: Vec<(Role, Option<BlockNumber>)>,
	/// The roles it holds unexpired at the queried block (whatever its status).
	pub roles_in_force: Vec<Role>,
	/// How many officers serve it.
	pub officers: u32,
	/// The block in which it was registered.
	pub registered_at: BlockNumber,
}

/// An officer as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OfficerInfo<AccountId, BlockNumber> {
	/// The officer's account.
	pub account: AccountId,
	/// The department the account serves.
	pub department: DepartmentId,
	/// Whether the officer may add and remove the department's officers.
	pub admin: bool,
	/// The block in which the officer was added.
	pub added_at: BlockNumber,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the departments registry.
	///
	/// Version 2: officers as `OfficerInfo`, with their account (version 1 answered
	/// `department_of` with the stored record and `officers_of` with `(account, admin)` pairs).
	#[api_version(2)]
	pub trait DepartmentsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Every registered department, by id.
		fn departments() -> Vec<DepartmentInfo<BlockNumber>>;

		/// One department.
		fn department(id: DepartmentId) -> Option<DepartmentInfo<BlockNumber>>;

		/// The department `who` serves, since when, and whether as an admin.
		fn department_of(who: AccountId) -> Option<OfficerInfo<AccountId, BlockNumber>>;

		/// The roles `department` holds unexpired now (whatever its status; see `department`).
		fn roles_of(department: DepartmentId) -> Vec<Role>;

		/// The officers of `department` (at most `MaxOfficers`), since when, and whether each is
		/// an admin.
		fn officers_of(department: DepartmentId) -> Vec<OfficerInfo<AccountId, BlockNumber>>;

		/// The department on whose behalf `who` may act under `role` now, if any: the check every
		/// role-gated call makes.
		fn can_act_as(who: AccountId, role: Role) -> Option<DepartmentId>;
	}
}
