//! A test runtime with System and Council; departments replaced by [`MockRoles`]. Five member
//! departments (1 to 5), each with a councillor; department 1 has a second one; department 6
//! has a councillor but is no member.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_council;
use crate::{CallClass, ClassifyCall, EnsureCouncil, Threshold};
use civitas_primitives::{testing::MockRoles, DepartmentId, EnsureRole, Role};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
		weights::Weight,
	},
	frame_system, sp_io,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[polkadot_sdk::frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Council = pallet_council;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type BaseCallFilter = pallet_council::NotPaused<Test>;
}

/// How long a motion stays open by default in the tests.
pub const DURATION: u64 = 10;

parameter_types! {
	pub const Councillor: Role = Role::Councillor;
	pub const TwoThirds: Threshold = Threshold::TwoThirds;
	pub const Majority: Threshold = Threshold::Majority;
	pub const Two: Threshold = Threshold::AtLeast(2);
	/// The test runtime lets the council pause System's calls (its only other pallet), and two
	/// made-up pallets.
	pub const Pausable: &'static [&'static str] = &["System", "Lands", "Bills"];
	pub MaxCallWeight: Weight = Weight::from_parts(1_000_000_000, 1_000_000);
}

/// Classes the test runtime's calls: a remark is ordinary, a remark with an event stands for a
/// department's registration, the council's calls are its membership and its policy, a code
/// change is an upgrade.
pub struct Classes;

impl ClassifyCall<RuntimeCall> for Classes {
	fn classify(call: &RuntimeCall) -> CallClass {
		match call {
			RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => {
				CallClass::Departments
			},
			RuntimeCall::System(frame_system::Call::set_code { .. }) => CallClass::Upgrade,
			RuntimeCall::Council(pallet_council::Call::set_members { .. }) => CallClass::Council,
			RuntimeCall::Council(pallet_council::Call::set_threshold { .. }) => CallClass::Policy,
			RuntimeCall::Council(pallet_council::Call::authorize_upgrade { .. }) => {
				CallClass::Upgrade
			},
			RuntimeCall::Council(pallet_council::Call::pause { .. }) => CallClass::Emergency,
			_ => CallClass::Ordinary,
		}
	}
}

impl pallet_council::Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type Classify = Classes;
	type CouncillorOrigin = EnsureRole<MockRoles, Councillor, u64>;
	type MembershipOrigin = EnsureCouncil<TwoThirds>;
	type PolicyOrigin = EnsureCouncil<TwoThirds>;
	type UpgradeOrigin = EnsureCouncil<TwoThirds>;
	type EmergencyOrigin = EnsureCouncil<Two>;
	type LiftOrigin = EnsureCouncil<Majority>;
	type Pausable = Pausable;
	type MaxPauses = ConstU32<2>;
	type MaxPauseDuration = ConstU64<20>;
	type MaxMembers = ConstU32<8>;
	type MaxMotions = ConstU32<3>;
	type MaxCallSize = ConstU32<64>;
	type MaxCallWeight = MaxCallWeight;
	type MotionDuration = ConstU64<DURATION>;
	type MaxMotionDuration = ConstU64<100>;
	type WeightInfo = ();
}

/// The councillor of member department `d` (1 to 5) and of department 6: account `10 + d`.
pub fn councillor(d: DepartmentId) -> u64 {
	10 + u64::from(d)
}

/// Department 1's second councillor.
pub const SECOND_OF_1: u64 = 21;
/// Nobody's officer.
pub const OUTSIDER: u64 = 99;
/// A department with a councillor that is no member.
pub const NON_MEMBER: DepartmentId = 6;

/// Builds the state a test starts from.
pub struct ExtBuilder {
	members: Vec<DepartmentId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { members: vec![1, 2, 3, 4, 5] }
	}
}

impl ExtBuilder {
	/// A council of `members` instead.
	pub fn members(mut self, members: Vec<DepartmentId>) -> Self {
		self.members = members;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		for d in 1..=6 {
			MockRoles::add_officer(councillor(d), d);
			MockRoles::grant(d, Role::Councillor);
		}
		MockRoles::add_officer(SECOND_OF_1, 1);
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_council::GenesisConfig::<Test> {
			members: self.members,
			policy: vec![
				(CallClass::Ordinary, Threshold::Majority),
				(CallClass::Departments, Threshold::Majority),
				(CallClass::Council, Threshold::TwoThirds),
				(CallClass::Network, Threshold::TwoThirds),
				(CallClass::Upgrade, Threshold::TwoThirds),
				(CallClass::Emergency, Threshold::AtLeast(2)),
				(CallClass::Policy, Threshold::TwoThirds),
			],
			_config: Default::default(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the council's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Council::do_try_state().expect("invariants hold");
		});
	}
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// The council's events, oldest first.
pub fn council_events() -> Vec<pallet_council::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Council(e) => Some(e),
			_ => None,
		})
		.collect()
}
