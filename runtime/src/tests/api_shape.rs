//! One response shape across the Civitas runtime APIs (`docs/pallet-shape.md`), read from the
//! runtime's V15 metadata: no method answers with a bare tuple (a record is a struct whose fields
//! have names), and none with a pallet's stored type generic over the runtime (`Property<T>`):
//! what a client decodes is the API's own `*Info` type, in every API including the ones added
//! later.

use alloc::{collections::BTreeSet, format, string::String, vec::Vec};
use codec::Decode;
use polkadot_sdk::frame_support::__private::metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef};

/// The type a method answers with, with `Option` and `Vec` taken off.
fn record_type(types: &PortableRegistry, mut id: u32) -> Option<&Type<PortableForm>> {
	loop {
		let ty = types.resolve(id)?;
		match &ty.type_def {
			TypeDef::Sequence(seq) => id = seq.type_param.id,
			TypeDef::Variant(_) if ty.path.segments == ["Option"] => {
				id = ty.type_params.first()?.ty?.id;
			},
			_ => return Some(ty),
		}
	}
}

/// Why the answer of type `id` breaks the shape, if it does.
fn shape_violation(types: &PortableRegistry, id: u32) -> Option<String> {
	let ty = record_type(types, id)?;
	if matches!(ty.type_def, TypeDef::Tuple(ref tuple) if !tuple.fields.is_empty()) {
		return Some("answers with a tuple: name its fields in an `*Info` struct".into());
	}
	if ty.type_params.iter().any(|param| param.name == "T") {
		return Some(format!(
			"answers with `{}`, a stored type generic over the runtime: answer with an `*Info` \
			 struct of plain fields",
			ty.path.segments.join("::")
		));
	}
	None
}

/// The crate of each pallet in the workspace's `pallets/` that declares a runtime API, but those
/// only the parachain runtime has.
fn crates_with_an_api() -> BTreeSet<String> {
	let mut crates = super::vocabulary::workspace_pallet_crates_where(|pallet| {
		pallet.join("src/runtime_api.rs").exists()
	});
	crates.retain(|krate| !super::PALLETS_ELSEWHERE.contains(&krate.as_str()));
	crates
}

/// `(api, method, output type)` of every method of the runtime's Civitas APIs: the APIs one of
/// whose methods answers with a type declared by a crate in `pallets/`.
fn civitas_api_methods() -> (PortableRegistry, Vec<(String, String, u32)>) {
	let bytes = crate::Runtime::metadata_at_version(15).expect("the runtime serves metadata V15");
	let prefixed =
		RuntimeMetadataPrefixed::decode(&mut &bytes[..]).expect("the runtime's metadata decodes");
	let RuntimeMetadata::V15(metadata) = prefixed.1 else { panic!("V15 metadata was asked for") };
	let ours = crates_with_an_api();
	let types = metadata.types;
	let declared_by_us = |id: u32| {
		record_type(&types, id)
			.and_then(|ty| ty.path.segments.first())
			.is_some_and(|krate| ours.contains(krate))
	};
	let mut methods = Vec::new();
	let mut apis = BTreeSet::new();
	for api in &metadata.apis {
		if api.methods.iter().any(|m| declared_by_us(m.output.id)) {
			apis.insert(api.name.clone());
			for m in &api.methods {
				methods.push((api.name.clone(), m.name.clone(), m.output.id));
			}
		}
	}
	assert_eq!(apis.len(), ours.len(), "each pallet's API is found: {apis:?} for {ours:?}");
	(types, methods)
}

#[test]
fn every_civitas_api_answers_in_one_shape() {
	let (types, methods) = civitas_api_methods();
	assert!(methods.len() > 30, "{} methods", methods.len());
	let found: Vec<String> = methods
		.iter()
		.filter_map(|(api, method, output)| {
			shape_violation(&types, *output).map(|why| format!("{api}::{method} {why}"))
		})
		.collect();
	assert!(found.is_empty(), "answers that break docs/pallet-shape.md:\n{}", found.join("\n"));
}

#[test]
fn the_shape_rules_refuse_tuples_and_stored_types() {
	use crate::Runtime;
	use scale_info::{meta_type, Registry};

	let mut registry = Registry::new();
	let ids: Vec<u32> = [
		// The answers of `RealEstateApi` and `FundGrantsApi` before version 2.
		meta_type::<Option<(pallet_fund_grants::Program<Runtime>, u128)>>(),
		meta_type::<Vec<(u64, u16)>>(),
		meta_type::<Option<pallet_real_estate::Property<Runtime>>>(),
		meta_type::<Vec<pallet_fund_grants::Application<Runtime>>>(),
		// Answers in the shape.
		meta_type::<Option<pallet_real_estate::runtime_api::PropertyInfo>>(),
		meta_type::<Vec<pallet_fund_grants::runtime_api::ApplicationInfo<u32>>>(),
		meta_type::<Option<u64>>(),
		meta_type::<Option<Vec<u8>>>(),
	]
	.into_iter()
	.map(|ty| registry.register_type(&ty).id)
	.collect();
	let types: PortableRegistry = registry.into();
	let refused: Vec<bool> = ids.iter().map(|id| shape_violation(&types, *id).is_some()).collect();
	assert_eq!(refused, [true, true, true, true, false, false, false, false]);
	assert!(shape_violation(&types, ids[2]).is_some_and(|why| why.contains("Property")));
}
