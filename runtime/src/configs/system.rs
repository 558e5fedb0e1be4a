//! System, balances and fees, and the generic utility pallets (Sudo, Utility, Multisig).

use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, IdentityFee, Weight},
	},
	frame_system::{self, limits},
	pallet_balances, pallet_multisig, pallet_sudo, pallet_transaction_payment, pallet_utility,
	sp_runtime::{traits::One, Perbill},
	sp_version::RuntimeVersion,
};

use crate::{
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, EXISTENTIAL_DEPOSIT, MILLI_UNIT, VERSION,
};

/// The share of a block's weight and length normal transactions may fill; the rest is kept for
/// operational ones (the council's, GRANDPA's equivocation reports), which may also use what
/// normal ones leave.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(90);

/// A block's weight: what the reference machine imports in two seconds, half of the four seconds
/// an Aura author has to propose in a six-second slot, on a state of a million bills. Weights
/// price single transactions and storage items; a whole block of bill batches took 1.9 times its
/// weight to import at that size (the runtime README's "The block budget").
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(105).saturating_div(100),
	u64::MAX,
);

parameter_types! {
	/// Keep the hashes of the last 2400 blocks (four hours).
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// [`MAXIMUM_BLOCK_WEIGHT`], of which normal transactions may use [`NORMAL_DISPATCH_RATIO`];
	/// an empty block and each transaction's base cost as measured on the reference machine
	/// (`crate::weights`).
	pub RuntimeBlockWeights: limits::BlockWeights = limits::BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions may always use what normal ones may not.
			let normal = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT;
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(normal));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		// Checked by `frame_system`'s integrity test, which every runtime test build runs.
		.build_or_panic();
	/// Blocks of at most 5 MiB.
	pub RuntimeBlockLength: limits::BlockLength =
		limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	/// The generic Substrate address prefix.
	pub const SS58Prefix: u16 = 42;
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

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: pallet_transaction_payment::Multiplier = One::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = pallet_transaction_payment::FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = pallet_transaction_payment::ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
	/// Deposit for a multisig operation: one unit plus a tenth per signatory.
	pub const DepositBase: Balance = 1000 * MILLI_UNIT;
	pub const DepositFactor: Balance = 100 * MILLI_UNIT;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
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
