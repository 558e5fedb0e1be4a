//! Block production (Aura), finality (GRANDPA), the node registry and time; the validator set
//! and sessions are `validators.rs`, shared with the parachain.

use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU32, ConstU64},
	pallet_aura, pallet_authorship, pallet_grandpa, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_session::MembershipProof,
};

use super::{
	CouncilOrRoot, CouncilTwoThirds, MaxAuthorities, NodeOperator, Officer, MAX_REPORTED_SESSIONS,
};
use crate::{
	Aura, Departments, Historical, Offences, Runtime, RuntimeEvent, Session, SLOT_DURATION,
};

/// The calls of council class `Network`: admitting and removing validators, registering nodes.
pub fn is_network_call(call: &crate::RuntimeCall) -> bool {
	matches!(call, crate::RuntimeCall::Validators(_) | crate::RuntimeCall::Nodes(_))
}

impl pallet_nodes::Config for Runtime {
	/// Two thirds of the council (class `Network`), as for validators.
	type NetworkOrigin = CouncilOrRoot<CouncilTwoThirds>;
	/// Officers of the node's department, holding `NodeOperator`.
	type OperatorOrigin = Officer<NodeOperator>;
	type Roles = Departments;
	/// Validators, the auditors' archive nodes and departments' RPC nodes.
	type MaxNodes = ConstU32<64>;
	type MaxConnections = ConstU32<8>;
	type WeightInfo = pallet_nodes::weights::SubstrateWeight<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
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
	type WeightInfo = crate::weights::GrandpaWeights;
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	/// Which session each GRANDPA set ran in, for this many sets back: equivocations within
	/// them are provable.
	type MaxSetIdSessionEntries = ConstU64<{ MAX_REPORTED_SESSIONS }>;
	/// A proof that the equivocating key was a validator's in the session of the offence.
	type KeyOwnerProof = MembershipProof;
	/// A proven equivocation becomes an offence for the validators pallet; nodes submit the ones
	/// they see as unsigned transactions, valid for `REPORT_LONGEVITY` blocks.
	type EquivocationReportSystem = pallet_grandpa::EquivocationReportSystem<
		Self,
		Offences,
		Historical,
		ConstU64<{ REPORT_LONGEVITY }>,
	>;
}

/// How many blocks a node's equivocation report stays valid in the pool (an hour).
pub const REPORT_LONGEVITY: u64 = crate::HOURS as u64;

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}
