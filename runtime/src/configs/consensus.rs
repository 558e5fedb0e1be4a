//! Block production (Aura), finality (GRANDPA) and time.

use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU32, ConstU64},
	pallet_aura, pallet_grandpa, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::Void,
};

use crate::{Aura, Runtime, RuntimeEvent, SLOT_DURATION};

/// Departments run validators; at most this many.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type MaxAuthorities = MaxAuthorities;
	type DisabledValidators = ();
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No session or staking pallet: equivocations are not reported on chain (the authority set
	// is fixed by governance).
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
