//! Block production (Aura), finality (GRANDPA), sessions, the validator set and time.

use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU128, ConstU32, ConstU64},
	pallet_aura, pallet_grandpa, pallet_session, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::Void,
	sp_runtime::traits::OpaqueKeys,
};

use super::{CouncilOrRoot, CouncilTwoThirds};
use crate::{
	AccountId, Aura, Balances, Runtime, RuntimeEvent, Session, SessionKeys, Validators,
	SLOT_DURATION,
};

/// Sessions last the validators pallet's `SessionLength` (set per chain at genesis), from
/// block 0.
type Sessions =
	pallet_session::PeriodicSessions<pallet_validators::SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_validators::Config for Runtime {
	/// Two thirds of the council (class `Network`); Root is the dev chain's Sudo.
	type NetworkOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type Roles = pallet_departments::Pallet<Runtime>;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account.
	type ValidatorId = AccountId;
	/// Only admitted validators may set keys.
	type ValidatorIdOf = pallet_validators::ValidatorOf<Runtime>;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = Validators;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the validators disabled at once.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Validators are admitted by the council: no deposit for their keys.
	type KeyDeposit = ConstU128<0>;
}

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
	type DisabledValidators = Session;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need key-ownership proofs (`pallet-session::historical`): not yet.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
