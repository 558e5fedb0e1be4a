//! The Civitas pallets of the city's administration.

use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	frame_system::EnsureRoot,
};

use crate::{AccountId, BlockNumber, Runtime, DAYS};

parameter_types! {
	/// Long enough for "Planning and Natural Resources Commission of the Municipality" in UTF-8
	/// Chinese or English.
	pub const MaxDepartmentNameLength: u32 = 128;
	/// A week for the other side to answer a link offer.
	pub const LinkOfferPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_departments::Config for Runtime {
	/// Root (through Sudo) on this chain; a council or multisig of the city later.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxNameLength = MaxDepartmentNameLength;
	/// Room for every current role and a few more.
	type MaxRoles = ConstU32<16>;
	type MaxOfficers = ConstU32<256>;
	type MaxDepartments = ConstU32<1024>;
	type WeightInfo = pallet_departments::weights::SubstrateWeight<Runtime>;
}

impl pallet_civic_identity::Config for Runtime {
	type Roles = pallet_departments::Pallet<Runtime>;
	/// Root (through Sudo) on this chain; a council or multisig of the city later.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	/// A citizen's phone, a hardware key and a few more; an enterprise's staff accounts.
	type MaxLinkedAccounts = ConstU32<8>;
	type LinkOfferPeriod = LinkOfferPeriod;
	type MaxSchemaNameLength = ConstU32<128>;
	/// A large enterprise's licences, permits and certificates over its lifetime.
	type MaxCredentialsPerSubject = ConstU32<1024>;
	type WeightInfo = pallet_civic_identity::weights::SubstrateWeight<Runtime>;
}
