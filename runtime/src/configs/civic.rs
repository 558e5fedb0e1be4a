//! The Civitas pallets of the city's administration.

use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	frame_system::EnsureRoot,
};

use crate::{AccountId, Runtime};

parameter_types! {
	/// Long enough for "Planning and Natural Resources Commission of the Municipality" in UTF-8
	/// Chinese or English.
	pub const MaxDepartmentNameLength: u32 = 128;
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
