//! Runtime upgrades: the storage-layout rule every change must keep, and (in `try-runtime`
//! builds) dry runs of this runtime's upgrade, with every migration's pre- and post-checks and
//! every pallet's `try_state`, on the presets' states, on the previous release's state, and on
//! any chain's state exported by `civitas-node export-state` (`scripts/upgrade-dry-run.sh`).

use alloc::{
	collections::BTreeMap,
	format,
	string::{String, ToString},
	vec::Vec,
};
use polkadot_sdk::frame_support::__private::metadata::{
	v14::{StorageEntryType, StorageHasher},
	RuntimeMetadata,
};
use scale_info::{PortableRegistry, TypeDef};

/// The checked-in storage layout of every pallet, relative to the runtime crate.
const LAYOUT_FILE: &str = "storage-layout.txt";
/// Set to rewrite [`LAYOUT_FILE`] from the runtime (refused while the rule is broken).
const BLESS: &str = "CIVITAS_BLESS_STORAGE_LAYOUT";

/// Items no block ever reads from an earlier block: `System::initialize` clears the events at
/// the start of every block, so their shape may change with the runtime (a pallet added to the
/// runtime adds a variant to `RuntimeEvent`) and no stored value of the old shape survives the
/// upgrade block.
const CLEARED_EVERY_BLOCK: [(&str, &str); 1] = [("System", "Events")];

/// Each pallet's storage version and the encoded shape of each of its storage items.
type Layout = BTreeMap<String, (u16, BTreeMap<String, String>)>;

/// How a type is encoded, without the names that do not affect it (field, variant and type
/// names): `{u32,Vec<u8>}`, `enum{0,1:(u32)}`, `Option` and the like spelled out as enums.
fn shape(types: &PortableRegistry, id: u32, path: &mut Vec<u32>) -> String {
	if path.contains(&id) {
		return "<recursive>".into();
	}
	let Some(ty) = types.resolve(id) else { return format!("<unknown type {id}>") };
	path.push(id);
	let mut join = |ids: &mut dyn Iterator<Item = u32>| {
		ids.map(|id| shape(types, id, path)).collect::<Vec<_>>().join(",")
	};
	let out = match &ty.type_def {
		TypeDef::Composite(c) => format!("{{{}}}", join(&mut c.fields.iter().map(|f| f.ty.id))),
		TypeDef::Variant(v) => {
			let variants: Vec<String> = v
				.variants
				.iter()
				.map(|variant| {
					if variant.fields.is_empty() {
						variant.index.to_string()
					} else {
						format!(
							"{}:({})",
							variant.index,
							join(&mut variant.fields.iter().map(|f| f.ty.id))
						)
					}
				})
				.collect();
			format!("enum{{{}}}", variants.join(","))
		},
		TypeDef::Sequence(s) => format!("Vec<{}>", join(&mut core::iter::once(s.type_param.id))),
		TypeDef::Array(a) => {
			format!("[{};{}]", join(&mut core::iter::once(a.type_param.id)), a.len)
		},
		TypeDef::Tuple(t) => format!("({})", join(&mut t.fields.iter().map(|f| f.id))),
		TypeDef::Primitive(p) => format!("{p:?}").to_lowercase(),
		TypeDef::Compact(c) => format!("Compact<{}>", join(&mut core::iter::once(c.type_param.id))),
		TypeDef::BitSequence(_) => "BitVec".into(),
	};
	path.pop();
	out
}

/// The runtime's storage layout: from its metadata, and each pallet's storage version from the
/// state `ext`'s genesis wrote.
fn runtime_layout(ext: &mut polkadot_sdk::sp_io::TestExternalities) -> Layout {
	let RuntimeMetadata::V14(metadata) = crate::Runtime::metadata().1 else {
		panic!("the runtime's metadata is V14")
	};
	let types = &metadata.types;
	let mut layout = Layout::new();
	for pallet in &metadata.pallets {
		let Some(storage) = &pallet.storage else { continue };
		let version = ext.execute_with(|| {
			let key = polkadot_sdk::frame_support::storage::storage_prefix(
				pallet.name.as_bytes(),
				b":__STORAGE_VERSION__:",
			);
			polkadot_sdk::frame_support::storage::unhashed::get::<u16>(&key).unwrap_or(0)
		});
		let items = storage
			.entries
			.iter()
			.map(|entry| {
				let ty = match &entry.ty {
					StorageEntryType::Plain(ty) => shape(types, ty.id, &mut Vec::new()),
					StorageEntryType::Map { hashers, key, value } => format!(
						"{} {} => {}",
						hashers.iter().map(hasher).collect::<Vec<_>>().join("+"),
						shape(types, key.id, &mut Vec::new()),
						shape(types, value.id, &mut Vec::new())
					),
				};
				(entry.name.clone(), ty)
			})
			.collect();
		layout.insert(pallet.name.clone(), (version, items));
	}
	layout
}

fn hasher(hasher: &StorageHasher) -> &'static str {
	match hasher {
		StorageHasher::Blake2_128 => "Blake2_128",
		StorageHasher::Blake2_256 => "Blake2_256",
		StorageHasher::Blake2_128Concat => "Blake2_128Concat",
		StorageHasher::Twox128 => "Twox128",
		StorageHasher::Twox256 => "Twox256",
		StorageHasher::Twox64Concat => "Twox64Concat",
		StorageHasher::Identity => "Identity",
	}
}

/// The layout as the file writes it: one `pallet <name> version <n>` line per pallet, then one
/// `  <item>: <shape>` line per item.
fn render(layout: &Layout) -> String {
	let mut out = String::from(
		"# The storage layout of every pallet of the Civitas runtime: its storage version and the\n\
		 # encoded shape of each item. Checked by the runtime's tests (tests/upgrade.rs): an item\n\
		 # whose shape changes needs a storage-version bump and a migration. Regenerate with\n\
		 # `CIVITAS_BLESS_STORAGE_LAYOUT=1 cargo test -p civitas-runtime storage_layout`.\n",
	);
	for (pallet, (version, items)) in layout {
		out.push_str(&format!("pallet {pallet} version {version}\n"));
		for (item, shape) in items {
			out.push_str(&format!("  {item}: {shape}\n"));
		}
	}
	out
}

fn parse(text: &str) -> Layout {
	let mut layout = Layout::new();
	let mut current: Option<String> = None;
	for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
		if let Some(rest) = line.strip_prefix("pallet ") {
			let (name, version) =
				rest.split_once(" version ").expect("`pallet <name> version <n>`");
			layout
				.insert(name.into(), (version.parse().expect("a version number"), BTreeMap::new()));
			current = Some(name.into());
		} else {
			let (item, shape) = line.trim().split_once(": ").expect("`<item>: <shape>`");
			let pallet = current.as_ref().expect("an item under a pallet line");
			layout.get_mut(pallet).expect("pallet listed").1.insert(item.into(), shape.into());
		}
	}
	layout
}

/// The rule: an item that existed before and changed shape (or went away) needs its pallet's
/// storage version raised. New items and new pallets need nothing, nor do the items
/// [`CLEARED_EVERY_BLOCK`].
fn layout_violations(before: &Layout, now: &Layout) -> Vec<String> {
	let mut violations = Vec::new();
	for (pallet, (old_version, old_items)) in before {
		let Some((version, items)) = now.get(pallet) else { continue };
		if version < old_version {
			violations.push(format!(
				"{pallet}: storage version went down from {old_version} to {version}"
			));
		}
		if version != old_version {
			continue;
		}
		for (item, old_shape) in old_items {
			if CLEARED_EVERY_BLOCK.contains(&(pallet.as_str(), item.as_str())) {
				continue;
			}
			match items.get(item) {
				Some(shape) if shape == old_shape => {},
				Some(shape) => violations.push(format!(
					"{pallet}.{item} changed shape without a storage-version bump (still {version}):\n  was {old_shape}\n  now {shape}"
				)),
				None => violations.push(format!(
					"{pallet}.{item} was removed without a storage-version bump (still {version})"
				)),
			}
		}
	}
	violations
}

#[test]
fn storage_layout_changes_come_with_a_storage_version_bump() {
	let path = format!("{}/{LAYOUT_FILE}", env!("CARGO_MANIFEST_DIR"));
	let mut ext = super::dev_chain();
	let now = runtime_layout(&mut ext);
	let before = parse(&std::fs::read_to_string(&path).unwrap_or_default());
	let violations = layout_violations(&before, &now);
	assert!(
		violations.is_empty(),
		"{}\n\nBump the pallet's storage version and add a migration (the runtime README, \
		 \"Upgrading the runtime\").",
		violations.join("\n")
	);
	let rendered = render(&now);
	if std::env::var_os(BLESS).is_some() {
		std::fs::write(&path, rendered).expect("the layout file is writable");
	} else {
		assert!(
			parse(&rendered) == before,
			"{LAYOUT_FILE} is out of date (a new item, pallet or version): regenerate it with \
			 {BLESS}=1 and commit it with the change"
		);
	}
}

#[test]
fn the_layout_rule_catches_a_changed_or_removed_item_unless_the_version_moves() {
	let item = |shape: &str| BTreeMap::from([("Rules".to_string(), shape.to_string())]);
	let layout = |version, items| Layout::from([("RealEstate".to_string(), (version, items))]);
	let before = layout(1, item("{u8,Vec<u32>}"));
	// Same shape, or a new item: fine.
	assert!(layout_violations(&before, &before).is_empty());
	let mut grown = item("{u8,Vec<u32>}");
	grown.insert("Other".into(), "u32".into());
	assert!(layout_violations(&before, &layout(1, grown)).is_empty());
	// A changed shape or a removed item at the same version: caught.
	assert_eq!(
		layout_violations(&before, &layout(1, item("{u8,Vec<u32>,enum{0,1:(u32)}}"))).len(),
		1
	);
	assert_eq!(layout_violations(&before, &layout(1, BTreeMap::new())).len(), 1);
	// With the version raised, the migration carries it.
	assert!(
		layout_violations(&before, &layout(2, item("{u8,Vec<u32>,enum{0,1:(u32)}}"))).is_empty()
	);
	// A version never goes down.
	assert_eq!(layout_violations(&layout(2, item("u8")), &layout(1, item("u8"))).len(), 1);
	// The events are cleared every block: a new pallet's variant needs no bump; any other System
	// item does.
	let system = |item: &str, shape: &str| {
		Layout::from([(
			"System".to_string(),
			(0, BTreeMap::from([(item.to_string(), shape.to_string())])),
		)])
	};
	let events = system("Events", "Vec<enum{0:(u32)}>");
	assert!(layout_violations(&events, &system("Events", "Vec<enum{0:(u32),1:(u16)}>")).is_empty());
	let account = system("Account", "{u32,u32}");
	assert_eq!(layout_violations(&account, &system("Account", "{u32,u64}")).len(), 1);
	// The file round-trips.
	assert_eq!(parse(&render(&before)), before);
}

#[cfg(feature = "try-runtime")]
mod try_runtime {
	use crate::{AllPalletsWithSystem, Executive, RealEstate, Runtime, System};
	use alloc::{format, string::String};
	use pallet_real_estate::{migrations::v2::v1, LicenceKind, LicenceRules};
	use polkadot_sdk::{
		frame_support::{
			traits::{
				GetStorageVersion, StorageVersion, TryState, TryStateSelect, UpgradeCheckSelect,
			},
			weights::Weight,
		},
		sp_io::TestExternalities,
	};

	/// The dry run of an upgrade to this runtime on the state in scope: the migrations with
	/// their pre- and post-checks, each pallet's storage version against its code, then every
	/// pallet's `try_state` (what `try-runtime on-runtime-upgrade --checks all` runs). Returns
	/// the migrations' weight or the first failed check.
	fn dry_run() -> Result<Weight, String> {
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.map_err(|e| format!("upgrade: {e:?}"))?;
		AllPalletsWithSystem::try_state(System::block_number(), TryStateSelect::All)
			.map_err(|e| format!("try_state: {e:?}"))?;
		Ok(weight)
	}

	#[test]
	fn every_preset_upgrades_with_every_check() {
		for preset in super::super::preset_names() {
			let id = core::str::from_utf8(preset.as_ref()).expect("utf-8 preset name").to_string();
			super::super::chain(&id).execute_with(dry_run).unwrap_or_else(|e| panic!("{id}: {e}"));
		}
	}

	/// Names the file `civitas-node export-state` wrote, for
	/// [`an_exported_state_upgrades_with_every_check`].
	const EXPORTED_STATE: &str = "CIVITAS_UPGRADE_STATE";

	/// A chain's state as `civitas-node export-state` writes it: a chain spec whose genesis is
	/// the raw storage (`top`, `childrenDefault`) at the exported block.
	fn exported_state(spec: &[u8]) -> Result<TestExternalities, String> {
		use polkadot_sdk::sp_core::{
			bytes::from_hex,
			storage::{ChildInfo, Storage, StorageChild, StorageMap},
		};
		use serde_json::Value;

		let spec: Value = serde_json::from_slice(spec).map_err(|e| format!("not JSON: {e}"))?;
		let raw = spec
			.pointer("/genesis/raw")
			.ok_or("no raw genesis: not a state written by `export-state`")?;
		let map = |pairs: Option<&Value>| -> Result<StorageMap, String> {
			let Some(pairs) = pairs else { return Ok(StorageMap::new()) };
			let pairs = pairs.as_object().ok_or("storage is not a map of hex keys")?;
			pairs
				.iter()
				.map(|(key, value)| {
					let value = value.as_str().ok_or_else(|| format!("{key}: not a hex string"))?;
					let hex = |s: &str| from_hex(s).map_err(|e| format!("{key}: {e}"));
					Ok((hex(key)?, hex(value)?))
				})
				.collect()
		};
		let top = map(raw.get("top"))?;
		if top.is_empty() {
			return Err("the exported state is empty".into());
		}
		let mut storage = Storage { top, children_default: Default::default() };
		if let Some(children) = raw.get("childrenDefault").and_then(Value::as_object) {
			for (key, data) in children {
				let key = from_hex(key).map_err(|e| format!("child {key}: {e}"))?;
				let child = StorageChild {
					data: map(Some(data))?,
					child_info: ChildInfo::new_default(&key),
				};
				storage.children_default.insert(key, child);
			}
		}
		Ok(TestExternalities::new(storage))
	}

	/// Run by `scripts/upgrade-dry-run.sh` (and CI) with [`EXPORTED_STATE`] naming a state
	/// exported from a node's database: an operator's dry run of this runtime's upgrade on the
	/// live chain's state.
	#[test]
	#[ignore = "needs CIVITAS_UPGRADE_STATE, a state written by `civitas-node export-state`"]
	fn an_exported_state_upgrades_with_every_check() {
		let path = std::env::var(EXPORTED_STATE).expect("CIVITAS_UPGRADE_STATE names a file");
		let spec = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
		let mut ext = exported_state(&spec).unwrap_or_else(|e| panic!("{path}: {e}"));
		let (block, weight) = ext
			.execute_with(|| dry_run().map(|weight| (System::block_number(), weight)))
			.unwrap_or_else(|e| panic!("{path}: {e}"));
		std::println!("{path}: the state of block {block} upgrades; migrations weigh {weight:?}");
	}

	#[test]
	fn an_exported_state_is_read_from_raw_storage_only() {
		let refused = |spec: &[u8]| exported_state(spec).err().unwrap_or_default();
		assert!(refused(b"{}").contains("no raw genesis"));
		let plain = br#"{"genesis":{"runtimeGenesis":{"patch":{}}}}"#;
		assert!(refused(plain).contains("no raw genesis"));
		let empty = br#"{"genesis":{"raw":{"top":{},"childrenDefault":{}}}}"#;
		assert!(refused(empty).contains("empty"));
		let odd = br#"{"genesis":{"raw":{"top":{"0x01":"0xzz"}}}}"#;
		assert!(refused(odd).starts_with("0x01"));
		// A state `export-state` would write: the keys and values come back byte for byte.
		let key = polkadot_sdk::frame_support::storage::storage_prefix(b"System", b"Number");
		let spec = format!(
			r#"{{"genesis":{{"raw":{{"top":{{"0x{}":"0x2a000000"}},"childrenDefault":{{}}}}}}}}"#,
			polkadot_sdk::sp_core::hexdisplay::HexDisplay::from(&key)
		);
		let mut ext = exported_state(spec.as_bytes()).expect("a raw state");
		assert_eq!(ext.execute_with(System::block_number), 42);
	}

	/// The civitas-local genesis as the previous runtime (spec 105, real estate at storage
	/// version 1) wrote it.
	fn previous_release_state() -> TestExternalities {
		let mut ext = super::super::chain(crate::genesis_config_presets::CIVITAS_LOCAL_PRESET);
		ext.execute_with(|| {
			for kind in LicenceKind::ALL {
				let rule = LicenceRules::<Runtime>::get(kind).expect("every kind has a rule");
				v1::LicenceRules::<Runtime>::insert(
					kind,
					v1::LicenceRule { role: rule.role, departments: rule.departments },
				);
			}
			StorageVersion::new(1).put::<RealEstate>();
		});
		ext
	}

	#[test]
	fn the_previous_release_state_upgrades_with_every_check() {
		let mut ext = previous_release_state();
		ext.execute_with(|| {
			// The old layout breaks this runtime's invariants until the migration runs.
			assert!(AllPalletsWithSystem::try_state(1, TryStateSelect::All).is_err());
			let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
				.unwrap_or_else(|e| panic!("{e:?}"));
			// Well inside one block.
			let max = crate::configs::RuntimeBlockWeights::get().max_block;
			assert!(weight.all_lt(max / 10), "{weight:?} of {max:?}");
			assert_eq!(
				RealEstate::on_chain_storage_version(),
				RealEstate::in_code_storage_version()
			);
			assert!(LicenceKind::ALL.iter().all(|k| LicenceRules::<Runtime>::get(k).is_some()));
		});
	}

	#[test]
	fn an_upgrade_without_its_migration_fails_the_checks() {
		previous_release_state().execute_with(|| {
			// Only the pallets' own hooks, as if the migration were missing from `Migrations`:
			// the storage-version check and `try_state` refuse it.
			use polkadot_sdk::frame_support::traits::OnRuntimeUpgrade;
			assert!(AllPalletsWithSystem::try_on_runtime_upgrade(true).is_err());
		});
	}
}
