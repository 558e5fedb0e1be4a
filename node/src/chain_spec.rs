//! Chain specifications, each built from one of the runtime's genesis presets.

use civitas_runtime::{genesis_config_presets::CIVITAS_LOCAL_PRESET, WASM_BINARY};
use polkadot_sdk::{
	sc_service::{self, ChainType},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// The chain specification of the Civitas chain (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("tokenSymbol".into(), "CIV".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm =
		WASM_BINARY.ok_or_else(|| "The runtime's WASM binary is not available".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: Alice produces and finalizes blocks alone and holds the Sudo key; the council governs
/// too.
pub fn development() -> Result<ChainSpec, String> {
	from_preset("Civitas Development", "civitas_dev", ChainType::Development, DEV_RUNTIME_PRESET)
}

/// `--chain local`: Alice and Bob are the validators; the council governs (no Sudo key).
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Civitas Local Testnet",
		"civitas_local_testnet",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain civitas-local`: Alice, Bob, Charlie and Dave are the validators (the network tests);
/// the council governs (no Sudo key).
pub fn civitas_local() -> Result<ChainSpec, String> {
	from_preset("Civitas Local", "civitas_local", ChainType::Local, CIVITAS_LOCAL_PRESET)
}
