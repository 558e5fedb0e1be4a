//! System, with the standalone chain's block weight, and the runtime's own unsigned transactions.

use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight},
	frame_system::{self, limits},
	pallet_balances,
};

use super::{
	block_weights, BlockHashCount, RuntimeBlockLength, SS58Prefix, Version, MAXIMUM_BLOCK_REF_TIME,
};
use crate::{
	weights::{self, ParityDbWeight},
	AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask,
};

/// A block's weight: [`MAXIMUM_BLOCK_REF_TIME`] of computation; its proof size is unlimited (no
/// relay chain validates a standalone chain's blocks).
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX);

parameter_types! {
	pub RuntimeBlockWeights: limits::BlockWeights = block_weights(MAXIMUM_BLOCK_WEIGHT);
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// Every call goes through unless the council paused its pallet.
	type BaseCallFilter = pallet_council::NotPaused<Runtime>;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB: a read and a write as measured on the reference machine.
	type DbWeight = ParityDbWeight;
	/// `frame_system`'s calls and its transaction extensions (nonce, mortality, genesis, weight
	/// checks), measured on the reference machine (`scripts/benchmark.sh`), their reads and writes
	/// at [`ParityDbWeight`]. The default, `()`, priced the extensions' storage at RocksDB's
	/// generic constants.
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

/// The runtime builds its own unsigned transactions: GRANDPA's equivocation reports, which a node
/// submits through the runtime API when it sees a validator vote twice.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = crate::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> crate::UncheckedExtrinsic {
		crate::UncheckedExtrinsic::new_bare(call)
	}
}
