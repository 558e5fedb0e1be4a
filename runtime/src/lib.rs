//! # Civitas runtime
//!
//! The state transition function of the Civitas chain: FRAME pallets of the city's administration
//! composed into one runtime, compiled to WASM for the node and natively for tests.
//!
//! - `configs/`: each pallet's configuration, one file per concern.
//! - `apis.rs`: the runtime APIs the node, Polkadot.js and auditors call.
//! - `genesis_config_presets.rs`: the `development`, `local_testnet` and `civitas-local` presets.
//! - `benchmarks.rs`: the pallets `civitas-node benchmark pallet` measures.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code does unchecked arithmetic and indexing in places we do not
// control; our own runtime code follows the workspace lints.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
// The items `#[frame_support::runtime]`, `impl_runtime_apis!` and the WASM builder generate carry
// no docs; ours do.
#![allow(missing_docs)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use types::*;

use polkadot_sdk::{
	frame_support, frame_system, pallet_aura, pallet_authorship, pallet_balances, pallet_grandpa,
	pallet_multisig, pallet_offences, pallet_session, pallet_sudo, pallet_timestamp,
	pallet_transaction_payment, pallet_utility, sp_runtime::impl_opaque_keys,
	sp_version::RuntimeVersion,
};

pub use civitas_primitives::{DepartmentId, Role};
pub use pallet_civic_identity;
pub use pallet_credit_records;
pub use pallet_departments;
pub use pallet_e_bills;

/// Declares [`VERSION`] with `spec_version` `$spec`. `#[runtime_version]` reads the numbers as
/// literals into the WASM's version section, so the `next-spec-version` build gets its own
/// literal through this macro rather than an expression.
macro_rules! runtime_version {
	($spec:tt) => {
		/// The runtime's version. When each number moves is the runtime README's "Versioning"
		/// rule: `spec_version` with every runtime a chain is to run, `transaction_version`
		/// whenever a call's index or arguments change encoding, `impl_version` never (no native
		/// runtime).
		#[polkadot_sdk::sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("civitas"),
			impl_name: alloc::borrow::Cow::Borrowed("civitas"),
			authoring_version: 1,
			spec_version: $spec,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "next-spec-version"))]
runtime_version!(112);
// The same runtime as the release after this one, for the live upgrade test
// (`tests/e2e/upgrade.test.js`); never deployed.
#[cfg(feature = "next-spec-version")]
runtime_version!(113);

/// The storage migrations the next runtime upgrade runs, oldest first. Each runs once, only
/// from the storage version it was written for, so a chain that has run it (or started after
/// it) skips it; remove one when every chain has passed it. See the runtime README's
/// "Upgrading the runtime".
pub type Migrations = (
	// spec 106: licence rules gain a longest validity.
	pallet_real_estate::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

use polkadot_sdk::frame_executive;

impl_opaque_keys! {
	/// The keys a validator holds: Aura for producing blocks, GRANDPA for finality.
	pub struct SessionKeys {
		/// Block production.
		pub aura: Aura,
		/// Finality.
		pub grandpa: Grandpa,
	}
}

#[frame_support::runtime]
mod runtime {
	/// The Civitas runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The time of each block.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// The validators the council admitted, each operated by a department. Before `Session`:
	/// its genesis is the session pallet's first validator set.
	#[runtime::pallet_index(9)]
	pub type Validators = pallet_validators;

	/// Sessions: rotate the Aura and GRANDPA keys of the validators. Before `Aura` and
	/// `Grandpa`, which it hands each session's keys.
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;

	/// Each session's validator keys, kept provable: the key-ownership proofs of equivocation
	/// reports.
	#[runtime::pallet_index(11)]
	pub type Historical = pallet_session::historical;

	/// Offences proven on chain (GRANDPA and Aura equivocations), handed to the validators
	/// pallet.
	#[runtime::pallet_index(12)]
	pub type Offences = pallet_offences;

	/// The author of each block (from Aura), who reports the equivocations its node sees.
	#[runtime::pallet_index(13)]
	pub type Authorship = pallet_authorship;

	/// Block production.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The fee token.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Root on the development chain only (no other preset has a key).
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	/// Batches of calls.
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	/// Multi-signature accounts (for example a department's joint account).
	#[runtime::pallet_index(8)]
	pub type Multisig = pallet_multisig;

	/// The departments, their roles and officers: access control for every Civitas pallet.
	#[runtime::pallet_index(20)]
	pub type Departments = pallet_departments;

	/// People, enterprises, their accounts and their electronic certificates.
	#[runtime::pallet_index(21)]
	pub type CivicIdentity = pallet_civic_identity;

	/// Credit records of people and enterprises, with objection, rectification and expiry.
	#[runtime::pallet_index(22)]
	pub type CreditRecords = pallet_credit_records;

	/// Electronic bills and invoices, reimbursed exactly once.
	#[runtime::pallet_index(23)]
	pub type EBills = pallet_e_bills;

	/// Real-estate register: titles, transfers, encumbrances, licences, property tax.
	#[runtime::pallet_index(24)]
	pub type RealEstate = pallet_real_estate;

	/// The special fund: programs, committee review, milestone payouts, clawback.
	#[runtime::pallet_index(25)]
	pub type FundGrants = pallet_fund_grants;

	/// The council of departments: motions, one vote per member department.
	#[runtime::pallet_index(26)]
	pub type Council = pallet_council;

	/// The nodes that may exchange blocks, registered by the council; each node's offchain
	/// worker refuses every other peer. After `Departments` (genesis is built in index order),
	/// whose roles its genesis checks.
	#[runtime::pallet_index(27)]
	pub type Nodes = pallet_nodes;

	/// Which department used a subject's records, when and why: accesses logged under a
	/// catalogue of purposes, read by the subject through its own account.
	#[runtime::pallet_index(28)]
	pub type AccessLog = pallet_access_log;
}
