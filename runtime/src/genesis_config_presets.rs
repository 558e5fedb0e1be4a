//! Genesis presets: the `development`, `local_testnet` and `civitas-local` chains.
//!
//! Every preset seeds the same city: the departments below, their roles, and an admin officer for
//! each, all taken from the well-known development keyring (`//Alice`, `//Bob//stash`, ...). The
//! README lists which key is which officer. `//Alice` is the Sudo key (governance) and is no
//! department's officer; `//Two` is no one's officer (a plain account, e.g. a citizen's).

use alloc::{string::String, vec, vec::Vec};
use polkadot_sdk::{
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};

use crate::{
	AccountId, AuraConfig, BalancesConfig, DepartmentsConfig, GrandpaConfig, RuntimeGenesisConfig,
	SudoConfig, UNIT,
};
use civitas_primitives::Role;
use pallet_departments::{DepartmentKind, GenesisDepartment};

/// The preset of the four-validator network the zombienet tests run.
pub const CIVITAS_LOCAL_PRESET: &str = "civitas-local";

/// What every development account starts with, to pay transaction fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The departments every preset seeds, in id order (0, 1, 2, ...), each with its roles and
/// officers. Changing the order changes the ids: append instead.
pub fn city_departments() -> Vec<GenesisDepartment<AccountId>> {
	use DepartmentKind::{Bank, Government, Utility};
	use Role::*;
	use Sr25519Keyring as K;

	let department =
		|name: &str, kind, roles: Vec<Role>, officers: Vec<(K, bool)>| GenesisDepartment {
			name: String::from(name),
			kind,
			roles,
			officers: officers.into_iter().map(|(k, admin)| (k.to_account_id(), admin)).collect(),
		};
	vec![
		department(
			"Public Security Bureau",
			Government,
			vec![IdentityRegistrar],
			vec![(K::Bob, true)],
		),
		department(
			"Market Regulation Administration",
			Government,
			vec![IdentityRegistrar, CredentialIssuer, CreditRecorder],
			vec![(K::Charlie, true), (K::One, false)],
		),
		department(
			"Planning and Natural Resources Commission",
			Government,
			vec![LandRegistrar, CredentialIssuer],
			vec![(K::Dave, true)],
		),
		department(
			"Housing and Urban-Rural Development Commission",
			Government,
			vec![CredentialIssuer],
			vec![(K::Eve, true)],
		),
		department(
			"Tax Bureau",
			Government,
			vec![TaxAuthority, BillIssuer, CreditRecorder],
			vec![(K::Ferdie, true)],
		),
		department(
			"Finance Bureau",
			Government,
			vec![FundTreasurer, BillIssuer],
			vec![(K::AliceStash, true)],
		),
		department(
			"Science and Technology Commission",
			Government,
			vec![FundCommittee, CreditRecorder],
			vec![(K::BobStash, true)],
		),
		department(
			"Intermediate People's Court",
			DepartmentKind::Court,
			vec![Court, CreditRecorder],
			vec![(K::CharlieStash, true)],
		),
		department(
			"Audit Office",
			Government,
			vec![Auditor, CreditAdjudicator],
			vec![(K::DaveStash, true)],
		),
		department(
			"Municipal Power Supply Company",
			Utility,
			vec![BillIssuer],
			vec![(K::EveStash, true)],
		),
		department(
			"City Commercial Bank",
			Bank,
			vec![Lender, BillIssuer],
			vec![(K::FerdieStash, true)],
		),
	]
}

/// A genesis with `authorities` producing and finalizing blocks, `root` as the Sudo key, every
/// keyring account endowed, and the city's departments.
fn city_genesis(authorities: &[Sr25519Keyring], root: Sr25519Keyring) -> serde_json::Value {
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: Sr25519Keyring::iter().map(|k| (k.to_account_id(), ENDOWMENT)).collect(),
			..Default::default()
		},
		aura: AuraConfig {
			authorities: authorities.iter().map(|k| AuraId::from(k.public())).collect(),
		},
		grandpa: GrandpaConfig {
			authorities: authorities
				.iter()
				.filter_map(|k| grandpa_key(*k))
				.map(|id| (id, 1))
				.collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: Some(root.to_account_id()) },
		departments: DepartmentsConfig { departments: city_departments() },
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// The GRANDPA (ed25519) key of the same development seed as the sr25519 key `k`.
fn grandpa_key(k: Sr25519Keyring) -> Option<GrandpaId> {
	let seed: &'static str = k.into();
	seed.parse::<Ed25519Keyring>().ok().map(|k| GrandpaId::from(k.public()))
}

/// The preset called `id`, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	use Sr25519Keyring::*;

	let genesis = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => city_genesis(&[Alice], Alice),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => city_genesis(&[Alice, Bob], Alice),
		CIVITAS_LOCAL_PRESET => city_genesis(&[Alice, Bob, Charlie, Dave], Alice),
		_ => return None,
	};
	serde_json::to_vec(&genesis).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(CIVITAS_LOCAL_PRESET),
	]
}
