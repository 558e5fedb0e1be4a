//! XCM between city chains: which messages this chain executes, as whom, and how it sends its
//! own. Deliberately narrow: no assets move between cities (no asset transactor, no reserves, no
//! teleports), and the only messages executed are unpaid calls from the cities governance
//! admitted ([`AdmittedCities`]), dispatched as that city's origin
//! (`cumulus_pallet_xcm::Origin::SiblingParachain`), which only the cross-city pallet's
//! receiving calls accept. The relay chain's messages are limited to HRMP channel notices.

use polkadot_sdk::{
	cumulus_pallet_xcm,
	frame_support::{
		parameter_types,
		traits::{ConstU32, Contains, Everything, Nothing},
		weights::Weight,
	},
	staging_xcm::latest::prelude::*,
	staging_xcm_builder::{
		AllowExplicitUnpaidExecutionFrom, AllowHrmpNotificationsFromRelayChain, FixedWeightBounds,
		FrameTransactionalProcessor, SiblingParachainAsNative, TakeWeightCredit,
		TrailingSetTopicAsId, WithUniqueTopic,
	},
	staging_xcm_executor,
};

use super::{CouncilOrRoot, CouncilTwoThirds, CredentialIssuer, IdentityRegistrar, Officer};
use crate::{
	AllPalletsWithSystem, CivicIdentity, CrossCity, ParachainInfo, Runtime, RuntimeCall,
	RuntimeOrigin, XcmpQueue,
};

parameter_types! {
	/// Where this chain is, as other chains of the same relay chain see it.
	pub UniversalLocation: InteriorLocation = Parachain(ParachainInfo::parachain_id().into()).into();
	/// An XCM instruction's weight besides the call it carries: a conservative bound (a
	/// `Transact` weighs its call's own benchmarked weight on top).
	pub UnitWeightCost: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
	pub const MaxInstructions: u32 = 100;
	pub const MaxAssetsIntoHolding: u32 = 8;
}

/// The sibling chains governance admitted as cities (the cross-city pallet's register).
pub struct AdmittedCities;

impl Contains<Location> for AdmittedCities {
	fn contains(location: &Location) -> bool {
		match location.unpack() {
			(1, [Parachain(id)]) => CrossCity::is_admitted(*id),
			_ => false,
		}
	}
}

/// Which messages execute at all: an admitted city's call that asks to run unpaid, and the
/// relay chain's notices about HRMP channels. Each message's topic is its id in events.
pub type Barrier = TrailingSetTopicAsId<(
	TakeWeightCredit,
	AllowExplicitUnpaidExecutionFrom<AdmittedCities>,
	AllowHrmpNotificationsFromRelayChain,
)>;

/// The origin a city's `Transact` dispatches with: the sibling chain itself
/// (`OriginKind::Native`); no other kind converts, so no message acts as an account or as Root.
pub type XcmOriginToTransactDispatchOrigin =
	SiblingParachainAsNative<cumulus_pallet_xcm::Origin, RuntimeOrigin>;

/// Messages to sibling chains go through the XCMP queue, each with a unique topic.
pub type XcmRouter = WithUniqueTopic<XcmpQueue>;

/// This chain's XCM executor.
pub struct XcmConfig;

impl staging_xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	type XcmEventEmitter = ();
	type AssetTransactor = ();
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	type IsReserve = ();
	type IsTeleporter = ();
	type Aliasers = Nothing;
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;
	type Trader = ();
	type ResponseHandler = ();
	type AssetTrap = ();
	type AssetLocker = ();
	type AssetExchanger = ();
	type SubscriptionService = ();
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	type FeeManager = ();
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	/// The runtime's call filter (the council's pauses) applies to a city's calls too.
	type SafeCallFilter = Everything;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = ();
}

/// A city's message, as the cross-city pallet's `CityOrigin`: the sibling chain's para id.
pub struct EnsureCity;

impl polkadot_sdk::frame_support::traits::EnsureOrigin<RuntimeOrigin> for EnsureCity {
	type Success = u32;

	fn try_origin(origin: RuntimeOrigin) -> Result<u32, RuntimeOrigin> {
		match origin.clone().into() {
			Ok(cumulus_pallet_xcm::Origin::SiblingParachain(para)) => Ok(para.into()),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(cumulus_pallet_xcm::Origin::SiblingParachain(2001.into()).into())
	}
}

parameter_types! {
	pub SelfCity: u32 = ParachainInfo::parachain_id().into();
}

impl pallet_cross_city::Config for Runtime {
	/// Two thirds of the council (class `Network`); Root is the development chain's Sudo.
	type GovernanceOrigin = CouncilOrRoot<CouncilTwoThirds>;
	/// The departments that issue certificates notarise records with other cities.
	type NotaryOrigin = Officer<CredentialIssuer>;
	/// The departments that register people and enterprises check the certificates they
	/// present, also other cities'.
	type VerifierOrigin = Officer<IdentityRegistrar>;
	/// Other cities ask about this chain's electronic certificates.
	type Credentials = CivicIdentity;
	type CityOrigin = EnsureCity;
	type XcmSender = XcmRouter;
	type SelfCity = SelfCity;
	/// The cities of a relay chain's region.
	type MaxCities = ConstU32<64>;
	type MaxNameLength = ConstU32<128>;
	type WeightInfo = pallet_cross_city::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = OpenChannel;
}

/// Benchmarks only: an HRMP channel to the city, in the parachain system's view of the relay
/// chain's state; the demo city's business licence, which the benchmarks' genesis preset seeds.
#[cfg(feature = "runtime-benchmarks")]
pub struct OpenChannel;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_cross_city::BenchmarkHelper for OpenChannel {
	fn open_channel(city: u32) {
		crate::ParachainSystem::open_outbound_hrmp_channel_for_benchmarks_or_tests(city.into());
	}

	fn valid_certificate() -> (civitas_primitives::CredentialId, civitas_primitives::SchemaId) {
		use crate::genesis_config_presets::demo_city::{dev_id, schemas, BUSINESS_LICENCE_1};
		(dev_id(BUSINESS_LICENCE_1), schemas::BUSINESS_LICENCE)
	}
}
