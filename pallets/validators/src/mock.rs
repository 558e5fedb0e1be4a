//! A test runtime with System, Balances, Session and Validators; departments replaced by
//! [`MockRoles`]. Validators are accounts 1 to 4, operated by departments 1 to 4 (each holding
//! `NodeOperator`); department 5 holds it too, department 6 does not; sessions last
//! [`SESSION`] blocks.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_validators;
use crate::{SessionPeriod, Validator, ValidatorOf};
use civitas_primitives::{testing::MockRoles, DepartmentId, Role};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64, Hooks},
	},
	frame_system, pallet_balances, pallet_offences, sp_io,
	sp_runtime::{testing::UintAuthorityId, BuildStorage},
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
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Validators = pallet_validators;

	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(4)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(5)]
	pub type Offences = pallet_offences;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// How many blocks a session lasts in the tests.
pub const SESSION: u64 = 5;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ValidatorOf<Test>;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod<Test>, ConstU64<0>>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod<Test>, ConstU64<0>>;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, Validators>;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = crate::IdentifiedByAccount;
}

impl pallet_offences::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Test>;
	type OnOffenceHandler = Validators;
}

/// Sessions whose keys stay provable in the tests.
pub const HISTORY: u32 = 3;

impl pallet_validators::Config for Test {
	type NetworkOrigin = frame_system::EnsureRoot<u64>;
	type Session = Session;
	type HistoryDepth = ConstU32<HISTORY>;
	type AuraId = UintAuthorityId;
	type KeyOwnerProof = polkadot_sdk::sp_session::MembershipProof;
	type KeyOwnership = Historical;
	type ReportOffence = Offences;
	type Roles = MockRoles;
	type MaxValidators = ConstU32<8>;
	type WeightInfo = ();
}

/// A department with `NodeOperator` that runs no validator yet.
pub const SPARE_OPERATOR: DepartmentId = 5;
/// A department without `NodeOperator`.
pub const NO_OPERATOR: DepartmentId = 6;

/// Builds the state a test starts from.
pub struct ExtBuilder {
	validators: Vec<u64>,
	min: u32,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: vec![1, 2, 3, 4], min: 2 }
	}
}

impl ExtBuilder {
	/// Validators `validators` (each operated by the department of the same number) instead.
	pub fn validators(mut self, validators: Vec<u64>) -> Self {
		self.validators = validators;
		self
	}

	/// At least `min` validators instead.
	pub fn min(mut self, min: u32) -> Self {
		self.min = min;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		for d in 1..=5 {
			MockRoles::grant(d, Role::NodeOperator);
		}
		MockRoles::grant(NO_OPERATOR, Role::Auditor);
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=10).map(|a| (a, 1_000)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_validators::GenesisConfig::<Test> {
			validators: self
				.validators
				.iter()
				.map(|a| Validator { account: *a, department: *a as DepartmentId })
				.collect(),
			min_validators: self.min,
			session_length: SESSION,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_session::GenesisConfig::<Test> {
			keys: self.validators.iter().map(|a| (*a, *a, UintAuthorityId(*a))).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Validators::do_try_state().expect("invariants hold");
		});
	}
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Runs blocks until the start of session `index`.
pub fn run_to_session(index: u32) {
	while Session::current_index() < index {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// The session's current validators.
pub fn current() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// The validators' events, oldest first.
pub fn events() -> Vec<pallet_validators::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Validators(e) => Some(e),
			_ => None,
		})
		.collect()
}
