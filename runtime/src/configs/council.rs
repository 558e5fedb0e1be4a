//! The council of departments: its parameters and the classes of the runtime's calls. The same
//! on both chains (the parachain runtime includes this file by path); which calls are the
//! network's (class `Network`) each runtime says in its `is_network_call`.

use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, EitherOfDiverse},
		weights::Weight,
	},
	frame_system::EnsureRoot,
};

/// A council decision meeting rule `R`, or Root, which only the development chain's Sudo key
/// reaches (no other preset has one): the runtime's floor for every governance permission.
pub type CouncilOrRoot<R> = EitherOfDiverse<EnsureRoot<AccountId>, EnsureCouncil<R>>;

use crate::{pallet_utility, AccountId, BlockNumber, Runtime, RuntimeCall, RuntimeOrigin, DAYS};
use civitas_primitives::Role;
pub use pallet_council::EnsureCouncil;
use pallet_council::{CallClass, ClassifyCall, Threshold};

use super::Officer;

parameter_types! {
	pub const Councillor: Role = Role::Councillor;
	pub const CouncilMajority: Threshold = Threshold::Majority;
	pub const CouncilTwoThirds: Threshold = Threshold::TwoThirds;
	pub const AnyTwoMembers: Threshold = Threshold::AtLeast(2);
	/// The pallets an emergency may pause: the city's domains and the generic account pallets;
	/// never the council, System, Sudo, nor the ones blocks need (timestamp, consensus, fees).
	pub const PausablePallets: &'static [&'static str] = &[
		"Departments",
		"CivicIdentity",
		"CreditRecords",
		"EBills",
		"RealEstate",
		"FundGrants",
		"AccessLog",
		"Balances",
		"Utility",
		"Multisig",
	];
	/// Three days at most; the council pauses again if it needs longer.
	pub const MaxPauseDuration: BlockNumber = 3 * DAYS;
	/// A week to decide a motion unless its proposer asks for less.
	pub const MotionDuration: BlockNumber = 7 * DAYS;
	/// At most thirty days.
	pub const MaxMotionDuration: BlockNumber = 30 * DAYS;
	/// A motion's call may use half of a block's normal weight.
	pub MaxCallWeight: Weight = crate::configs::RuntimeBlockWeights::get()
		.get(polkadot_sdk::frame_support::dispatch::DispatchClass::Normal)
		.max_extrinsic
		.unwrap_or_default()
		.saturating_div(2);
}

/// Which class of the council's policy table each call falls in. A batch falls in the class of
/// its call that needs the most ayes, so no call can ride on a weaker one.
pub struct CallClasses;

impl ClassifyCall<RuntimeCall> for CallClasses {
	fn classify(call: &RuntimeCall) -> CallClass {
		use pallet_departments::Call as Departments;
		match call {
			RuntimeCall::Departments(
				Departments::register_department { .. }
				| Departments::grant_role { .. }
				| Departments::revoke_role { .. }
				| Departments::suspend_department { .. }
				| Departments::reinstate_department { .. },
			) => CallClass::Departments,
			RuntimeCall::Council(pallet_council::Call::set_members { .. }) => CallClass::Council,
			RuntimeCall::Council(pallet_council::Call::set_threshold { .. }) => CallClass::Policy,
			RuntimeCall::Council(pallet_council::Call::authorize_upgrade { .. }) => {
				CallClass::Upgrade
			},
			RuntimeCall::Council(pallet_council::Call::pause { .. }) => CallClass::Emergency,
			call if super::is_network_call(call) => CallClass::Network,
			RuntimeCall::System(
				polkadot_sdk::frame_system::Call::set_code { .. }
				| polkadot_sdk::frame_system::Call::set_code_without_checks { .. }
				| polkadot_sdk::frame_system::Call::authorize_upgrade { .. }
				| polkadot_sdk::frame_system::Call::authorize_upgrade_without_checks { .. },
			) => CallClass::Upgrade,
			RuntimeCall::Utility(
				pallet_utility::Call::batch { calls }
				| pallet_utility::Call::batch_all { calls }
				| pallet_utility::Call::force_batch { calls },
			) => pallet_council::Pallet::<Runtime>::strongest(calls.iter().map(Self::classify)),
			_ => CallClass::Ordinary,
		}
	}
}

impl pallet_council::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type Classify = CallClasses;
	type CouncillorOrigin = Officer<Councillor>;
	// Root is the development chain's Sudo key; no other preset has one.
	type MembershipOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type PolicyOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type UpgradeOrigin = CouncilOrRoot<CouncilTwoThirds>;
	type EmergencyOrigin = CouncilOrRoot<AnyTwoMembers>;
	type LiftOrigin = CouncilOrRoot<CouncilMajority>;
	type Pausable = PausablePallets;
	/// Room to pause every pausable pallet at once (a safe mode: one motion, a batch of pauses).
	type MaxPauses = ConstU32<16>;
	type MaxPauseDuration = MaxPauseDuration;
	type MaxMembers = ConstU32<32>;
	type MaxMotions = ConstU32<64>;
	/// Room for a batch of a few dozen ordinary calls; upgrades go by hash
	/// (`authorize_upgrade`), never with the code inside a motion.
	type MaxCallSize = ConstU32<4096>;
	type MaxCallWeight = MaxCallWeight;
	type MotionDuration = MotionDuration;
	type MaxMotionDuration = MaxMotionDuration;
	type WeightInfo = pallet_council::weights::SubstrateWeight<Runtime>;
}
