//! A test runtime with System and CreditRecords; departments and identities replaced by
//! [`MockRoles`] and [`MockIdentity`], and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_credit_records;
use crate::GenesisRecord;
use civitas_primitives::{
	testing::{MockIdentity, MockRoles},
	CreditCategory, DepartmentId, EnsureRole, Role, SubjectId, SubjectKind,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstI32, ConstU32, ConstU64, Hooks},
	},
	frame_system::{self, EnsureRoot},
	sp_core::H256,
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
	pub type CreditRecords = pallet_credit_records;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// How long an adjudicator has before an objection is escalated, in blocks.
pub const OBJECTION_PERIOD: u64 = 20;
/// The publication limit of categories governance has not set.
pub const DEFAULT_LIMIT: u64 = 1_000;
/// The most due items processed per block.
pub const MAX_DUE: u32 = 3;

parameter_types! {
	pub const CreditRecorder: Role = Role::CreditRecorder;
	pub const CreditAdjudicator: Role = Role::CreditAdjudicator;
}

impl pallet_credit_records::Config for Test {
	type RecorderOrigin = EnsureRole<MockRoles, CreditRecorder, u64>;
	type AdjudicatorOrigin = EnsureRole<MockRoles, CreditAdjudicator, u64>;
	type Identity = MockIdentity;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxScoreDelta = ConstU32<200>;
	type BaselineScore = ConstI32<1000>;
	type MaxScore = ConstI32<1500>;
	type CommendedFrom = ConstI32<1100>;
	type WatchBelow = ConstI32<900>;
	type RestrictedBelow = ConstI32<700>;
	type DefaultPublicationLimit = ConstU64<DEFAULT_LIMIT>;
	type ObjectionPeriod = ConstU64<OBJECTION_PERIOD>;
	type MaxRecordsPerSubject = ConstU32<3>;
	type MaxDuePerBlock = ConstU32<MAX_DUE>;
	type MaxDueScan = ConstU32<4>;
	type WeightInfo = ();
}

/// Department 0, the tax bureau: records.
pub const TAX: DepartmentId = 0;
/// Department 1, the court: records and adjudicates.
pub const COURT: DepartmentId = 1;
/// Department 2, the audit office: adjudicates.
pub const AUDIT: DepartmentId = 2;
pub const TAX_OFFICER: u64 = 10;
pub const COURT_OFFICER: u64 = 20;
pub const AUDITOR: u64 = 30;
/// The enterprise's own account, linked to [`enterprise`].
pub const ENTERPRISE_ACCOUNT: u64 = 50;
/// An account linked to [`person`].
pub const PERSON_ACCOUNT: u64 = 51;
/// An account that is nobody's officer and linked to nobody.
pub const OUTSIDER: u64 = 99;

/// An active enterprise, linked to [`ENTERPRISE_ACCOUNT`].
pub fn enterprise() -> SubjectId {
	H256::repeat_byte(0xe1)
}

/// An active person, linked to [`PERSON_ACCOUNT`].
pub fn person() -> SubjectId {
	H256::repeat_byte(0xa1)
}

/// A closed enterprise.
pub fn dissolved() -> SubjectId {
	H256::repeat_byte(0xd1)
}

/// An evidence hash.
pub fn evidence(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Builds the state a test starts from, runs the test, then checks the storage invariants.
#[derive(Default)]
pub struct ExtBuilder {
	genesis: pallet_credit_records::GenesisConfig<Test>,
}

impl ExtBuilder {
	/// Seed a record at genesis.
	pub fn with_record(mut self, subject: SubjectId, score_delta: i32, period: u64) -> Self {
		self.genesis.records.push(GenesisRecord {
			subject,
			department: TAX,
			category: CreditCategory::Tax,
			score_delta,
			evidence: evidence(9),
			publication_period: period,
		});
		self
	}

	/// Set a category's publication limit at genesis.
	pub fn with_limit(mut self, category: CreditCategory, limit: u64) -> Self {
		self.genesis.publication_limits.push((category, limit));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		set_up_neighbours();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		self.genesis.assimilate_storage(&mut storage).unwrap();
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

/// The departments and identities every test sees.
pub fn set_up_neighbours() {
	MockRoles::add_officer(TAX_OFFICER, TAX);
	MockRoles::grant(TAX, Role::CreditRecorder);
	MockRoles::add_officer(COURT_OFFICER, COURT);
	MockRoles::grant(COURT, Role::CreditRecorder);
	MockRoles::grant(COURT, Role::CreditAdjudicator);
	MockRoles::add_officer(AUDITOR, AUDIT);
	MockRoles::grant(AUDIT, Role::CreditAdjudicator);
	MockIdentity::set_subject(enterprise(), SubjectKind::Enterprise, true);
	MockIdentity::link(ENTERPRISE_ACCOUNT, enterprise());
	MockIdentity::set_subject(person(), SubjectKind::Person, true);
	MockIdentity::link(PERSON_ACCOUNT, person());
	MockIdentity::set_subject(dissolved(), SubjectKind::Enterprise, false);
}

/// Runs blocks up to `n`, each with the pallet's `on_initialize`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CreditRecords::on_initialize(next);
	}
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// The events the pallet emitted, oldest first.
pub fn events() -> Vec<pallet_credit_records::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CreditRecords(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_credit_records::Event<Test> {
	events().pop().expect("an event was emitted")
}
