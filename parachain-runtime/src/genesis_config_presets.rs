//! Genesis presets: a city chain per para id, each seeded with the standalone runtime's demo
//! city (`runtime/src/genesis_config_presets/demo_city.rs`, included by path: the same
//! departments, officers, people, enterprises, records and keys).
//!
//! - `development`: para 2000 ("Beijing"), `//Alice` its collator and Sudo key, para 2001
//!   admitted as a city.
//! - [`CITY_2001_PRESET`]: para 2001 ("Tianjin"), the same but for its para id, para 2000
//!   admitted: the other end of the cross-city tests.
//! - `local_testnet`: para 2000 with `//Alice` and `//Bob` collating and no Sudo key.

#[path = "../../runtime/src/genesis_config_presets/demo_city.rs"]
pub mod demo_city;

use alloc::{string::ToString, vec, vec::Vec};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::Sr25519Keyring,
};

use crate::{
	AccountId, BalancesConfig, CrossCityConfig, DepartmentsConfig, ParachainInfoConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, HOURS, UNIT,
};
use pallet_cross_city::CityId;

/// The preset of the second city chain, para 2001.
pub const CITY_2001_PRESET: &str = "city-2001";

/// The two city chains of the presets: para id and name.
pub const CITIES: [(CityId, &str); 2] = [(2000, "Beijing"), (2001, "Tianjin")];

/// What every development account starts with, to pay transaction fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The session keys of `collators` (their keyring keys), which the session pallet hands Aura.
pub fn collator_keys(collators: &[Sr25519Keyring]) -> Vec<(AccountId, AccountId, SessionKeys)> {
	collators
		.iter()
		.map(|k| {
			(k.to_account_id(), k.to_account_id(), SessionKeys { aura: AuraId::from(k.public()) })
		})
		.collect()
}

/// The chain of city `para` with `collators` (the demo city's block authors, as the standalone
/// chain's validators: [`demo_city::block_authors`], hour-long sessions), `sudo`
/// as the Sudo key (development chains only), every keyring account endowed, the demo city, and
/// every other city of [`CITIES`] admitted.
fn city_genesis(
	para: CityId,
	collators: &[Sr25519Keyring],
	sudo: Option<Sr25519Keyring>,
) -> serde_json::Value {
	let others: Vec<(CityId, Vec<u8>)> = CITIES
		.iter()
		.filter(|(id, _)| *id != para)
		.map(|(id, name)| (*id, name.as_bytes().to_vec()))
		.collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: Sr25519Keyring::iter()
				.map(|k| (k.to_account_id(), ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: para.into() },
		// The session pallet hands Aura its authorities.
		validators: demo_city::block_authors(collators, HOURS),
		session: SessionConfig { keys: collator_keys(collators) },
		sudo: SudoConfig { key: sudo.map(|k| k.to_account_id()) },
		departments: DepartmentsConfig { departments: demo_city::departments() },
		civic_identity: demo_city::identities(),
		credit_records: demo_city::credit(),
		e_bills: demo_city::bills(),
		real_estate: demo_city::real_estate(),
		fund_grants: demo_city::fund(),
		council: demo_city::council(),
		access_log: demo_city::access_purposes(),
		cross_city: CrossCityConfig { cities: others },
	})
}

/// The preset called `id`, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	use Sr25519Keyring::*;

	let genesis = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => city_genesis(2000, &[Alice], Some(Alice)),
		CITY_2001_PRESET => city_genesis(2001, &[Alice], Some(Alice)),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => city_genesis(2000, &[Alice, Bob], None),
		_ => return None,
	};
	// A JSON value always prints.
	Some(genesis.to_string().into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(CITY_2001_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
