//! A test runtime with System and EBills; departments and identities replaced by
//! [`MockRoles`] and [`MockIdentity`], and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_e_bills;
use crate::{Claimant, NewBill};
use civitas_primitives::{
	testing::{MockIdentity, MockRoles},
	BillKind, DepartmentId, EnsureRole, Role, SubjectId, SubjectKind,
};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU32},
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
	pub type EBills = pallet_e_bills;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The most bills in one batch in the tests.
pub const MAX_BATCH: u32 = 5;

/// The most organisations one payer may authorise in the tests.
pub const MAX_CLAIMANTS: u32 = 3;

parameter_types! {
	pub const TaxAuthority: Role = Role::TaxAuthority;
	pub const BillIssuer: Role = Role::BillIssuer;
	pub const IdentityRegistrar: Role = Role::IdentityRegistrar;
	pub const Reimburser: Role = Role::Reimburser;
}

impl pallet_e_bills::Config for Test {
	type Roles = MockRoles;
	type Identity = MockIdentity;
	type GovernanceOrigin = EnsureRoot<u64>;
	type TaxAuthorityOrigin = EnsureRole<MockRoles, TaxAuthority, u64>;
	type IssuerOrigin = EnsureRole<MockRoles, BillIssuer, u64>;
	type RegistrarOrigin = EnsureRole<MockRoles, IdentityRegistrar, u64>;
	type ReimburserOrigin = EnsureRole<MockRoles, Reimburser, u64>;
	type MaxNumberLength = ConstU32<16>;
	type MaxBatch = ConstU32<MAX_BATCH>;
	type MaxClaimantsPerPayer = ConstU32<MAX_CLAIMANTS>;
	type MaxReimbursersPerKind = ConstU32<4>;
	type WeightInfo = ();
}

/// Department 0, the power company: issues bills.
pub const POWER: DepartmentId = 0;
/// Department 1, the tax bureau: enables enterprises.
pub const TAX: DepartmentId = 1;
/// Department 2, a social insurance fund: holds `Reimburser` and reimburses electricity and tax
/// bills.
pub const INSURER: DepartmentId = 2;
/// Department 3, the public security bureau: [`person`]'s identity registrar.
pub const REGISTRAR: DepartmentId = 3;
/// Department 4, a government department that employs people: holds `Reimburser`.
pub const EMPLOYING_DEPARTMENT: DepartmentId = 4;
pub const POWER_OFFICER: u64 = 10;
pub const TAX_OFFICER: u64 = 20;
pub const INSURER_OFFICER: u64 = 30;
pub const REGISTRAR_OFFICER: u64 = 40;
pub const EMPLOYING_OFFICER: u64 = 45;
/// A linked account of [`employer`], an active enterprise.
pub const EMPLOYER_ACCOUNT: u64 = 50;
/// A linked account of [`shop`], an active enterprise the tax bureau enabled.
pub const SHOP_ACCOUNT: u64 = 51;
/// A linked account of [`person`].
pub const PERSON_ACCOUNT: u64 = 52;
/// A linked account of [`stranger`], an active enterprise with no tie to [`person`].
pub const STRANGER_ACCOUNT: u64 = 53;
/// Nobody's officer, linked to nobody.
pub const OUTSIDER: u64 = 99;

/// An active person (a payer).
pub fn person() -> SubjectId {
	H256::repeat_byte(0xa1)
}

/// An active enterprise that employs [`person`].
pub fn employer() -> SubjectId {
	H256::repeat_byte(0xe1)
}

/// An active enterprise enabled to issue invoices.
pub fn shop() -> SubjectId {
	H256::repeat_byte(0xe2)
}

/// An active enterprise unrelated to [`person`].
pub fn stranger() -> SubjectId {
	H256::repeat_byte(0xe3)
}

/// A new bill numbered `number` for `amount` fen, 9 % of it tax, payable by [`person`].
pub fn new_bill(number: &str, amount: u128) -> NewBill<Test> {
	NewBill {
		number: number.as_bytes().to_vec().try_into().unwrap(),
		payer: Some(person()),
		kind: BillKind::Electricity,
		amount,
		tax_amount: amount * 9 / 100,
		currency: *b"CNY",
		content_hash: H256::repeat_byte(7),
		due: Some(100),
	}
}

/// Builds the state a test starts from.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		set_up_neighbours();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_e_bills::GenesisConfig::<Test> {
			enabled_issuers: vec![(shop(), TAX)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			// The insurance fund reimburses electricity and tax bills; the person lets its
			// employer claim its bills.
			for kind in [BillKind::Electricity, BillKind::Tax] {
				EBills::do_set_reimbursers(kind, vec![INSURER].try_into().unwrap()).unwrap();
			}
			EBills::do_authorise_claimant(
				person(),
				Claimant::Enterprise(employer()),
				None,
				PERSON_ACCOUNT,
				None,
			)
			.unwrap();
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			EBills::do_try_state().expect("invariants hold");
		});
	}
}

/// The departments and identities every test sees.
pub fn set_up_neighbours() {
	MockRoles::add_officer(POWER_OFFICER, POWER);
	MockRoles::grant(POWER, Role::BillIssuer);
	MockRoles::add_officer(TAX_OFFICER, TAX);
	MockRoles::grant(TAX, Role::TaxAuthority);
	MockRoles::add_officer(INSURER_OFFICER, INSURER);
	MockRoles::grant(INSURER, Role::Reimburser);
	MockRoles::add_officer(REGISTRAR_OFFICER, REGISTRAR);
	MockRoles::grant(REGISTRAR, Role::IdentityRegistrar);
	MockRoles::add_officer(EMPLOYING_OFFICER, EMPLOYING_DEPARTMENT);
	MockRoles::grant(EMPLOYING_DEPARTMENT, Role::Reimburser);
	MockIdentity::set_subject(person(), SubjectKind::Person, true);
	MockIdentity::set_subject_registrar(person(), REGISTRAR);
	MockIdentity::link(PERSON_ACCOUNT, person());
	MockIdentity::set_subject(stranger(), SubjectKind::Enterprise, true);
	MockIdentity::link(STRANGER_ACCOUNT, stranger());
	MockIdentity::set_subject(employer(), SubjectKind::Enterprise, true);
	MockIdentity::link(EMPLOYER_ACCOUNT, employer());
	MockIdentity::set_subject(shop(), SubjectKind::Enterprise, true);
	MockIdentity::link(SHOP_ACCOUNT, shop());
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_e_bills::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::EBills(e) => Some(e),
			_ => None,
		})
		.expect("an event was emitted")
}
