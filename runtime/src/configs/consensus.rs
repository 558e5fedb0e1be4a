//! Block production (Aura), finality (GRANDPA), sessions, the validator set and time.

use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU128, ConstU32, ConstU64},
	pallet_aura, pallet_authorship, pallet_grandpa, pallet_offences, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::traits::OpaqueKeys,
	sp_session::MembershipProof,
};

use super::{CouncilOrRoot, CouncilTwoThirds, NodeOperator, Officer};
use crate::{
	AccountId, Aura, Balances, Departments, Historical, Offences, Runtime, RuntimeEvent, Session,
	SessionKeys, Validators, SLOT_DURATION,
};

/// The calls of council class `Network`: admitting and removing validators, registering nodes.
pub fn is_network_call(call: &crate::RuntimeCall) -> bool {
	matches!(call, crate::RuntimeCall::Validators(_) | crate::RuntimeCall::Nodes(_))
}

/// Sessions last the validators pallet's `SessionLength` (set per chain at genesis), from
/// block 0.
type Sessions =
	pallet_session::PeriodicSessions<pallet_validators::SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_validators::Config for Runtime {
	/// Two thirds of the council (class `Network`); Root is the dev chain's Sudo.
	type NetworkOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type Roles = Departments;
	type Session = Session;
	/// As far back as GRANDPA's set-to-session map reaches.
	type HistoryDepth = ConstU32<{ MAX_REPORTED_SESSIONS as u32 }>;
	type AuraId = AuraId;
	type KeyOwnerProof = MembershipProof;
	type KeyOwnership = Historical;
	type ReportOffence = Offences;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
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

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is its account.
	type ValidatorId = AccountId;
	/// Only admitted validators may set keys.
	type ValidatorIdOf = pallet_validators::ValidatorOf<Runtime>;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	/// The validators pallet's sets, each session's kept provable by `Historical`.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, Validators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// At most a third of the validators disabled at once.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
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

/// How many sessions back an equivocation may still be reported (a week of hour-long sessions).
pub const MAX_REPORTED_SESSIONS: u64 = 168;

/// How many blocks a node's equivocation report stays valid in the pool (an hour).
pub const REPORT_LONGEVITY: u64 = crate::HOURS as u64;

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account alone; the validators pallet looks up its
	/// department when an offence is reported.
	type FullIdentification = ();
	type FullIdentificationOf = pallet_validators::IdentifiedByAccount;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Validators;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}
