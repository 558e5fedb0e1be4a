//! A test runtime with System and CrossCity; departments replaced by [`MockRoles`], the XCM
//! router by [`MockSender`], which keeps what it is given. This chain is city [`HOME`];
//! department [`NOTARY_DEPT`] (officer [`NOTARY`]) holds `CredentialIssuer`, department
//! [`OTHER_DEPT`] (officer [`OTHER`]) does not. Signed accounts from 2000 up stand for the
//! messages of the city with that para id ([`SignedAsCity`]).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate::{self as pallet_cross_city, CityId};
use civitas_primitives::{
	testing::{MockCredentials, MockRoles},
	DepartmentId, EnsureRole, Role,
};
use core::cell::RefCell;
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, EnsureOrigin},
	},
	frame_system::{self, EnsureRoot, RawOrigin},
	sp_io,
	sp_runtime::BuildStorage,
	staging_xcm::latest::prelude::*,
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
	pub type CrossCity = pallet_cross_city;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// This chain's para id.
pub const HOME: CityId = 2000;
/// An admitted city.
pub const NEIGHBOUR: CityId = 2001;
/// A city no one admitted.
pub const STRANGER: CityId = 2002;
/// A department holding `CredentialIssuer`, and its officer.
pub const NOTARY_DEPT: DepartmentId = 1;
pub const NOTARY: u64 = 11;
/// A department without it, and its officer.
pub const OTHER_DEPT: DepartmentId = 2;
pub const OTHER: u64 = 21;
pub const VERIFIER_DEPT: DepartmentId = 3;
pub const VERIFIER: u64 = 31;

parameter_types! {
	pub const CredentialIssuer: Role = Role::CredentialIssuer;
	pub const IdentityRegistrar: Role = Role::IdentityRegistrar;
	pub const Home: CityId = HOME;
}

thread_local! {
	static SENT: RefCell<Vec<(Location, Xcm<()>)>> = const { RefCell::new(Vec::new()) };
	static CHANNEL_OPEN: RefCell<bool> = const { RefCell::new(true) };
}

/// An XCM router that keeps the messages it is given, or refuses them all while the channel is
/// closed ([`close_channel`]).
pub struct MockSender;

impl SendXcm for MockSender {
	type Ticket = (Location, Xcm<()>);

	fn validate(
		dest: &mut Option<Location>,
		msg: &mut Option<Xcm<()>>,
	) -> SendResult<Self::Ticket> {
		if !CHANNEL_OPEN.with(|c| *c.borrow()) {
			return Err(SendError::Transport("channel closed"));
		}
		let pair = (
			dest.take().ok_or(SendError::MissingArgument)?,
			msg.take().ok_or(SendError::MissingArgument)?,
		);
		Ok((pair, Assets::new()))
	}

	fn deliver(ticket: Self::Ticket) -> Result<XcmHash, SendError> {
		let hash = ticket.1.using_encoded(polkadot_sdk::sp_io::hashing::blake2_256);
		SENT.with(|s| s.borrow_mut().push(ticket));
		Ok(hash)
	}
}

use codec::Encode;

/// What [`MockSender`] was given, oldest first.
pub fn sent() -> Vec<(Location, Xcm<()>)> {
	SENT.with(|s| s.borrow().clone())
}

/// Makes [`MockSender`] refuse every message.
pub fn close_channel() {
	CHANNEL_OPEN.with(|c| *c.borrow_mut() = false);
}

/// A signed account from 2000 up: the message of the city with that para id.
pub struct SignedAsCity;

impl EnsureOrigin<RuntimeOrigin> for SignedAsCity {
	type Success = CityId;

	fn try_origin(o: RuntimeOrigin) -> Result<CityId, RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who >= 2000 => Ok(who as CityId),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RawOrigin::Signed(NEIGHBOUR as u64).into())
	}
}

impl pallet_cross_city::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type NotaryOrigin = EnsureRole<MockRoles, CredentialIssuer, u64>;
	type VerifierOrigin = EnsureRole<MockRoles, IdentityRegistrar, u64>;
	type Credentials = MockCredentials;
	type CityOrigin = SignedAsCity;
	type XcmSender = MockSender;
	type SelfCity = Home;
	type MaxCities = ConstU32<2>;
	type MaxNameLength = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ValidCertificate;
}

/// A valid business licence of schema 1.
pub const LICENCE: polkadot_sdk::sp_core::H256 = polkadot_sdk::sp_core::H256::repeat_byte(7);

/// Records [`LICENCE`] as valid.
pub fn issue_licence() {
	MockCredentials::set(LICENCE, 1, polkadot_sdk::sp_core::H256::repeat_byte(8), true);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct ValidCertificate;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_cross_city::BenchmarkHelper for ValidCertificate {
	fn open_channel(_city: CityId) {}

	fn valid_certificate() -> (polkadot_sdk::sp_core::H256, u32) {
		issue_licence();
		(LICENCE, 1)
	}
}

/// The state a test starts from: [`NEIGHBOUR`] admitted, the notary department set up.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockRoles::add_officer(NOTARY, NOTARY_DEPT);
	MockRoles::grant(NOTARY_DEPT, Role::CredentialIssuer);
	MockRoles::add_officer(OTHER, OTHER_DEPT);
	MockRoles::add_officer(VERIFIER, VERIFIER_DEPT);
	MockRoles::grant(VERIFIER_DEPT, Role::IdentityRegistrar);
	let storage = RuntimeGenesisConfig {
		cross_city: pallet_cross_city::GenesisConfig {
			cities: vec![(NEIGHBOUR, b"Tianjin".to_vec())],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
