//! Genesis presets: the `development`, `local_testnet` and `civitas-local` chains.
//!
//! Every preset seeds the same [`demo_city`]: its departments, their roles, and an admin officer
//! for each, all taken from the well-known development keyring (`//Alice`, `//Bob//stash`, ...).
//! The README lists which key is which officer. The first five departments form the council and
//! hold `Councillor`: their officers propose and vote for them. `//Alice` is the Sudo key of the
//! development chain only (no other preset has a Sudo key) and is no department's officer;
//! `//Two` is no one's officer (a plain account, e.g. a citizen's).
//!
//! A preset is a patch over the default genesis config (`build_struct_json_patch!`): it names
//! only what it sets, and a config that does not serialize stops the build of the chain spec
//! instead of turning into an empty genesis.

pub mod demo_city;

use alloc::{string::ToString, vec, vec::Vec};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::Bytes,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};

use crate::{
	AccountId, BalancesConfig, BlockNumber, DepartmentsConfig, NodesConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig, HOURS, MINUTES, UNIT,
};
use civitas_primitives::DepartmentId;
use pallet_nodes::ed25519_peer_id;

/// The preset of the four-validator network the zombienet tests run.
pub const CIVITAS_LOCAL_PRESET: &str = "civitas-local";

/// What every development account starts with, to pay transaction fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The session keys of `authorities` (the keyring keys), which the session pallet hands Aura and
/// GRANDPA.
fn session_keys(authorities: &[Sr25519Keyring]) -> Vec<(AccountId, AccountId, SessionKeys)> {
	authorities
		.iter()
		.filter_map(|k| {
			let keys = SessionKeys { aura: AuraId::from(k.public()), grandpa: grandpa_key(*k)? };
			Some((k.to_account_id(), k.to_account_id(), keys))
		})
		.collect()
}

/// The nodes of the network tests' chain (`civitas-local`), by name, with the ed25519 public key
/// of node key `sha256(name)` (the key zombienet gives a node called `name`; by hand:
/// `--node-key $(printf alice | sha256sum | cut -c1-64)`) and the operating department: the four
/// validators, Eve's machine (Housing's; the tests admit it as a validator) and the auditors'
/// archive node (Audit Office's). Any other node is refused by these.
pub const TEST_NETWORK_NODES: [(&str, [u8; 32], DepartmentId); 6] = [
	// 12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm
	(
		"alice",
		[
			0xd5, 0xbf, 0x4a, 0x3f, 0xcc, 0xe7, 0x17, 0xb0, 0x38, 0x8b, 0xcc, 0x27, 0x49, 0xeb,
			0xc1, 0x48, 0xad, 0x99, 0x69, 0xb2, 0x3f, 0x45, 0xee, 0x1b, 0x60, 0x5f, 0xd5, 0x87,
			0x78, 0x57, 0x6a, 0xc4,
		],
		0,
	),
	// 12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby
	(
		"bob",
		[
			0xec, 0xc1, 0xb5, 0x87, 0x27, 0xf3, 0xf1, 0x2b, 0x31, 0x94, 0x88, 0x1a, 0x9e, 0xcb,
			0x9d, 0xe0, 0xb2, 0x8c, 0xe7, 0xb2, 0x07, 0x23, 0x0d, 0x8e, 0x93, 0x0f, 0xe1, 0xbc,
			0xe7, 0x5e, 0x25, 0x6c,
		],
		1,
	),
	// 12D3KooWPKzmmE2uYgF3z13xjpbFTp63g9dZFag8pG6MgnpSLF4S
	(
		"charlie",
		[
			0xc8, 0xbf, 0x29, 0x59, 0xa9, 0x6b, 0xd9, 0x9f, 0xfd, 0xe4, 0xe7, 0x27, 0x7b, 0x41,
			0xe5, 0x73, 0x31, 0xdb, 0xa7, 0xf7, 0x91, 0x81, 0x86, 0xc3, 0x59, 0xcf, 0x7d, 0xce,
			0x14, 0x9b, 0xb5, 0x67,
		],
		2,
	),
	// 12D3KooWKM1HeSv61ryZwAiBTZnqmass5pYM48k9Z7obzhTbnphm
	(
		"dave",
		[
			0x8d, 0x92, 0x93, 0xc3, 0x27, 0x66, 0x2b, 0xe3, 0xc0, 0xfa, 0xeb, 0x57, 0x9b, 0x2a,
			0xed, 0xd3, 0xb2, 0xce, 0xc3, 0x3d, 0x74, 0xda, 0xde, 0xdc, 0xee, 0xa7, 0x6b, 0x7a,
			0x94, 0xdc, 0x90, 0xc0,
		],
		3,
	),
	// 12D3KooWFdSt4JnBmxWXwD5yp7wq2WzPaMA1nscSf6qt8pfge8Tk
	(
		"eve",
		[
			0x56, 0x5a, 0x0f, 0x95, 0x55, 0xcb, 0x4f, 0x4d, 0x4e, 0x06, 0xb8, 0x11, 0x12, 0x57,
			0x86, 0x5d, 0xcc, 0xd7, 0x5c, 0xc7, 0x51, 0x35, 0xa9, 0xb1, 0x0c, 0x9a, 0x44, 0xec,
			0xa5, 0x04, 0x13, 0x43,
		],
		3,
	),
	// 12D3KooWDksxzr2MGYDSmCkpQD2CfqdwUb9wZGsVdcq944Eg8JzV
	(
		"auditor",
		[
			0x3a, 0x8a, 0x1d, 0xd8, 0x79, 0xac, 0xa8, 0x4f, 0xca, 0xaa, 0xf4, 0x5c, 0x17, 0x04,
			0xb3, 0xec, 0x54, 0x12, 0x68, 0x7d, 0x9b, 0x25, 0x45, 0x96, 0x2d, 0x81, 0x7b, 0x89,
			0x90, 0x3e, 0x00, 0x52,
		],
		8,
	),
];

/// A genesis with `authorities` producing and finalizing blocks in sessions of `session_length`
/// blocks, `sudo` as the Sudo key (the development chain's only), every keyring account endowed,
/// the city's departments, and `nodes` the only nodes that exchange blocks (with their
/// departments; none for an open network).
fn city_genesis(
	authorities: &[Sr25519Keyring],
	session_length: BlockNumber,
	sudo: Option<Sr25519Keyring>,
	nodes: Vec<(Bytes, DepartmentId)>,
) -> serde_json::Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: Sr25519Keyring::iter()
				.map(|k| (k.to_account_id(), ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		// The session pallet hands Aura and GRANDPA their authorities.
		validators: demo_city::block_authors(authorities, session_length),
		session: SessionConfig { keys: session_keys(authorities) },
		nodes: NodesConfig { nodes },
		sudo: SudoConfig { key: sudo.map(|k| k.to_account_id()) },
		departments: DepartmentsConfig { departments: demo_city::departments() },
		civic_identity: demo_city::identities(),
		credit_records: demo_city::credit(),
		e_bills: demo_city::bills(),
		real_estate: demo_city::real_estate(),
		fund_grants: demo_city::fund(),
		council: demo_city::council(),
		access_log: demo_city::access_purposes(),
	})
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
		// Development chains are open to any node.
		sp_genesis_builder::DEV_RUNTIME_PRESET => {
			city_genesis(&[Alice], HOURS, Some(Alice), vec![])
		},
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => {
			city_genesis(&[Alice, Bob], HOURS, None, vec![])
		},
		// The network tests' chain: one-minute sessions, so that validator changes take effect
		// within a test, and only the test network's nodes.
		CIVITAS_LOCAL_PRESET => city_genesis(
			&[Alice, Bob, Charlie, Dave],
			MINUTES,
			None,
			TEST_NETWORK_NODES
				.iter()
				.map(|(_, key, d)| (ed25519_peer_id(key).into(), *d))
				.collect(),
		),
		_ => return None,
	};
	// A JSON value always prints.
	Some(genesis.to_string().into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(CIVITAS_LOCAL_PRESET),
	]
}
