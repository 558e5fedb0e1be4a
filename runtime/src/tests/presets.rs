//! Genesis presets as a chain spec builder applies them: one source for both runtimes' tests
//! (the parachain runtime's tests include this file by path).

use crate::{genesis_config_presets::get_preset, RuntimeGenesisConfig};
use polkadot_sdk::sp_genesis_builder::PresetId;

/// Preset `id` applied to the default genesis config, as a chain spec builder applies it.
pub(crate) fn preset_config(id: &str) -> RuntimeGenesisConfig {
	let patch: serde_json::Value =
		serde_json::from_slice(&get_preset(&PresetId::from(id)).expect("preset exists"))
			.expect("a preset is JSON");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the default serializes");
	merge(&mut config, patch);
	serde_json::from_value(config).expect("the patched config is a genesis config")
}

/// `patch` merged into `base`: objects key by key, anything else replaced (as
/// `sc_chain_spec::json_merge` does).
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}
