//! A test runtime with System and CivicIdentity, departments replaced by
//! [`MockRoles`](civitas_primitives::testing::MockRoles), and a builder for the state a test needs.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate as pallet_civic_identity;
use crate::{GenesisCredential, GenesisSchema, GenesisSubject};
use civitas_primitives::{
	testing::MockRoles, DepartmentId, EnsureRole, Role, SubjectId, SubjectKind,
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
	pub type CivicIdentity = pallet_civic_identity;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// How long a link offer waits in the tests, in blocks.
pub const LINK_OFFER_PERIOD: u64 = 10;

parameter_types! {
	pub const IdentityRegistrar: Role = Role::IdentityRegistrar;
}

impl pallet_civic_identity::Config for Test {
	type Roles = MockRoles;
	type RegistrarOrigin = EnsureRole<MockRoles, IdentityRegistrar, u64>;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxLinkedAccounts = ConstU32<2>;
	type LinkOfferPeriod = polkadot_sdk::frame_support::traits::ConstU64<LINK_OFFER_PERIOD>;
	type MaxSchemaNameLength = ConstU32<32>;
	type MaxSchemaIssuers = ConstU32<3>;
	type MaxCredentialsPerSubject = ConstU32<3>;
	type WeightInfo = ();
}

/// Department 0, the police: registers people.
pub const POLICE: DepartmentId = 0;
/// Department 1, market regulation: registers enterprises and issues licences.
pub const MARKET: DepartmentId = 1;
/// Department 2, housing: issues certificates, registers no one.
pub const HOUSING: DepartmentId = 2;
/// Department 3, the audit office: neither registers nor issues.
pub const AUDIT: DepartmentId = 3;
pub const POLICE_OFFICER: u64 = 10;
pub const MARKET_OFFICER: u64 = 20;
pub const HOUSING_OFFICER: u64 = 30;
pub const AUDITOR: u64 = 40;
/// Citizens' own accounts.
pub const CITIZEN: u64 = 50;
pub const CITIZEN_2: u64 = 51;
pub const CITIZEN_3: u64 = 52;
/// An account that is nobody's officer and linked to nobody.
pub const OUTSIDER: u64 = 99;

/// Schema 0: business licence, issued by `CredentialIssuer`, open-ended, revocable.
pub const LICENCE: u32 = 0;
/// Schema 1: fire-safety permit, at most 100 blocks, revocable.
pub const FIRE_PERMIT: u32 = 1;
/// Schema 2: construction completion acceptance, not revocable.
pub const COMPLETION: u32 = 2;

/// A subject id derived from a label, as a registrar would derive one from salted data.
pub fn subject(label: &str) -> SubjectId {
	H256::from(sp_io::hashing::blake2_256(label.as_bytes()))
}

/// A person registered by the police at genesis.
pub fn person() -> SubjectId {
	subject("person")
}

/// An enterprise registered by market regulation at genesis, represented by [`person`].
pub fn enterprise() -> SubjectId {
	subject("enterprise")
}

/// The business licence of [`enterprise`], issued by market regulation at genesis.
pub fn licence() -> H256 {
	subject("licence of enterprise")
}

/// A commitment to an off-chain record.
pub fn commitment(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Builds the state a test starts from, runs the test, then checks the storage invariants.
pub struct ExtBuilder {
	genesis: pallet_civic_identity::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		let schema = |name: &str, max_validity, revocable| GenesisSchema {
			name: name.into(),
			issuer_role: Role::CredentialIssuer,
			issuers: vec![MARKET, HOUSING],
			max_validity,
			revocable,
		};
		Self {
			genesis: pallet_civic_identity::GenesisConfig {
				schemas: vec![
					schema("Business licence", None, true),
					schema("Fire-safety permit", Some(100), true),
					schema("Completion acceptance", None, false),
				],
				subjects: vec![
					GenesisSubject {
						id: person(),
						kind: SubjectKind::Person,
						commitment: commitment(1),
						registrar: POLICE,
						legal_representative: None,
						accounts: vec![],
					},
					GenesisSubject {
						id: enterprise(),
						kind: SubjectKind::Enterprise,
						commitment: commitment(2),
						registrar: MARKET,
						legal_representative: Some(person()),
						accounts: vec![],
					},
				],
				credentials: vec![GenesisCredential {
					id: licence(),
					schema: LICENCE,
					subject: enterprise(),
					issuer: MARKET,
					valid_from: 0,
					valid_until: None,
				}],
			},
		}
	}
}

impl ExtBuilder {
	/// Start with no schemas, subjects or certificates (the departments are still there).
	pub fn empty() -> Self {
		Self { genesis: Default::default() }
	}

	/// Link `account` to `subject` at genesis.
	pub fn with_link(mut self, subject: SubjectId, account: u64) -> Self {
		let s = self.genesis.subjects.iter_mut().find(|s| s.id == subject).expect("seeded");
		s.accounts.push(account);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		set_up_departments();
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

/// The departments every test sees.
pub fn set_up_departments() {
	MockRoles::add_officer(POLICE_OFFICER, POLICE);
	MockRoles::grant(POLICE, Role::IdentityRegistrar);
	MockRoles::add_officer(MARKET_OFFICER, MARKET);
	MockRoles::grant(MARKET, Role::IdentityRegistrar);
	MockRoles::grant(MARKET, Role::CredentialIssuer);
	MockRoles::add_officer(HOUSING_OFFICER, HOUSING);
	MockRoles::grant(HOUSING, Role::CredentialIssuer);
	MockRoles::add_officer(AUDITOR, AUDIT);
	MockRoles::grant(AUDIT, Role::Auditor);
}

/// For the benchmark test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::empty().build()
}

/// The events the pallet emitted, oldest first.
pub fn events() -> Vec<pallet_civic_identity::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivicIdentity(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event the pallet emitted.
pub fn last_event() -> pallet_civic_identity::Event<Test> {
	events().pop().expect("an event was emitted")
}
