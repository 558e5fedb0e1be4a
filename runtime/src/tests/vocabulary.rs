//! The error and event vocabulary (`docs/vocabulary.md`), read from the runtime's metadata: the
//! names clients and auditors match on hold the project's rules, for every pallet in `pallets/`,
//! including the ones added later. One source for both runtimes' tests (the parachain runtime's
//! include this file by path), each checking the pallets it has.

use alloc::{
	collections::BTreeSet,
	format,
	string::{String, ToString},
	vec::Vec,
};
use polkadot_sdk::frame_support::__private::metadata::RuntimeMetadata;
use scale_info::{PortableRegistry, TypeDef};

/// A pallet's error and event names, as its metadata lists them.
struct PalletNames {
	pallet: String,
	errors: Vec<String>,
	events: Vec<String>,
}

/// Past participles that do not end in `-ed`, as events end.
const IRREGULAR_PARTICIPLES: [&str; 6] = ["Cast", "Given", "Paid", "Sent", "Set", "Withdrawn"];
/// Words a phrasal verb ends with (`BudgetToppedUp`, `GrantClawedBack`).
const PARTICLES: [&str; 2] = ["Back", "Up"];
/// Participles an error may end with without `Not` or `Already`: they name a refusal, not
/// something that happened.
const REFUSAL_PARTICIPLES: [&str; 5] =
	["Exceeded", "Exhausted", "Required", "Unchanged", "Undecided"];

/// `PropertyAlreadyRetired` → `["Property", "Already", "Retired"]`.
fn words(name: &str) -> Vec<&str> {
	let mut words = Vec::new();
	let mut start = 0;
	for (i, c) in name.char_indices().skip(1) {
		if c.is_ascii_uppercase() {
			words.push(&name[start..i]);
			start = i;
		}
	}
	words.push(&name[start..]);
	words
}

fn is_participle(word: &str) -> bool {
	word.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&word)
}

/// Why an error name breaks the vocabulary, if it does.
fn error_violation(name: &str, event_names: &BTreeSet<String>) -> Option<String> {
	let w = words(name);
	let last = *w.last()?;
	let has = |word: &str| w.contains(&word);
	if event_names.contains(name) {
		return Some("carries an event's name: name the refusal (`Already…`, `…Not…`)".into());
	}
	if has("Too") {
		return Some("a bound is `Max<X>Exceeded` or `<X>BelowMinimum`, not `Too…`".into());
	}
	if w[0] == "No" || w[0] == "Unknown" {
		return Some("an absent record is `<X>NotFound`, an empty input `<X>Empty`".into());
	}
	if has("Inactive") {
		return Some("a record in the wrong state is `<X>NotActive`".into());
	}
	if (last == "Exists" && !has("Already")) || has("Taken") {
		return Some("a record that exists is `<X>AlreadyExists`".into());
	}
	if name.ends_with("IdsExhausted") && name != "IdsExhausted" {
		return Some("running out of ids is `IdsExhausted`, one name in every pallet".into());
	}
	if last == "Invalid" {
		return Some("a malformed value is `Invalid<X>`".into());
	}
	// `RecoverExceedsPaid` compares two amounts; `Paid` is not what happened.
	let participle = (is_participle(last) || last.ends_with("en")) && !has("Exceeds");
	if participle && !has("Not") && !has("Already") && !REFUSAL_PARTICIPLES.contains(&last) {
		return Some(format!("ends with `{last}` and reads as success: `Already{last}`, `…Not…`"));
	}
	None
}

/// Why an event name breaks the vocabulary, if it does.
fn event_violation(name: &str) -> Option<String> {
	let mut w = words(name);
	if w.last().is_some_and(|last| PARTICLES.contains(last)) {
		w.pop();
	}
	let verb = w.pop()?;
	if !is_participle(verb) {
		return Some("an event is `<Noun><Participle>`: what happened to what".into());
	}
	if w.is_empty() {
		return Some("an event names its noun: `ApplicationSubmitted`, not `Applied`".into());
	}
	None
}

/// Every rule broken by the names given, one line each.
fn violations(pallets: &[PalletNames], all_event_names: &BTreeSet<String>) -> Vec<String> {
	let mut found = Vec::new();
	for names in pallets {
		for error in &names.errors {
			if let Some(why) = error_violation(error, all_event_names) {
				found.push(format!("{}.{} (error): {why}", names.pallet, error));
			}
		}
		for event in &names.events {
			if let Some(why) = event_violation(event) {
				found.push(format!("{}.{} (event): {why}", names.pallet, event));
			}
		}
	}
	found
}

fn variant_names(types: &PortableRegistry, id: u32) -> Vec<String> {
	match types.resolve(id).map(|ty| &ty.type_def) {
		Some(TypeDef::Variant(def)) => def.variants.iter().map(|v| v.name.clone()).collect(),
		_ => Vec::new(),
	}
}

/// The Rust crate of each pallet in the workspace's `pallets/` (`real-estate` →
/// `pallet_real_estate`) whose directory passes `include`. (The parachain runtime's tests
/// include this file and do not use it.)
#[allow(dead_code)]
pub(super) fn workspace_pallet_crates_where(
	include: impl Fn(&std::path::Path) -> bool,
) -> BTreeSet<String> {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../pallets");
	std::fs::read_dir(&dir)
		.expect("pallets/ is readable")
		.map(|entry| entry.expect("a directory entry").path())
		.filter(|pallet| include(pallet))
		.map(|pallet| {
			let name = pallet.file_name().expect("a name").to_string_lossy().replace('-', "_");
			format!("pallet_{name}")
		})
		.collect()
}

/// The Rust crate of each pallet in the workspace's `pallets/`.
fn workspace_pallet_crates() -> BTreeSet<String> {
	workspace_pallet_crates_where(|_| true)
}

/// Every pallet's error and event names, and whether the pallet is one of ours (its error or
/// event type is declared by a crate in `pallets/`).
fn runtime_names() -> (Vec<PalletNames>, BTreeSet<String>) {
	// With externalities: a parachain's metadata reads its para id (a constant of its
	// parachain system pallet) from storage.
	let metadata =
		polkadot_sdk::sp_io::TestExternalities::default().execute_with(crate::Runtime::metadata);
	let RuntimeMetadata::V14(metadata) = metadata.1 else {
		panic!("the runtime's metadata is V14")
	};
	let types = &metadata.types;
	let ours = workspace_pallet_crates();
	let crate_of = |id: u32| {
		types.resolve(id).and_then(|ty| ty.path.segments.first().cloned()).unwrap_or_default()
	};
	let mut civitas = Vec::new();
	let mut all_events = BTreeSet::new();
	for pallet in &metadata.pallets {
		let errors = pallet.error.as_ref().map(|e| variant_names(types, e.ty.id));
		let events = pallet.event.as_ref().map(|e| variant_names(types, e.ty.id));
		all_events.extend(events.clone().unwrap_or_default());
		let declared_by =
			pallet.error.as_ref().map(|e| e.ty.id).or(pallet.event.as_ref().map(|e| e.ty.id));
		if declared_by.is_some_and(|id| ours.contains(&crate_of(id))) {
			civitas.push(PalletNames {
				pallet: pallet.name.clone(),
				errors: errors.unwrap_or_default(),
				events: events.unwrap_or_default(),
			});
		}
	}
	(civitas, all_events)
}

#[test]
fn every_error_and_event_name_keeps_the_vocabulary() {
	let (pallets, all_events) = runtime_names();
	let workspace = workspace_pallet_crates();
	assert_eq!(
		pallets.len(),
		workspace.len() - super::PALLETS_ELSEWHERE.len(),
		"every pallet in pallets/ is in the runtime, but those only the other runtime has"
	);
	assert!(pallets.iter().map(|p| p.errors.len()).sum::<usize>() > 100);
	let found = violations(&pallets, &all_events);
	assert!(found.is_empty(), "names that break docs/vocabulary.md:\n{}", found.join("\n"));
}

#[test]
fn the_vocabulary_rules_refuse_the_old_names() {
	let events: BTreeSet<String> =
		["PropertyRetired", "DepartmentSuspended"].iter().map(ToString::to_string).collect();
	let pallet = |errors: &[&str], event_names: &[&str]| PalletNames {
		pallet: "RealEstate".into(),
		errors: errors.iter().map(ToString::to_string).collect(),
		events: event_names.iter().map(ToString::to_string).collect(),
	};
	let bad = pallet(
		&[
			"PropertyRetired",
			"TooManyOwners",
			"CallTooLarge",
			"NoTransfer",
			"UnknownPayer",
			"LicenceExists",
			"CadastralRefTaken",
			"RecordIdsExhausted",
			"NumberInvalid",
			"IssuerInactive",
			"LicenceExpired",
			"PropertyFrozen",
			"Encumbered",
		],
		&["Applied", "ClawedBack", "Withdrawn", "VoteOnMotion"],
	);
	let found = violations(&[bad], &events);
	assert_eq!(found.len(), 17, "{found:#?}");

	let good = pallet(
		&[
			"PropertyAlreadyRetired",
			"MaxOwnersExceeded",
			"ValidatorsBelowMinimum",
			"TransferNotFound",
			"LicenceAlreadyExists",
			"IdsExhausted",
			"InvalidNumber",
			"IssuerNotActive",
			"AlreadyConsented",
			"SecondOfficerRequired",
			"NotAuthorized",
			"PropertyUnderFreeze",
		],
		&["ApplicationSubmitted", "GrantClawedBack", "BudgetToppedUp", "VoteCast", "PanelSet"],
	);
	assert_eq!(violations(&[good], &events), Vec::<String>::new());
}
