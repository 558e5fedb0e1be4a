//! Roles, the [`RoleAuthority`] trait and the [`EnsureRole`] origin built on it.

use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchResult, RawOrigin},
		traits::{EnsureOrigin, Get},
	},
	sp_runtime::DispatchError,
};

use crate::DepartmentId;

/// What a department may do. Each Civitas pallet asks for the role of its domain.
///
/// Adding a role is a one-line change: append a variant (at the end, so the SCALE indices of the
/// existing ones, which are in storage, stay the same).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Registers people and enterprises and links their accounts (civic identity).
	IdentityRegistrar,
	/// Issues electronic certificates and licences (civic identity).
	CredentialIssuer,
	/// Records credit entries about people and enterprises (credit records).
	CreditRecorder,
	/// Decides objections to credit entries recorded by other departments (credit records).
	CreditAdjudicator,
	/// Registers properties, titles and transfers (real estate).
	LandRegistrar,
	/// Lends against property and holds mortgages (real estate).
	Lender,
	/// Orders freezes and other judicial measures (real estate, credit records).
	Court,
	/// Enables invoice issuers and levies taxes (e-bills, real estate).
	TaxAuthority,
	/// Issues electronic bills (e-bills).
	BillIssuer,
	/// Reviews grant applications and milestones (fund grants).
	FundCommittee,
	/// Records payouts of the special fund (fund grants).
	FundTreasurer,
	/// Reads and audits; holds no write power by itself.
	Auditor,
	/// Reimburses bills of the kinds e-bills' reimbursement rules assign to the department (for
	/// example medical insurance for `Medical` bills).
	Reimburser,
	/// Proposes and votes in the council for a member department (council).
	Councillor,
	/// Operates validators and network nodes of the city's chain (validators).
	NodeOperator,
}

/// The registry of departments, as other pallets see it.
///
/// Implemented by the departments pallet. Each method reads at most two storage items (the
/// officer record and its department), so callers may count it as two reads.
///
/// This is the one place where "may this account act under this role now" is decided: the
/// [`EnsureRole`] origins of every pallet's `Config` and the few checks whose role depends on a
/// call's arguments ([`RoleAuthority::ensure_role`]) both end here, and a refusal is reported with
/// the registry's own named error (in the Civitas runtime `departments.NotOfficer`,
/// `departments.DepartmentNotActive` or `departments.RoleNotHeld`).
pub trait RoleAuthority<AccountId> {
	/// The department `who` serves as an officer, whatever its status or roles.
	fn department_of(who: &AccountId) -> Option<DepartmentId>;

	/// The department of `who` if `who` is an officer of an active department that holds `role`
	/// unexpired now; `None` otherwise. This is the check [`EnsureRole`] makes.
	fn department_with_role(who: &AccountId, role: Role) -> Option<DepartmentId> {
		Self::ensure_role(who, role).ok()
	}

	/// Whether `department` is active and holds `role` unexpired now.
	fn has_role(department: DepartmentId, role: Role) -> bool {
		Self::ensure_department_role(department, role).is_ok()
	}

	/// How many officers `department` has now (0 if it does not exist). One read.
	fn officer_count(department: DepartmentId) -> u32;

	/// The department on whose behalf `who` may act under `role` now, or the registry's named
	/// error saying why not (no officer, department suspended, role not held or expired). Two
	/// reads at most.
	fn ensure_role(who: &AccountId, role: Role) -> Result<DepartmentId, DispatchError>;

	/// `Ok` if `department` is active and holds `role` unexpired now, or the registry's named
	/// error. One read.
	fn ensure_department_role(department: DepartmentId, role: Role) -> DispatchResult;

	/// The department on whose behalf `who` may act under one of `roles` now, with the first
	/// such role; or the registry's named error for the last role tried (`RoleNotHeld` for an
	/// officer of an active department that holds none of them). Two reads per role tried at
	/// most. For permissions whose roles are data (an access-log purpose names its roles).
	fn ensure_any_role(
		who: &AccountId,
		roles: &[Role],
	) -> Result<(DepartmentId, Role), DispatchError> {
		let mut refusal = DispatchError::Other("no role may act");
		for role in roles {
			match Self::ensure_role(who, *role) {
				Ok(department) => return Ok((department, *role)),
				Err(why) => refusal = why,
			}
		}
		Err(refusal)
	}

	/// Benchmarks only: create (or reuse) an active department holding `role` and return one of
	/// its officers, so that [`EnsureRole`] succeeds for that account.
	// `()` as the error, like FRAME's own `EnsureOrigin::try_successful_origin`.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_officer(role: Role) -> Result<AccountId, ()>;

	/// Benchmarks only: `n` (not admin) officers of the existing `department`, added unless an
	/// earlier call added them already.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_colleagues(
		department: DepartmentId,
		n: u32,
	) -> Result<alloc::vec::Vec<AccountId>, ()>;

	/// Benchmarks only: [`RoleAuthority::successful_officer`] with its department.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_officer_of(role: Role) -> Result<(DepartmentId, AccountId), ()> {
		let officer = Self::successful_officer(role)?;
		let department = Self::department_of(&officer).ok_or(())?;
		Ok((department, officer))
	}
}

/// An origin check for a pallet's `Config` that yields the acting department and officer and, when
/// it refuses a signed account, says why with a named error instead of `BadOrigin`.
///
/// Pallets declare one per permission (`type RecorderOrigin: EnsureOfficer<..>`) and call
/// [`EnsureOfficer::ensure_officer`]; the runtime wires [`EnsureRole`] with the role, so the
/// runtime's configuration reads as the city's permission table and pallets keep only the checks
/// on the record itself (this department owns this record). As an [`EnsureOrigin`] it also
/// composes with FRAME's origin combinators.
pub trait EnsureOfficer<O, AccountId>:
	EnsureOrigin<O, Success = (DepartmentId, AccountId)>
{
	/// `(department, officer)` if `origin` is a signed officer allowed here; the authority's named
	/// error for any other signed account; `BadOrigin` for an unsigned origin.
	fn ensure_officer(origin: O) -> Result<(DepartmentId, AccountId), DispatchError>;

	/// Whether `department`'s officers pass this check now: for checks on a department named in
	/// a record (a program's treasury, a mortgage's bank), so that the runtime's permission table
	/// decides those too. One read.
	fn allows(department: DepartmentId) -> bool;

	/// Benchmarks only: an officer (with its department) for whom this check succeeds.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_officer() -> Result<(DepartmentId, AccountId), ()>;
}

/// The origin check of a permission: succeeds for a signed officer of an active department that
/// holds the role `R::get()` unexpired, and yields `(DepartmentId, AccountId)`.
///
/// `A` is the [`RoleAuthority`] (the departments pallet in the runtime, a mock in tests).
pub struct EnsureRole<A, R, AccountId>(PhantomData<(A, R, AccountId)>);

impl<O, A, R, AccountId> EnsureOrigin<O> for EnsureRole<A, R, AccountId>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	A: RoleAuthority<AccountId>,
	R: Get<Role>,
{
	type Success = (DepartmentId, AccountId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.into()? {
			RawOrigin::Signed(who) => match A::department_with_role(&who, R::get()) {
				Some(department) => Ok((department, who)),
				None => Err(O::from(RawOrigin::Signed(who))),
			},
			other => Err(O::from(other)),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		A::successful_officer(R::get()).map(|who| O::from(RawOrigin::Signed(who)))
	}
}

impl<O, A, R, AccountId> EnsureOfficer<O, AccountId> for EnsureRole<A, R, AccountId>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	A: RoleAuthority<AccountId>,
	R: Get<Role>,
{
	fn ensure_officer(origin: O) -> Result<(DepartmentId, AccountId), DispatchError> {
		match origin.into() {
			Ok(RawOrigin::Signed(who)) => A::ensure_role(&who, R::get()).map(|d| (d, who)),
			_ => Err(DispatchError::BadOrigin),
		}
	}

	fn allows(department: DepartmentId) -> bool {
		A::has_role(department, R::get())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_officer() -> Result<(DepartmentId, AccountId), ()> {
		A::successful_officer_of(R::get())
	}
}

/// Whether no item of `items` appears twice (for the short, bounded lists of a call's arguments:
/// quadratic, without allocating).
pub fn all_distinct<T: PartialEq>(items: &[T]) -> bool {
	items
		.iter()
		.enumerate()
		.all(|(i, item)| !items.iter().skip(i.saturating_add(1)).any(|o| o == item))
}
