//! The city's pallets and the block authors' set (the validators pallet) are the same in both
//! runtimes: each one's index, storage, calls, events, errors and constants, as the metadata a
//! client reads them from (V15), compared type by type with the types written out in full (names and fields, not registry ids, which differ between
//! runtimes). The one constant that differs is the council's `MaxCallWeight`, whose proof size
//! is the parachain's block limit; its computation is the same.

use std::fmt::Write;

use codec::Decode;
use frame_metadata::{
	v15::{PalletMetadata, RuntimeMetadataV15, StorageEntryType},
	RuntimeMetadata, RuntimeMetadataPrefixed,
};
use polkadot_sdk::{frame_support::weights::Weight, sp_core::OpaqueMetadata};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef};

/// The pallets both runtimes share, by name: the city's, and the block authors' set.
const SHARED_PALLETS: [&str; 9] = [
	"Departments",
	"CivicIdentity",
	"CreditRecords",
	"EBills",
	"RealEstate",
	"FundGrants",
	"Council",
	"AccessLog",
	"Validators",
];

/// The types `#[frame_support::runtime]` makes for each runtime: written as their names only,
/// since they hold every pallet of the runtime.
const RUNTIME_AGGREGATES: [&str; 8] = [
	"Runtime",
	"RuntimeCall",
	"RuntimeEvent",
	"RuntimeError",
	"OriginCaller",
	"RuntimeHoldReason",
	"RuntimeFreezeReason",
	"RuntimeTask",
];

/// Metadata V15 of a runtime, read with `metadata` (which reads nothing from storage, but needs
/// externalities to run).
fn v15(metadata: fn(u32) -> Option<OpaqueMetadata>) -> RuntimeMetadataV15 {
	let bytes = polkadot_sdk::sp_io::TestExternalities::default()
		.execute_with(|| metadata(15))
		.expect("the runtime offers metadata V15");
	match RuntimeMetadataPrefixed::decode(&mut &bytes[..]).expect("metadata decodes").1 {
		RuntimeMetadata::V15(metadata) => metadata,
		_ => panic!("not V15"),
	}
}

/// Type `id` written out: its path (with either runtime crate written `runtime`), its type
/// parameters and its definition, recursively (a type met again inside itself by path only).
fn render(registry: &PortableRegistry, id: u32, stack: &mut Vec<u32>) -> String {
	let ty = registry.resolve(id).expect("the id is in the registry");
	let path = ty
		.path
		.segments
		.iter()
		.map(|s| match s.as_str() {
			"civitas_runtime" | "civitas_parachain_runtime" => "runtime",
			s => s,
		})
		.collect::<Vec<_>>()
		.join("::");
	let aggregate = ty.path.segments.len() == 2
		&& path.starts_with("runtime::")
		&& RUNTIME_AGGREGATES.iter().any(|name| path.ends_with(name));
	if aggregate || stack.contains(&id) {
		return path;
	}
	stack.push(id);
	let mut out = path;
	for param in &ty.type_params {
		let arg = param.ty.map(|t| render(registry, t.id, stack)).unwrap_or_default();
		let _ = write!(out, "<{}={}>", param.name, arg);
	}
	let fields = |fields: &[scale_info::Field<PortableForm>], stack: &mut Vec<u32>| {
		fields
			.iter()
			.map(|f| {
				format!(
					"{}:{}={}",
					f.name.as_deref().unwrap_or("_"),
					f.type_name.as_deref().unwrap_or("_"),
					render(registry, f.ty.id, stack)
				)
			})
			.collect::<Vec<_>>()
			.join(",")
	};
	match &ty.type_def {
		TypeDef::Composite(c) => {
			let _ = write!(out, "{{{}}}", fields(&c.fields, stack));
		},
		TypeDef::Variant(v) => {
			for variant in &v.variants {
				let _ = write!(
					out,
					"|{}#{}({})",
					variant.name,
					variant.index,
					fields(&variant.fields, stack)
				);
			}
		},
		TypeDef::Sequence(s) => {
			let _ = write!(out, "[{}]", render(registry, s.type_param.id, stack));
		},
		TypeDef::Array(a) => {
			let _ = write!(out, "[{};{}]", render(registry, a.type_param.id, stack), a.len);
		},
		TypeDef::Tuple(t) => {
			let items: Vec<_> = t.fields.iter().map(|f| render(registry, f.id, stack)).collect();
			let _ = write!(out, "({})", items.join(","));
		},
		TypeDef::Primitive(p) => {
			let _ = write!(out, "{p:?}");
		},
		TypeDef::Compact(c) => {
			let _ = write!(out, "Compact<{}>", render(registry, c.type_param.id, stack));
		},
		TypeDef::BitSequence(b) => {
			let _ = write!(
				out,
				"Bits<{},{}>",
				render(registry, b.bit_store_type.id, stack),
				render(registry, b.bit_order_type.id, stack)
			);
		},
	}
	stack.pop();
	out
}

/// Pallet `name` of `metadata` written out, one line per item, with the value of each constant
/// named in `skip_values` left out.
fn describe(metadata: &RuntimeMetadataV15, name: &str, skip_values: &[&str]) -> Vec<String> {
	let registry = &metadata.types;
	let ty = |id: u32| render(registry, id, &mut Vec::new());
	let pallet: &PalletMetadata<PortableForm> =
		metadata.pallets.iter().find(|p| p.name == name).expect("the pallet is in the runtime");
	let mut lines = vec![format!("index {}", pallet.index), format!("docs {:?}", pallet.docs)];
	if let Some(storage) = &pallet.storage {
		lines.push(format!("storage prefix {}", storage.prefix));
		for entry in &storage.entries {
			let shape = match &entry.ty {
				StorageEntryType::Plain(t) => format!("plain {}", ty(t.id)),
				StorageEntryType::Map { hashers, key, value } => {
					format!("map {hashers:?} {} -> {}", ty(key.id), ty(value.id))
				},
			};
			lines.push(format!(
				"storage {} {:?} {shape} default {:?} docs {:?}",
				entry.name, entry.modifier, entry.default, entry.docs
			));
		}
	}
	lines.push(format!("calls {}", pallet.calls.as_ref().map(|c| ty(c.ty.id)).unwrap_or_default()));
	lines.push(format!("event {}", pallet.event.as_ref().map(|e| ty(e.ty.id)).unwrap_or_default()));
	lines.push(format!("error {}", pallet.error.as_ref().map(|e| ty(e.ty.id)).unwrap_or_default()));
	for constant in &pallet.constants {
		let value = if skip_values.contains(&constant.name.as_str()) {
			String::from("(differs)")
		} else {
			format!("{:?}", constant.value)
		};
		lines.push(format!(
			"constant {} {} = {value} docs {:?}",
			constant.name,
			ty(constant.ty.id),
			constant.docs
		));
	}
	lines
}

/// The value of constant `name` of pallet `pallet`, decoded as a weight.
fn weight_constant(metadata: &RuntimeMetadataV15, pallet: &str, name: &str) -> Weight {
	let pallet = metadata.pallets.iter().find(|p| p.name == pallet).expect("pallet");
	let constant = pallet.constants.iter().find(|c| c.name == name).expect("constant");
	Weight::decode(&mut &constant.value[..]).expect("a weight")
}

#[test]
fn the_city_pallets_are_the_same_in_both_runtimes() {
	let standalone = v15(civitas_runtime::Runtime::metadata_at_version);
	let parachain = v15(crate::Runtime::metadata_at_version);

	for name in SHARED_PALLETS {
		let skip: &[&str] = if name == "Council" { &["MaxCallWeight"] } else { &[] };
		let (a, b) = (describe(&standalone, name, skip), describe(&parachain, name, skip));
		assert_eq!(a.len(), b.len(), "{name}: items differ");
		for (a, b) in a.iter().zip(&b) {
			assert_eq!(a, b, "{name} differs between the runtimes");
		}
	}

	// A motion's call may use half a block's normal extrinsic weight on either chain: the same
	// computation, the same time; the parachain's proof size is bounded by the relay chain's.
	let (a, b) = (
		weight_constant(&standalone, "Council", "MaxCallWeight"),
		weight_constant(&parachain, "Council", "MaxCallWeight"),
	);
	assert_eq!(a.ref_time(), b.ref_time());
	assert!(b.proof_size() < a.proof_size());
	assert!(b.proof_size() > 0);
}

#[test]
fn the_comparison_sees_a_difference_in_a_type() {
	// The check above must be able to fail: the parachain's own pallets differ from anything of
	// the standalone runtime's, and two different city pallets written out differ.
	let parachain = v15(crate::Runtime::metadata_at_version);
	assert_ne!(describe(&parachain, "Departments", &[]), describe(&parachain, "AccessLog", &[]));
	let registry = &parachain.types;
	let calls = |name: &str| {
		let pallet = parachain.pallets.iter().find(|p| p.name == name).expect("pallet");
		render(registry, pallet.calls.as_ref().expect("calls").ty.id, &mut Vec::new())
	};
	assert!(calls("Council").contains("runtime::RuntimeCall"));
	assert!(calls("CrossCity").contains("receive_notarisation#3"));
}
