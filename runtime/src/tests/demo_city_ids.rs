//! The demo city's ids, written once in `genesis_config_presets::demo_city` and handed to the
//! Polkadot.js suites and the network tests as `tests/e2e/demo-city.json`, which this test keeps
//! current: clients import the ids the runtime seeds instead of retyping them.

use crate::genesis_config_presets::demo_city::{self, *};
use alloc::{format, string::String, vec::Vec};
use serde_json::{json, Value};

/// The ids file, relative to the runtime crate.
const IDS_FILE: &str = "../tests/e2e/demo-city.json";
/// Set to rewrite [`IDS_FILE`] from the runtime.
const BLESS: &str = "CIVITAS_BLESS_DEMO_CITY";

fn hex(label: &str) -> String {
	format!("{:?}", dev_id(label))
}

/// Every id a client of the demo city names, by the runtime's constant names.
fn ids() -> Value {
	let labels = |pairs: &[(&str, &str)]| -> Value {
		pairs.iter().map(|(name, label)| (String::from(*name), Value::from(hex(label)))).collect()
	};
	json!({
		"departments": {
			"PUBLIC_SECURITY": PUBLIC_SECURITY,
			"MARKET_REGULATION": MARKET_REGULATION,
			"PLANNING": PLANNING,
			"HOUSING": HOUSING,
			"TAX": TAX,
			"FINANCE": FINANCE,
			"SCIENCE": SCIENCE,
			"COURT": COURT,
			"AUDIT": AUDIT,
			"POWER": POWER,
			"BANK": BANK,
		},
		"departmentCount": demo_city::departments().len(),
		"council": demo_city::council().members,
		"schemas": {
			"BUSINESS_LICENCE": schemas::BUSINESS_LICENCE,
			"REAL_ESTATE_CERTIFICATE": schemas::REAL_ESTATE_CERTIFICATE,
			"COMPLETION_ACCEPTANCE": schemas::COMPLETION_ACCEPTANCE,
			"FIRE_SAFETY_PERMIT": schemas::FIRE_SAFETY_PERMIT,
		},
		"subjects": labels(&[
			("PERSON_1", PERSON_1),
			("PERSON_2", PERSON_2),
			("ENTERPRISE_1", ENTERPRISE_1),
			("ENTERPRISE_2", ENTERPRISE_2),
		]),
		"credentials": labels(&[
			("BUSINESS_LICENCE_1", BUSINESS_LICENCE_1),
			("FIRE_SAFETY_1", FIRE_SAFETY_1),
			("COMPLETION_2", COMPLETION_2),
		]),
		"properties": { "FLAT": FLAT, "SHOP": SHOP },
		"licences": labels(&[
			("FLAT_COMPLETION", FLAT_COMPLETION),
			("SHOP_COMPLETION", SHOP_COMPLETION),
			("SHOP_FIRE_SAFETY", SHOP_FIRE_SAFETY),
		]),
		"purposes": {
			"TAX_AUDIT": purposes::TAX_AUDIT,
			"CREDIT_SUPERVISION": purposes::CREDIT_SUPERVISION,
			"PROPERTY_REGISTRATION": purposes::PROPERTY_REGISTRATION,
			"LICENSING": purposes::LICENSING,
			"FUND_REVIEW": purposes::FUND_REVIEW,
			"COURT_ENFORCEMENT": purposes::COURT_ENFORCEMENT,
			"PUBLIC_AUDIT": purposes::PUBLIC_AUDIT,
		},
	})
}

#[test]
fn the_named_ids_are_the_ones_genesis_seeds() {
	let names: Vec<String> = demo_city::departments().into_iter().map(|d| d.name).collect();
	let id_of = |name: &str| names.iter().position(|n| n == name).map(|i| i as u32);
	assert_eq!(id_of("Public Security Bureau"), Some(PUBLIC_SECURITY));
	assert_eq!(id_of("Market Regulation Administration"), Some(MARKET_REGULATION));
	assert_eq!(id_of("Planning and Natural Resources Commission"), Some(PLANNING));
	assert_eq!(id_of("Housing and Urban-Rural Development Commission"), Some(HOUSING));
	assert_eq!(id_of("Tax Bureau"), Some(TAX));
	assert_eq!(id_of("Finance Bureau"), Some(FINANCE));
	assert_eq!(id_of("Science and Technology Commission"), Some(SCIENCE));
	assert_eq!(id_of("Intermediate People's Court"), Some(COURT));
	assert_eq!(id_of("Audit Office"), Some(AUDIT));
	assert_eq!(id_of("Municipal Power Supply Company"), Some(POWER));
	assert_eq!(id_of("City Commercial Bank"), Some(BANK));

	super::dev_chain().execute_with(|| {
		let cadastre = |id| crate::RealEstate::property_info(id).map(|p| p.cadastral_ref);
		assert_eq!(cadastre(FLAT), Some(b"BJ-HD-0101-0001".to_vec()));
		assert_eq!(cadastre(SHOP), Some(b"BJ-CY-0207-0012".to_vec()));
		for subject in [PERSON_1, PERSON_2, ENTERPRISE_1, ENTERPRISE_2] {
			assert!(crate::CivicIdentity::subject_info(dev_id(subject)).is_some(), "{subject}");
		}
		for credential in [BUSINESS_LICENCE_1, FIRE_SAFETY_1, COMPLETION_2] {
			assert!(crate::CivicIdentity::verify(dev_id(credential)).is_some(), "{credential}");
		}
		for (property, licence) in
			[(FLAT, FLAT_COMPLETION), (SHOP, SHOP_COMPLETION), (SHOP, SHOP_FIRE_SAFETY)]
		{
			assert!(crate::RealEstate::verify_licence(property, dev_id(licence)).is_some());
		}
	});
}

#[test]
fn the_clients_ids_file_is_current() {
	let path = format!("{}/{IDS_FILE}", env!("CARGO_MANIFEST_DIR"));
	let rendered = format!("{:#}\n", ids());
	if std::env::var_os(BLESS).is_some() {
		std::fs::write(&path, &rendered).expect("the ids file is writable");
	}
	let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
	assert!(
		checked_in == rendered,
		"{IDS_FILE} is out of date: regenerate it with {BLESS}=1 and commit it with the change"
	);
}
