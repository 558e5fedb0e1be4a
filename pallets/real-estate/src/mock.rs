//! A test runtime with System and RealEstate; departments, identities and e-bills replaced by
//! [`MockRoles`], [`MockIdentity`] and [`MockBills`], and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_real_estate;
use crate::{LicenceKind, LicenceRule, PropertyId, Usage};
use civitas_primitives::{
	testing::{MockBills, MockIdentity, MockRoles},
	DepartmentId, EnsureRole, Role, SubjectId, SubjectKind,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
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
	pub type RealEstate = pallet_real_estate;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	// Real database weights, so the migrations' weights are tested as counted.
	type DbWeight = polkadot_sdk::frame_support::weights::constants::ParityDbWeight;
}

/// How long a transfer stays open in the tests.
pub const TRANSFER_PERIOD: u64 = 100;

parameter_types! {
	pub const LandRegistrar: Role = Role::LandRegistrar;
	pub const Lender: Role = Role::Lender;
	pub const Court: Role = Role::Court;
	pub const TaxAuthority: Role = Role::TaxAuthority;
}

impl pallet_real_estate::Config for Test {
	type Roles = MockRoles;
	type Identity = MockIdentity;
	type Bills = MockBills;
	type GovernanceOrigin = EnsureRoot<u64>;
	type RegistrarOrigin = EnsureRole<MockRoles, LandRegistrar, u64>;
	type LenderOrigin = EnsureRole<MockRoles, Lender, u64>;
	type CourtOrigin = EnsureRole<MockRoles, Court, u64>;
	type TaxAuthorityOrigin = EnsureRole<MockRoles, TaxAuthority, u64>;
	type MaxOwners = ConstU32<4>;
	type MaxCadastralLength = ConstU32<16>;
	type MaxEncumbrances = ConstU32<4>;
	type MaxLicences = ConstU32<4>;
	type MaxRequiredLicences = ConstU32<2>;
	type MaxSuccessors = ConstU32<3>;
	type MaxOutstandingTax = ConstU32<2>;
	type TransferPeriod = ConstU64<TRANSFER_PERIOD>;
	type WeightInfo = ();
}

/// Department 0, the land registry.
pub const REGISTRY: DepartmentId = 0;
/// Department 1, a bank.
pub const BANK: DepartmentId = 1;
/// Department 2, another bank.
pub const BANK_2: DepartmentId = 2;
/// Department 3, a court.
pub const COURT: DepartmentId = 3;
/// Department 4, the tax bureau.
pub const TAX: DepartmentId = 4;
/// Department 5, the housing commission: issues completion acceptances.
pub const HOUSING: DepartmentId = 5;
/// Department 6, a second court.
pub const COURT_2: DepartmentId = 6;
/// Department 7, the land registry of another district.
pub const OTHER_REGISTRY: DepartmentId = 7;
pub const REGISTRAR: u64 = 10;
pub const BANKER: u64 = 11;
pub const BANKER_2: u64 = 12;
pub const JUDGE: u64 = 13;
pub const TAX_OFFICER: u64 = 14;
pub const HOUSING_OFFICER: u64 = 15;
pub const JUDGE_2: u64 = 16;
/// A second officer of [`REGISTRY`]: completes what [`REGISTRAR`] opens (four eyes).
pub const REGISTRAR_2: u64 = 17;
/// An officer of [`OTHER_REGISTRY`].
pub const OTHER_REGISTRAR: u64 = 18;
/// The seller's own linked account.
pub const SELLER_ACCOUNT: u64 = 50;
/// The buyer's own linked account.
pub const BUYER_ACCOUNT: u64 = 51;
/// Nobody's officer, linked to nobody.
pub const OUTSIDER: u64 = 99;

/// An active person, owner of the seeded flat.
pub fn seller() -> SubjectId {
	H256::repeat_byte(0x51)
}

/// An active person who buys.
pub fn buyer() -> SubjectId {
	H256::repeat_byte(0xb1)
}

/// An active person who buys together with [`buyer`], and has no keys.
pub fn co_buyer() -> SubjectId {
	H256::repeat_byte(0xb2)
}

/// A closed subject.
pub fn closed() -> SubjectId {
	H256::repeat_byte(0xcc)
}

/// The seeded flat: property 0, residential, owned by [`seller`] alone; has a construction
/// completion acceptance (what residential transfers require).
pub const FLAT: PropertyId = 0;

/// The completion acceptance document of [`FLAT`].
pub fn completion() -> H256 {
	H256::repeat_byte(0xc0)
}

/// Builds the state a test starts from.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		set_up_neighbours();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_real_estate::GenesisConfig::<Test> {
			licence_rules: LicenceKind::ALL
				.into_iter()
				.map(|kind| {
					let (role, departments) = match kind {
						LicenceKind::ConstructionCompletion => {
							(Role::CredentialIssuer, vec![HOUSING])
						},
						LicenceKind::FireSafety => (Role::CredentialIssuer, vec![HOUSING, COURT]),
						_ => (Role::LandRegistrar, vec![REGISTRY]),
					};
					let departments = departments.try_into().unwrap();
					(kind, LicenceRule { role, departments, max_validity: None })
				})
				.collect(),
			required_licences: vec![(
				Usage::Residential,
				vec![LicenceKind::ConstructionCompletion],
			)],
			properties: vec![crate::GenesisProperty {
				cadastral_ref: "HD-01-0001".into(),
				area_m2: 89,
				usage: Usage::Residential,
				owners: vec![(seller(), 1000)],
				registry: REGISTRY,
				licences: vec![(LicenceKind::ConstructionCompletion, completion(), HOUSING)],
			}],
			_config: Default::default(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the register's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			RealEstate::do_try_state().expect("invariants hold");
		});
	}
}

/// The departments and identities every test sees.
pub fn set_up_neighbours() {
	for (officer, department, role) in [
		(REGISTRAR, REGISTRY, Role::LandRegistrar),
		(REGISTRAR_2, REGISTRY, Role::LandRegistrar),
		(OTHER_REGISTRAR, OTHER_REGISTRY, Role::LandRegistrar),
		(BANKER, BANK, Role::Lender),
		(BANKER_2, BANK_2, Role::Lender),
		(JUDGE, COURT, Role::Court),
		(JUDGE_2, COURT_2, Role::Court),
		(TAX_OFFICER, TAX, Role::TaxAuthority),
		(HOUSING_OFFICER, HOUSING, Role::CredentialIssuer),
	] {
		MockRoles::add_officer(officer, department);
		MockRoles::grant(department, role);
	}
	for subject in [seller(), buyer(), co_buyer()] {
		MockIdentity::set_subject(subject, SubjectKind::Person, true);
	}
	MockIdentity::set_subject(closed(), SubjectKind::Person, false);
	MockIdentity::link(SELLER_ACCOUNT, seller());
	MockIdentity::link(BUYER_ACCOUNT, buyer());
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_real_estate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::RealEstate(e) => Some(e),
			_ => None,
		})
		.expect("an event was emitted")
}
