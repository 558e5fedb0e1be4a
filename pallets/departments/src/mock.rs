//! A test runtime with System and Departments, and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate as pallet_departments;
use crate::{DepartmentKind, GenesisDepartment, Role};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
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
	pub type Departments = pallet_departments;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const MaxNameLength: u32 = 32;
}

impl pallet_departments::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxNameLength = MaxNameLength;
	type MaxRoles = ConstU32<3>;
	type MaxOfficers = ConstU32<3>;
	type MaxDepartments = ConstU32<4>;
	type WeightInfo = ();
}

/// Department 0: the registrar, holding IdentityRegistrar and CreditRecorder, with admin
/// `REGISTRAR_ADMIN` and officer `REGISTRAR_CLERK`.
pub const REGISTRAR: u32 = 0;
/// Department 1: the court, holding Court, with admin `COURT_ADMIN`.
pub const COURT: u32 = 1;
pub const REGISTRAR_ADMIN: u64 = 10;
pub const REGISTRAR_CLERK: u64 = 11;
pub const COURT_ADMIN: u64 = 20;
/// An account that is nobody's officer.
pub const OUTSIDER: u64 = 99;

/// Builds the state a test starts from, runs the test, then checks the storage invariants.
pub struct ExtBuilder {
	departments: Vec<GenesisDepartment<u64>>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			departments: vec![
				GenesisDepartment {
					name: "Registry Office".into(),
					kind: DepartmentKind::Government,
					roles: vec![Role::IdentityRegistrar, Role::CreditRecorder],
					officers: vec![(REGISTRAR_ADMIN, true), (REGISTRAR_CLERK, false)],
				},
				GenesisDepartment {
					name: "District Court".into(),
					kind: DepartmentKind::Court,
					roles: vec![Role::Court],
					officers: vec![(COURT_ADMIN, true)],
				},
			],
		}
	}
}

impl ExtBuilder {
	/// Start with no departments at all.
	pub fn empty() -> Self {
		Self { departments: vec![] }
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_departments::GenesisConfig::<Test> { departments: self.departments }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			crate::Pallet::<Test>::do_try_state().expect("storage invariants hold");
		});
	}
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::empty().build()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_departments::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Departments(e) => Some(e),
			_ => None,
		})
		.expect("an event was emitted")
}
