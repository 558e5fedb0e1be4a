//! A test runtime with System and AccessLog; departments and identities replaced by
//! [`MockRoles`] and [`MockIdentity`], and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_access_log;
use crate::{GenesisPurpose, PurposeCode, RecordKind};
use civitas_primitives::{
	testing::{MockIdentity, MockRoles},
	DepartmentId, Role, SubjectId, SubjectKind,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		traits::{ConstU32, ConstU64, Hooks},
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
	pub type AccessLog = pallet_access_log;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// How long an access is kept, in blocks.
pub const RETENTION: u64 = 100;
/// The most entries pruned per block.
pub const MAX_PRUNE: u32 = 3;
/// The most entries of one access.
pub const MAX_BATCH: u32 = 4;

impl pallet_access_log::Config for Test {
	type Roles = MockRoles;
	type Identity = MockIdentity;
	type GovernanceOrigin = EnsureRoot<u64>;
	type Retention = ConstU64<RETENTION>;
	type MaxBatch = ConstU32<MAX_BATCH>;
	type MaxPrunePerBlock = ConstU32<MAX_PRUNE>;
	type MaxNameLength = ConstU32<32>;
	type MaxLegalBasisLength = ConstU32<64>;
	type MaxPurposeRoles = ConstU32<2>;
	type WeightInfo = ();
}

/// Department 0, the tax bureau (`TaxAuthority`).
pub const TAX: DepartmentId = 0;
/// Department 1, the housing bureau (`LandRegistrar`).
pub const HOUSING: DepartmentId = 1;
/// Department 2, the audit office (`Auditor`).
pub const AUDIT: DepartmentId = 2;
pub const TAX_OFFICER: u64 = 10;
pub const HOUSING_OFFICER: u64 = 20;
pub const AUDITOR: u64 = 30;
/// The person's own account, linked to [`person`].
pub const PERSON_ACCOUNT: u64 = 50;
/// An account that is nobody's officer and linked to nobody.
pub const OUTSIDER: u64 = 99;

/// Purpose 1, tax audit: tax authorities and auditors, identity, bills and property.
pub const TAX_AUDIT: PurposeCode = 1;
/// Purpose 2, title check: land registrars, property only.
pub const TITLE_CHECK: PurposeCode = 2;

/// An active person, linked to [`PERSON_ACCOUNT`].
pub fn person() -> SubjectId {
	H256::repeat_byte(0xa1)
}

/// An active enterprise.
pub fn enterprise() -> SubjectId {
	H256::repeat_byte(0xe1)
}

/// A closed enterprise (still registered).
pub fn dissolved() -> SubjectId {
	H256::repeat_byte(0xd1)
}

/// A case reference's hash.
pub fn case(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Builds the state a test starts from (the two purposes above), runs the test, then checks the
/// storage invariants.
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		set_up_neighbours();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_access_log::GenesisConfig::<Test> {
			purposes: vec![
				GenesisPurpose {
					code: TAX_AUDIT,
					name: "Tax audit".into(),
					legal_basis: "Tax Collection Administration Law, art. 54".into(),
					roles: vec![Role::TaxAuthority, Role::Auditor],
					kinds: vec![RecordKind::Identity, RecordKind::Bills, RecordKind::Property],
				},
				GenesisPurpose {
					code: TITLE_CHECK,
					name: "Title check".into(),
					legal_basis: "Real Estate Registration Regulation, art. 21".into(),
					roles: vec![Role::LandRegistrar],
					kinds: vec![RecordKind::Property],
				},
			],
			_config: Default::default(),
		}
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

/// The departments and identities every test sees.
pub fn set_up_neighbours() {
	MockRoles::add_officer(TAX_OFFICER, TAX);
	MockRoles::grant(TAX, Role::TaxAuthority);
	MockRoles::add_officer(HOUSING_OFFICER, HOUSING);
	MockRoles::grant(HOUSING, Role::LandRegistrar);
	MockRoles::add_officer(AUDITOR, AUDIT);
	MockRoles::grant(AUDIT, Role::Auditor);
	MockIdentity::set_subject(person(), SubjectKind::Person, true);
	MockIdentity::link(PERSON_ACCOUNT, person());
	MockIdentity::set_subject(enterprise(), SubjectKind::Enterprise, true);
	MockIdentity::set_subject(dissolved(), SubjectKind::Enterprise, false);
}

/// Runs blocks up to `n`, each with the pallet's `on_initialize`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AccessLog::on_initialize(next);
	}
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}

/// The events the pallet emitted, oldest first.
pub fn events() -> Vec<pallet_access_log::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::AccessLog(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_access_log::Event<Test> {
	events().pop().expect("an event")
}
