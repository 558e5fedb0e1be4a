//! # Civitas parachain runtime
//!
//! The same city as the standalone runtime (`runtime/`), as a parachain of a relay chain: the
//! city's pallets at the same indices with the same configuration, accounts and fees, the
//! council, and the same runtime APIs, all from the standalone runtime's sources (included by
//! path, never copied); Cumulus in place of GRANDPA and the validator set (the relay chain's
//! validators check every block through [`validate_block`](https://docs.rs/cumulus-pallet-parachain-system));
//! and XCM between city chains (`pallet-cross-city`).
//!
//! - `configs/`: the shared configuration, and the parachain's own (`parachain.rs`, `xcm.rs`).
//! - `apis.rs`: the shared runtime APIs, with Aura's and Cumulus' collation APIs.
//! - `genesis_config_presets.rs`: a city chain per para id, seeded with the same demo city.

#![cfg_attr(not(feature = "std"), no_std)]
// The runtime macro expands recursively over every pallet.
#![recursion_limit = "256"]
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
#[path = "../../runtime/src/types.rs"]
mod types;
pub mod weights;

pub use types::*;

use polkadot_sdk::{
	cumulus_pallet_aura_ext, cumulus_pallet_xcm, cumulus_pallet_xcmp_queue, frame_executive,
	frame_support, frame_system, pallet_aura, pallet_balances, pallet_message_queue,
	pallet_multisig, pallet_offences, pallet_sudo, pallet_timestamp, pallet_transaction_payment,
	pallet_utility, sp_runtime::impl_opaque_keys, sp_version::RuntimeVersion,
	staging_parachain_info as parachain_info,
};

pub use civitas_primitives::{DepartmentId, Role};

/// The runtime's version: its own line of `spec_version`s, since a parachain is its own chain.
#[polkadot_sdk::sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("civitas-parachain"),
	impl_name: alloc::borrow::Cow::Borrowed("civitas-parachain"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Dispatches blocks and transactions to the pallets. A new chain: no migrations yet.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

impl_opaque_keys! {
	/// A collator's keys: Aura, for producing blocks (finality is the relay chain's).
	pub struct SessionKeys {
		/// Block production.
		pub aura: Aura,
	}
}

#[frame_support::runtime]
mod runtime {
	/// The Civitas parachain runtime.
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

	/// The relay chain's view of this chain: validation data, messages, upgrades. Its
	/// inherent comes first in every block.
	#[runtime::pallet_index(30)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;

	/// The time of each block.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// This chain's para id.
	#[runtime::pallet_index(31)]
	pub type ParachainInfo = parachain_info;

	/// The collators the council admitted, each operated by a department (the validators pallet:
	/// on this chain its validators collate). Before `Session`: its genesis is the session
	/// pallet's first set.
	#[runtime::pallet_index(9)]
	pub type Validators = pallet_validators;

	/// Sessions: rotate the collators' Aura keys. Before `Aura`, which it hands each session's
	/// keys.
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;

	/// Each session's collator keys, kept provable: the key-ownership proofs of equivocation
	/// reports.
	#[runtime::pallet_index(11)]
	pub type Historical = pallet_session::historical;

	/// Offences proven on chain (Aura equivocations), handed to the validators pallet.
	#[runtime::pallet_index(12)]
	pub type Offences = pallet_offences;

	/// Block production by the collators.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Aura's checks under Cumulus (the seal, blocks per relay chain slot).
	#[runtime::pallet_index(32)]
	pub type AuraExt = cumulus_pallet_aura_ext;

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

	/// Messages to and from sibling chains, over HRMP channels.
	#[runtime::pallet_index(33)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;

	/// The origins of the relay chain's and the siblings' messages.
	#[runtime::pallet_index(34)]
	pub type CumulusXcm = cumulus_pallet_xcm;

	/// The queue every incoming message waits in until a block has room to execute it.
	#[runtime::pallet_index(35)]
	pub type MessageQueue = pallet_message_queue;

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

	/// Which department used a subject's records, when and why.
	#[runtime::pallet_index(28)]
	pub type AccessLog = pallet_access_log;

	/// The other city chains governance admitted, and the records notarised between them.
	#[runtime::pallet_index(40)]
	pub type CrossCity = pallet_cross_city;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
