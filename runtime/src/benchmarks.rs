//! The pallets `civitas-node benchmark pallet` measures, and the `Benchmark` runtime API behind it.

use alloc::{string::String, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::{self, BenchmarkBatch, BenchmarkConfig, BenchmarkList},
	frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys},
	frame_system_benchmarking,
	sp_storage::TrackedStorageKey,
};

use crate::*;

mod session;

type SystemBench = frame_system_benchmarking::Pallet<Runtime>;
/// The transaction extensions of `frame_system` (nonce, mortality, weight and the checks).
type SystemExtensionsBench = frame_system_benchmarking::extensions::Pallet<Runtime>;

/// `pallet_session`'s calls, with validators the validators pallet admitted.
type SessionBench = session::Pallet<Runtime>;

impl frame_system_benchmarking::Config for Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench]
	[frame_system_extensions, SystemExtensionsBench]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_session, SessionBench]
	[pallet_grandpa, Grandpa]
	[pallet_departments, Departments]
	[pallet_civic_identity, CivicIdentity]
	[pallet_credit_records, CreditRecords]
	[pallet_e_bills, EBills]
	[pallet_real_estate, RealEstate]
	[pallet_fund_grants, FundGrants]
	[pallet_council, Council]
	[pallet_validators, Validators]
	[pallet_nodes, Nodes]
	[pallet_access_log, AccessLog]
);

/// The benchmarks the runtime offers and the storage they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
