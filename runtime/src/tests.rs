//! Tests of the runtime's own code: its genesis presets.

#![allow(clippy::expect_used, clippy::panic)]

use crate::{
	genesis_config_presets::{city_departments, get_preset, preset_names},
	RuntimeGenesisConfig,
};
use alloc::vec::Vec;
use polkadot_sdk::{sp_genesis_builder::PresetId, sp_keyring::Sr25519Keyring};

#[test]
fn every_preset_builds_a_genesis_state() {
	use polkadot_sdk::sp_runtime::BuildStorage;

	for id in preset_names() {
		let json = get_preset(&id).expect("preset exists");
		let config: RuntimeGenesisConfig =
			serde_json::from_slice(&json).expect("preset is a full genesis config");
		assert_eq!(config.departments.departments.len(), city_departments().len());
		config.build_storage().unwrap_or_else(|e| panic!("preset {id:?} does not build: {e}"));
	}
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn every_department_has_an_admin_and_officers_serve_one_department() {
	let departments = city_departments();
	assert!(departments.len() >= 11);
	let mut officers: Vec<_> =
		departments.iter().flat_map(|d| d.officers.iter().map(|(a, _)| a.clone())).collect();
	let all = officers.len();
	officers.sort();
	officers.dedup();
	assert_eq!(officers.len(), all);
	assert!(departments.iter().all(|d| d.officers.iter().any(|(_, admin)| *admin)));
	assert!(!officers.contains(&Sr25519Keyring::Alice.to_account_id()));
	assert!(!officers.contains(&Sr25519Keyring::Two.to_account_id()));
}
