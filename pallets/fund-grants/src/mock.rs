//! A test runtime with System and FundGrants; departments, identities and credit replaced by
//! [`MockRoles`], [`MockIdentity`] and [`MockCredit`], and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_fund_grants;
use crate::{GenesisProgram, ProgramKind};
use civitas_primitives::{
	testing::{MockCredit, MockIdentity, MockRoles},
	CreditStanding, DepartmentId, EnsureRole, Role, SubjectId, SubjectKind,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstI32, ConstU32},
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
	pub type FundGrants = pallet_fund_grants;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const FundTreasurer: Role = Role::FundTreasurer;
	pub const FundCommittee: Role = Role::FundCommittee;
}

impl pallet_fund_grants::Config for Test {
	type Roles = MockRoles;
	type Identity = MockIdentity;
	type CreditProfile = MockCredit;
	type CreditRecorder = MockCredit;
	type GovernanceOrigin = EnsureRoot<u64>;
	type TreasurerOrigin = EnsureRole<MockRoles, FundTreasurer, u64>;
	type CommitteeOrigin = EnsureRole<MockRoles, FundCommittee, u64>;
	type MaxNameLength = ConstU32<32>;
	type MaxMilestones = ConstU32<3>;
	type MaxPanel = ConstU32<4>;
	type ClawbackScoreDelta = ConstI32<-100>;
	type WeightInfo = ();
}

/// Department 0, the finance bureau: FundTreasurer.
pub const FINANCE: DepartmentId = 0;
/// Department 1, the science commission: the committee, three officers.
pub const SCIENCE: DepartmentId = 1;
/// Department 2, another committee department.
pub const OTHER_COMMITTEE: DepartmentId = 2;
/// Department 3, another department holding `FundTreasurer` (a district's finance office).
pub const OTHER_TREASURY: DepartmentId = 3;
pub const TREASURER: u64 = 10;
/// The research program's panel.
pub const REVIEWER_1: u64 = 11;
pub const REVIEWER_2: u64 = 12;
pub const REVIEWER_3: u64 = 13;
/// An officer of the science commission who is not on the research program's panel.
pub const NEW_OFFICER: u64 = 14;
pub const OTHER_REVIEWER: u64 = 20;
pub const OTHER_TREASURER: u64 = 30;
/// The lab's own linked account.
pub const LAB_ACCOUNT: u64 = 50;
/// The researcher's own linked account.
pub const RESEARCHER_ACCOUNT: u64 = 51;
/// Nobody's officer, linked to nobody.
pub const OUTSIDER: u64 = 99;

/// An active enterprise (a research lab).
pub fn lab() -> SubjectId {
	H256::repeat_byte(0x1a)
}

/// An active person.
pub fn researcher() -> SubjectId {
	H256::repeat_byte(0x2b)
}

/// The seeded research program: id 0, committee [`SCIENCE`] with a panel of reviewers 1-3,
/// treasury [`FINANCE`], budget 1,000,000, at most 600,000 per application, two approvals of
/// three needed, open to enterprises of standing `Watch` or better until block 1,000.
pub const RESEARCH: u32 = 0;

/// Builds the state a test starts from.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		set_up_neighbours();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_fund_grants::GenesisConfig::<Test> {
			programs: vec![GenesisProgram {
				name: "Key research 2026".into(),
				kind: ProgramKind::Research,
				committee: SCIENCE,
				panel: vec![REVIEWER_1, REVIEWER_2, REVIEWER_3],
				treasury: FINANCE,
				budget: 1_000_000,
				max_award: 600_000,
				closes_at: 1_000,
				min_credit_standing: CreditStanding::Watch,
				open_to_persons: false,
				reviews_needed: 2,
			}],
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
	MockRoles::add_officer(TREASURER, FINANCE);
	MockRoles::grant(FINANCE, Role::FundTreasurer);
	MockRoles::add_officer(OTHER_TREASURER, OTHER_TREASURY);
	MockRoles::grant(OTHER_TREASURY, Role::FundTreasurer);
	for reviewer in [REVIEWER_1, REVIEWER_2, REVIEWER_3, NEW_OFFICER] {
		MockRoles::add_officer(reviewer, SCIENCE);
	}
	MockRoles::grant(SCIENCE, Role::FundCommittee);
	MockRoles::add_officer(OTHER_REVIEWER, OTHER_COMMITTEE);
	MockRoles::grant(OTHER_COMMITTEE, Role::FundCommittee);
	MockIdentity::set_subject(lab(), SubjectKind::Enterprise, true);
	MockIdentity::link(LAB_ACCOUNT, lab());
	MockIdentity::set_subject(researcher(), SubjectKind::Person, true);
	MockIdentity::link(RESEARCHER_ACCOUNT, researcher());
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_fund_grants::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::FundGrants(e) => Some(e),
			_ => None,
		})
		.expect("an event was emitted")
}
