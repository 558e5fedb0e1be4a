//! The pallets `civitas-node benchmark pallet --runtime <this runtime's WASM>` measures here
//! (`scripts/benchmark-parachain.sh`): the parachain's own, whose weights depend on the parachain
//! (the relay chain's messages, the XCMP and message queues, the cross-city pallet, which sends
//! through the XCMP queue). The city pallets' and the block authors' set's weights are measured in
//! the standalone runtime, with the same configuration.

use alloc::{string::String, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::{self, BenchmarkBatch, BenchmarkConfig, BenchmarkList},
	frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys},
	sp_storage::TrackedStorageKey,
};

use crate::*;

frame_benchmarking::define_benchmarks!(
	[cumulus_pallet_parachain_system, ParachainSystem]
	[cumulus_pallet_xcmp_queue, XcmpQueue]
	[pallet_message_queue, MessageQueue]
	[pallet_cross_city, CrossCity]
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
