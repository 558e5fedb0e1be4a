//! Roles, the [`RoleAuthority`] trait and the [`EnsureRole`] origin built on it.

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	dispatch::RawOrigin,
	traits::{EnsureOrigin, Get},
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
}

/// The registry of departments, as other pallets see it.
///
/// Implemented by the departments pallet. Each method reads at most two storage items (the
/// officer record and its department), so callers may count it as two reads.
pub trait RoleAuthority<AccountId> {
	/// The department `who` serves as an officer, whatever its status or roles.
	fn department_of(who: &AccountId) -> Option<DepartmentId>;

	/// The department of `who` if `who` is an officer of an active department that holds `role`
	/// unexpired now; `None` otherwise. This is the check [`EnsureRole`] makes.
	fn department_with_role(who: &AccountId, role: Role) -> Option<DepartmentId>;

	/// Whether `department` is active and holds `role` unexpired now.
	fn has_role(department: DepartmentId, role: Role) -> bool;

	/// How many officers `department` has now (0 if it does not exist). One read.
	fn officer_count(department: DepartmentId) -> u32;

	/// The department on whose behalf `who` may act under `role` now, or why not: for pallets
	/// that report a named error instead of `BadOrigin`, or whose role depends on the call's
	/// arguments (for example the issuer role of a certificate's schema). Two reads at most.
	fn ensure_role(who: &AccountId, role: Role) -> Result<DepartmentId, RoleError> {
		let department = Self::department_of(who).ok_or(RoleError::NotOfficer)?;
		if Self::has_role(department, role) {
			Ok(department)
		} else {
			Err(RoleError::RoleNotHeld)
		}
	}

	/// Benchmarks only: create (or reuse) an active department holding `role` and return one of
	/// its officers, so that [`EnsureRole`] succeeds for that account.
	// `()` as the error, like FRAME's own `EnsureOrigin::try_successful_origin`.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_officer(role: Role) -> Result<AccountId, ()>;

	/// Benchmarks only: [`RoleAuthority::successful_officer`] with its department.
	#[cfg(feature = "runtime-benchmarks")]
	#[allow(clippy::result_unit_err)]
	fn successful_officer_of(role: Role) -> Result<(DepartmentId, AccountId), ()> {
		let officer = Self::successful_officer(role)?;
		let department = Self::department_of(&officer).ok_or(())?;
		Ok((department, officer))
	}
}

/// Why an account may not act under a role ([`RoleAuthority::ensure_role`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RoleError {
	/// The account is no department's officer.
	NotOfficer,
	/// The account's department does not hold the role now: never granted, revoked, expired, or
	/// the department is suspended.
	RoleNotHeld,
}

/// An origin check for a pallet's `Config`: succeeds for a signed officer of an active
/// department that holds the role `R::get()` unexpired, and yields `(DepartmentId, AccountId)`.
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
