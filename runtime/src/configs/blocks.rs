//! A block's weight and length, and the chain's constants: the same on both chains (the
//! parachain runtime includes this file by path), each chain's `System` using them.

use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchClass,
		parameter_types,
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
	},
	frame_system::limits,
	sp_runtime::Perbill,
	sp_version::RuntimeVersion,
};

use crate::{
	weights::{BlockExecutionWeight, ExtrinsicBaseWeight},
	BlockNumber, VERSION,
};

/// The share of a block's weight and length normal transactions may fill; the rest is kept for
/// operational ones (the council's, GRANDPA's equivocation reports), which may also use what
/// normal ones leave.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(90);

/// A block's computation: what the reference machine imports in two seconds, half of the four
/// seconds an Aura author has to propose in a six-second slot, on a state of a million bills.
/// Weights price single transactions and storage items; a whole block of bill batches took 1.9
/// times its weight to import at that size (the runtime README's "The block budget").
pub const MAXIMUM_BLOCK_REF_TIME: u64 =
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(105).saturating_div(100);

/// The limits of a block of at most `max_block`, of which normal transactions may use
/// [`NORMAL_DISPATCH_RATIO`]; an empty block and each transaction's base cost as measured on the
/// reference machine (`crate::weights`).
pub fn block_weights(max_block: Weight) -> limits::BlockWeights {
	limits::BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * max_block);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(max_block);
			// Operational transactions may always use what normal ones may not.
			let normal = NORMAL_DISPATCH_RATIO * max_block;
			weights.reserved = Some(max_block.saturating_sub(normal));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		// Checked by `frame_system`'s integrity test, which every runtime test build runs.
		.build_or_panic()
}

parameter_types! {
	/// Keep the hashes of the last 2400 blocks (four hours).
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
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
