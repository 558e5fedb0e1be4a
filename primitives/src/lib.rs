//! # Civitas primitives
//!
//! What every Civitas pallet shares: identifiers, the [`Role`]s a department can hold, and the
//! small traits through which pallets talk to each other. A pallet's `Config` names one of these
//! traits (or an origin built on them), never another pallet.
//!
//! - [`DepartmentId`]: the id of an organisation registered in the departments pallet.
//! - [`Role`]: what a department may do; pallets ask for a role, not for a department.
//! - [`RoleAuthority`]: "which department does this account serve, and does it hold role R now?"
//! - [`EnsureOfficer`], [`EnsureRole`]: the permission a call needs, declared by a pallet as
//!   `type XOrigin: EnsureOfficer<..>` in its `Config` and wired by the runtime as
//!   `EnsureRole<Departments, role>`: succeeds for an officer of an active department holding the
//!   role, yielding `(DepartmentId, AccountId)`, and names why it refuses anyone else.
//! - [`SubjectId`], [`IdentityProvider`], [`CredentialVerifier`]: people, enterprises, their
//!   accounts and their electronic certificates (civic identity).
//! - [`RecordId`], [`CreditRecorder`], [`CreditProfile`]: credit records of people and
//!   enterprises, their scores and standings.
//! - [`BillId`], [`BillIssuer`]: electronic bills issued on a department's behalf.
//! - [`testing`] (std only): small in-memory implementations of these traits for pallets' mocks.
//!
//! **Weights across pallets.** When a call reaches another pallet through one of these traits
//! (a clawback writing a credit record, a tax assessment issuing bills), its benchmark runs in
//! the runtime, through the real neighbour, so the generated weight counts the neighbour's reads
//! and writes. The traits therefore carry no weight functions, and no caller adds one: the work
//! is counted once. A pallet's own mock stands in for the neighbour only in its unit tests.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod bills;
mod credit;
mod identity;
mod roles;
#[cfg(feature = "std")]
pub mod testing;

pub use bills::{Amount, BillId, BillIssuer, BillKind};
pub use credit::{CreditCategory, CreditProfile, CreditRecorder, CreditStanding, RecordId};
pub use identity::{
	CredentialId, CredentialVerifier, IdentityProvider, ReasonCode, SchemaId, SubjectId,
	SubjectKind,
};
pub use roles::{all_distinct, EnsureOfficer, EnsureRole, Role, RoleAuthority};

/// The most entries one page of a runtime API's listing returns (bills of a payer, properties of
/// a subject, applications to a program, ...). A caller asks for up to this many and passes the
/// last key of a page as `start_after` for the next one.
pub const MAX_PAGE: u32 = 500;

/// The key (in the node's persistent offchain storage) under which `pallet-nodes`' offchain
/// worker keeps the hash of the set of peers it last applied to the node's network, so that it
/// applies each set once rather than after every block. The node removes it at startup: a
/// restarted node's network starts open and needs the set again.
pub const NODES_APPLIED_KEY: &[u8] = b"civitas/nodes/applied";

/// Identifies a department (any organisation that writes to the chain: a government department,
/// a court, a bank, a utility). Assigned sequentially by the departments pallet and never reused.
pub type DepartmentId = u32;

/// Who made a change that an event reports: the chain's governance (for example Root through
/// Sudo, or a council), or a signed account acting as an officer or as a subject.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub enum Actor<AccountId> {
	/// The governance origin of the runtime.
	Governance,
	/// A signed account.
	Account(AccountId),
}
