//! Who authors the city's blocks, under the council: the validators pallet admits the machines
//! (the standalone chain's validators, the parachain's collators), the session pallet hands their
//! keys to consensus each session and keeps every session's set provable (`Historical`), and
//! proven offences reach the validators pallet through the offences pallet. The same on both
//! chains; each runtime's own `SessionKeys` says which keys a session carries.

use polkadot_sdk::{
	frame_support::traits::{ConstU128, ConstU32},
	pallet_offences,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::traits::OpaqueKeys,
	sp_session::MembershipProof,
};

use super::{CouncilOrRoot, CouncilTwoThirds};
use crate::{
	AccountId, Balances, Departments, Historical, Offences, Runtime, RuntimeEvent, Session,
	SessionKeys, Validators,
};

/// Sessions last the validators pallet's `SessionLength` (set per chain at genesis), from
/// block 0.
type Sessions =
	pallet_session::PeriodicSessions<pallet_validators::SessionPeriod<Runtime>, ConstU32<0>>;

/// Departments run the block authors; at most this many.
pub type MaxAuthorities = ConstU32<32>;

/// How many sessions back an equivocation may still be reported (a week of hour-long sessions).
pub const MAX_REPORTED_SESSIONS: u64 = 168;

impl pallet_validators::Config for Runtime {
	/// Two thirds of the council (class `Network`); Root is the dev chain's Sudo.
	type NetworkOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type Roles = Departments;
	type Session = Session;
	/// As far back as equivocations may be reported (on the standalone chain, as far as GRANDPA's
	/// set-to-session map reaches).
	type HistoryDepth = ConstU32<{ MAX_REPORTED_SESSIONS as u32 }>;
	type AuraId = AuraId;
	type KeyOwnerProof = MembershipProof;
	type KeyOwnership = Historical;
	type ReportOffence = Offences;
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
