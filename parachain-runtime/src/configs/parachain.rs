//! The parachain's own configuration: `System` as a parachain, time and Aura under Cumulus, the
//! relay chain's inherent and messages, and the queues XCM between city chains goes through.

use polkadot_sdk::{
	cumulus_pallet_aura_ext, cumulus_pallet_parachain_system, cumulus_pallet_xcm,
	cumulus_pallet_xcmp_queue,
	cumulus_primitives_core::{AggregateMessageOrigin, ParaId},
	frame_support::{
		derive_impl, parameter_types,
		traits::{
			ConstBool, ConstU32, ConstU64, EnqueueWithOrigin, QueueFootprint, QueuePausedQuery,
			TransformOrigin,
		},
		weights::Weight,
	},
	frame_system::{self, limits},
	pallet_aura, pallet_balances, pallet_message_queue, pallet_timestamp,
	polkadot_runtime_common::xcm_sender::NoPriceForMessageDelivery,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::{traits::Convert, Perbill},
	staging_parachain_info as parachain_info,
	staging_xcm_executor::XcmExecutor,
};

use super::{
	block_weights,
	xcm::{XcmConfig, XcmOriginToTransactDispatchOrigin},
	BlockHashCount, CouncilOrRoot, CouncilTwoThirds, MaxAuthorities, RuntimeBlockLength,
	SS58Prefix, Version, MAXIMUM_BLOCK_REF_TIME,
};
use crate::{
	weights::{self, ParityDbWeight},
	AccountId, Aura, Balance, Block, Hash, MessageQueue, Nonce, PalletInfo, ParachainSystem,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, Session, XcmpQueue,
	SLOT_DURATION,
};

/// A block's weight: the standalone chain's [`MAXIMUM_BLOCK_REF_TIME`] of computation, and at
/// most the relay chain's limit of proof (the storage a validator needs to re-execute it).
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	MAXIMUM_BLOCK_REF_TIME,
	polkadot_sdk::cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// The relay chain's slot, in milliseconds.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
/// Parachain blocks per relay chain block: one, every six seconds, as the standalone chain.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Blocks built on a parent the relay chain has not included yet (asynchronous backing).
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;

/// Aura's checks under Cumulus: at most [`BLOCK_PROCESSING_VELOCITY`] blocks a relay chain slot
/// and [`UNINCLUDED_SEGMENT_CAPACITY`] not yet included.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

parameter_types! {
	pub RuntimeBlockWeights: limits::BlockWeights = block_weights(MAXIMUM_BLOCK_WEIGHT);
}

#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig)]
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
	/// Collators store state in ParityDB, as the standalone chain's nodes.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// A new runtime is scheduled through the relay chain, which validates the next blocks with it.
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
}

/// The calls of council class `Network`: which machines author the chain's blocks (admitting and
/// removing collators), which cities this chain talks to (admitting and removing them) and the
/// XCMP queue's controls (suspending and resuming channels).
pub fn is_network_call(call: &RuntimeCall) -> bool {
	use pallet_cross_city::Call as CrossCity;
	matches!(
		call,
		RuntimeCall::Validators(_)
			| RuntimeCall::XcmpQueue(_)
			| RuntimeCall::CrossCity(CrossCity::admit_city { .. } | CrossCity::remove_city { .. })
	)
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type MaxAuthorities = MaxAuthorities;
	/// A collator disabled for a proven offence authors nothing for the rest of its session.
	type DisabledValidators = Session;
	/// One block a slot, as the relay chain backs one a slot ([`BLOCK_PROCESSING_VELOCITY`]).
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl cumulus_pallet_aura_ext::Config for Runtime {}

parameter_types! {
	/// A quarter of a block for the relay chain's downward messages, a quarter for the sibling
	/// chains' messages.
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const RelayOrigin: AggregateMessageOrigin = AggregateMessageOrigin::Parent;
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = parachain_info::Pallet<Runtime>;
	type OutboundXcmpMessageSource = XcmpQueue;
	/// The relay chain's messages wait in the message queue, as the siblings' do.
	type DmpQueue = EnqueueWithOrigin<MessageQueue, RelayOrigin>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = XcmpQueue;
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber =
		cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
	/// Build on the newest relay chain block.
	type RelayParentOffset = ConstU32<0>;
	/// Version 3 scheduling stays off until the relay chain and every collator support it.
	type SchedulingSignatureVerifier = ();
	type WeightInfo = weights::cumulus_pallet_parachain_system::WeightInfo<Runtime>;
}

impl parachain_info::Config for Runtime {}

parameter_types! {
	/// At most 35% of a block for processing queued messages.
	pub MessageQueueServiceWeight: Option<Weight> =
		Some(Perbill::from_percent(35) * RuntimeBlockWeights::get().max_block);
}

impl pallet_message_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = weights::pallet_message_queue::WeightInfo<Runtime>;
	/// Every queued message is XCM, executed with this chain's XCM configuration.
	#[cfg(not(feature = "runtime-benchmarks"))]
	type MessageProcessor = polkadot_sdk::staging_xcm_builder::ProcessXcmMessage<
		AggregateMessageOrigin,
		XcmExecutor<XcmConfig>,
		RuntimeCall,
	>;
	/// The queue's own work, measured apart from what its messages do (XCM weighs that).
	#[cfg(feature = "runtime-benchmarks")]
	type MessageProcessor =
		pallet_message_queue::mock_helpers::NoopMessageProcessor<AggregateMessageOrigin>;
	type Size = u32;
	/// The XCMP queue suspends and resumes the siblings' queues; the relay chain's are never
	/// paused.
	type QueueChangeHandler = SiblingQueues<XcmpQueue>;
	type QueuePausedQuery = SiblingQueues<XcmpQueue>;
	type HeapSize = ConstU32<{ 64 * 1024 }>;
	type MaxStale = ConstU32<8>;
	type ServiceWeight = MessageQueueServiceWeight;
	type IdleMaxServiceWeight = MessageQueueServiceWeight;
}

/// A sibling chain's message queue as the XCMP queue sees it: its para id.
pub struct ParaIdToSibling;

impl Convert<ParaId, AggregateMessageOrigin> for ParaIdToSibling {
	fn convert(para: ParaId) -> AggregateMessageOrigin {
		AggregateMessageOrigin::Sibling(para)
	}
}

/// Hands the message queue's notices about siblings' queues to `Inner` (the XCMP queue, which
/// keeps them for back-pressure); the relay chain's and this chain's own queues are not its.
pub struct SiblingQueues<Inner>(core::marker::PhantomData<Inner>);

impl<Inner: QueuePausedQuery<ParaId>> QueuePausedQuery<AggregateMessageOrigin>
	for SiblingQueues<Inner>
{
	fn is_paused(origin: &AggregateMessageOrigin) -> bool {
		match origin {
			AggregateMessageOrigin::Sibling(para) => Inner::is_paused(para),
			_ => false,
		}
	}
}

impl<Inner: pallet_message_queue::OnQueueChanged<ParaId>>
	pallet_message_queue::OnQueueChanged<AggregateMessageOrigin> for SiblingQueues<Inner>
{
	fn on_queue_changed(origin: AggregateMessageOrigin, footprint: QueueFootprint) {
		if let AggregateMessageOrigin::Sibling(para) = origin {
			Inner::on_queue_changed(para, footprint)
		}
	}
}

impl cumulus_pallet_xcmp_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ChannelInfo = ParachainSystem;
	/// Both ends run this runtime; messages go in the current XCM version.
	type VersionWrapper = ();
	/// The siblings' messages wait in the message queue.
	type XcmpQueue = TransformOrigin<MessageQueue, AggregateMessageOrigin, ParaId, ParaIdToSibling>;
	type MaxInboundSuspended = ConstU32<1_000>;
	type MaxActiveOutboundChannels = ConstU32<128>;
	/// The relay chain's default channel size.
	type MaxPageSize = ConstU32<{ 103 * 1024 }>;
	/// Suspending and resuming channels: two thirds of the council (class `Network`).
	type ControllerOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type ControllerOriginConverter = XcmOriginToTransactDispatchOrigin;
	/// The cities do not charge each other for messages.
	type PriceForSiblingDelivery = NoPriceForMessageDelivery<ParaId>;
	type WeightInfo = weights::cumulus_pallet_xcmp_queue::WeightInfo<Runtime>;
}

impl cumulus_pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type XcmExecutor = XcmExecutor<XcmConfig>;
}
