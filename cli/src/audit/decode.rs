//! From decoded events to the index's rows: which department, officer, subject, record, amount
//! and document an event names, read from its fields by name.
//!
//! Our pallets name their fields consistently (`department`, `officer`, `subject`, `bill`, …), so
//! one table of field names (below) normalises every event of every domain, and a new event is
//! indexed without code as long as it follows the naming. Accounts and 32-byte hashes have the
//! same shape once decoded; the field name says which is which.

use subxt::ext::scale_value::{Composite, Primitive, Value, ValueDef};
use subxt::utils::AccountId32;

/// The pallets whose events the index keeps (the chain's own domains and governance).
pub const INDEXED_PALLETS: &[&str] = &[
	"Departments",
	"CivicIdentity",
	"CreditRecords",
	"EBills",
	"RealEstate",
	"FundGrants",
	"Council",
	"Nodes",
	"AccessLog",
];

/// What a field of this name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meaning {
	Department,
	Officer,
	Account,
	Subject,
	/// A party that is a department (`Department(u32)`, `Lender(u32)`) or a subject.
	Party,
	Document,
	Amount,
	/// A record id of the given kind (`bill`, `property`, …).
	Record(&'static str),
}

fn meaning_of(field: &str) -> Option<Meaning> {
	use Meaning::*;
	Some(match field {
		"department" | "lender" | "registrar" | "departments" | "issuers" | "members" => Department,
		"officer" | "by" => Officer,
		"account" | "panel" => Account,
		"subject" | "payer" | "applicant" | "legal_representative" | "buyers" | "subjects" => {
			Subject
		},
		"issuer" | "claimant" | "party" => Party,
		"document_hash" | "deed" | "terms" | "title_certificate" | "evidence" | "comment"
		| "reason" | "reference" | "payment_reference" | "claim_reference" | "commitment"
		| "call_hash" | "case" | "content_hash" => Document,
		"amount" | "price" | "budget" | "requested" | "allocated" | "returned" => Amount,
		"bill" | "bills" | "credit_note" => Record("bill"),
		"property" | "successors" => Record("property"),
		"transfer" => Record("transfer"),
		"record" | "credit_record" => Record("record"),
		"credential" => Record("credential"),
		"application" => Record("application"),
		"program" => Record("program"),
		"motion" => Record("motion"),
		"access" => Record("access"),
		"schema" => Record("schema"),
		"node" => Record("node"),
		_ => return None,
	})
}

/// One thing an event refers to: `kind` is `department`, `officer`, `account`, `subject`,
/// `document` or a record kind (`bill`, `property`, …); `value` is its id as text (a number, a
/// `0x` hash or an SS58 account).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
	pub kind: &'static str,
	pub value: String,
}

/// An event's normalised columns: the first department, officer, subject, record, amount and
/// document it names, all of its references, and its fields as JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventColumns {
	pub department: Option<i64>,
	pub officer: Option<String>,
	pub subject: Option<String>,
	pub record_kind: Option<&'static str>,
	pub record: Option<String>,
	pub amount: Option<u128>,
	pub document: Option<String>,
	pub refs: Vec<Ref>,
	pub fields: serde_json::Value,
}

/// Reads an event's (or a call's) decoded fields (a named composite, as
/// `decode_fields_unchecked_as::<Value>` gives them).
pub fn event_columns(fields: &Value) -> EventColumns {
	let mut columns = EventColumns { fields: to_json(fields, None), ..Default::default() };
	if let ValueDef::Composite(Composite::Named(named)) = &fields.value {
		for (name, value) in named {
			if let Some(meaning) = meaning_of(name) {
				collect(&mut columns, meaning, name, value);
			}
		}
	}
	columns
}

fn push(columns: &mut EventColumns, kind: &'static str, value: String) {
	if !columns.refs.iter().any(|r| r.kind == kind && r.value == value) {
		columns.refs.push(Ref { kind, value });
	}
}

fn collect(columns: &mut EventColumns, meaning: Meaning, name: &str, value: &Value) {
	match &value.value {
		// A struct (a call's `NewBill`): its own fields count by their names.
		ValueDef::Composite(Composite::Named(fields)) => {
			for (name, value) in fields {
				if let Some(meaning) = meaning_of(name) {
					collect(columns, meaning, name, value);
				}
			}
			return;
		},
		// `Option`: look inside `Some`, nothing in `None`.
		ValueDef::Variant(variant) if variant.name == "Some" || variant.name == "None" => {
			for inner in variant.values.values() {
				collect(columns, meaning, name, inner);
			}
			return;
		},
		// Lists (`bills`, `successors`, `buyers`, `subjects`, `panel`, …) and their wrappers
		// (`BoundedVec`): every element; a tuple element (`(subject, share)`) counts by its
		// first field.
		ValueDef::Composite(Composite::Unnamed(items))
			if bytes32(value).is_none() && !TEXT_FIELDS.contains(&name) =>
		{
			// A wrapper of a list (`BoundedVec`): the list inside.
			if let [inner] = items.as_slice() {
				if matches!(inner.value, ValueDef::Composite(Composite::Unnamed(_))) {
					collect(columns, meaning, name, inner);
					return;
				}
			}
			for item in items {
				match &item.value {
					ValueDef::Composite(Composite::Unnamed(tuple))
						if tuple.len() >= 2 && bytes32(item).is_none() =>
					{
						if let Some(first) = tuple.first() {
							collect(columns, meaning, name, first);
						}
					},
					_ => collect(columns, meaning, name, item),
				}
			}
			return;
		},
		_ => {},
	}
	match meaning {
		Meaning::Department => {
			if let Some(id) = number(value).and_then(|n| i64::try_from(n).ok()) {
				columns.department.get_or_insert(id);
				push(columns, "department", id.to_string());
			}
		},
		Meaning::Officer | Meaning::Account => {
			// `by` is an account or an origin (`Account(id)` / `Governance`).
			let account = match &value.value {
				ValueDef::Variant(variant) if variant.name == "Account" => {
					variant.values.values().next().and_then(bytes32)
				},
				_ => bytes32(value),
			};
			if let Some(account) = account {
				let text = AccountId32(account).to_string();
				if meaning == Meaning::Officer {
					columns.officer.get_or_insert_with(|| text.clone());
					push(columns, "officer", text);
				} else {
					push(columns, "account", text);
				}
			}
		},
		Meaning::Subject => {
			if let Some(subject) = bytes32(value) {
				let text = hex32(&subject);
				columns.subject.get_or_insert_with(|| text.clone());
				push(columns, "subject", text);
			}
		},
		Meaning::Party => {
			if let ValueDef::Variant(variant) = &value.value {
				if let Some(inner) = variant.values.values().next() {
					let as_meaning = match variant.name.as_str() {
						"Department" | "Lender" => Meaning::Department,
						"Enterprise" | "Subject" => Meaning::Subject,
						_ => return,
					};
					collect(columns, as_meaning, name, inner);
				}
			}
		},
		Meaning::Document => {
			if let Some(hash) = bytes32(value) {
				let text = hex32(&hash);
				columns.document.get_or_insert_with(|| text.clone());
				push(columns, "document", text);
			}
		},
		Meaning::Amount => {
			if let Some(amount) = number(value) {
				columns.amount.get_or_insert(amount);
			}
		},
		Meaning::Record(kind) => {
			let text = match bytes32(value) {
				Some(hash) => hex32(&hash),
				None => match number(value) {
					Some(n) => n.to_string(),
					None => match bytes(value) {
						Some(raw) => text_or_hex(&raw),
						None => return,
					},
				},
			};
			if columns.record.is_none() {
				columns.record_kind = Some(kind);
				columns.record = Some(text.clone());
			}
			push(columns, kind, text);
		},
	}
}

/// `0x` and 64 hex digits.
pub fn hex32(bytes: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn number(value: &Value) -> Option<u128> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) => Some(*n),
		ValueDef::Primitive(Primitive::I128(n)) => u128::try_from(*n).ok(),
		ValueDef::Composite(Composite::Unnamed(items)) => match items.as_slice() {
			[inner] => number(inner),
			_ => None,
		},
		_ => None,
	}
}

/// The bytes of a `Vec<u8>`, `[u8; N]` or a wrapper of one (`BoundedVec`).
fn bytes(value: &Value) -> Option<Vec<u8>> {
	match &value.value {
		ValueDef::Composite(Composite::Unnamed(items)) => {
			if let [inner] = items.as_slice() {
				if let Some(raw) = bytes(inner) {
					return Some(raw);
				}
			}
			items
				.iter()
				.map(|item| match item.value {
					ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(n).ok(),
					_ => None,
				})
				.collect()
		},
		_ => None,
	}
}

/// A 32-byte hash or account: a one-field wrapper (`H256`, `AccountId32`) of 32 bytes. A bare
/// list of 32 small numbers (32 department ids) is not one.
fn bytes32(value: &Value) -> Option<[u8; 32]> {
	match &value.value {
		ValueDef::Composite(Composite::Unnamed(items)) => match items.as_slice() {
			[inner] => bytes32(inner).or_else(|| bytes(inner).and_then(|raw| raw.try_into().ok())),
			_ => None,
		},
		_ => None,
	}
}

/// The byte-string fields that hold text (names, peer ids).
const TEXT_FIELDS: &[&str] = &["name", "legal_basis", "node", "peer", "pallet"];

fn text_or_hex(raw: &[u8]) -> String {
	match std::str::from_utf8(raw) {
		Ok(text) if !text.is_empty() && text.chars().all(|c| !c.is_control()) => text.to_string(),
		_ => format!("0x{}", hex::encode(raw)),
	}
}

/// The value as JSON: 32-byte values as `0x` hex (SS58 for the account fields), byte strings as
/// text when they are UTF-8, numbers beyond JavaScript's safe integers as strings, variants as
/// `{"Name": fields}` (or `"Name"` without fields).
pub fn to_json(value: &Value, field: Option<&str>) -> serde_json::Value {
	use serde_json::Value as Json;
	let is_account =
		matches!(field.and_then(meaning_of), Some(Meaning::Officer | Meaning::Account));
	if let Some(raw) = bytes32(value) {
		return Json::String(if is_account { AccountId32(raw).to_string() } else { hex32(&raw) });
	}
	if field.is_some_and(|name| TEXT_FIELDS.contains(&name)) {
		if let Some(raw) = bytes(value) {
			return Json::String(text_or_hex(&raw));
		}
	}
	match &value.value {
		ValueDef::Composite(Composite::Named(fields)) => Json::Object(
			fields.iter().map(|(name, v)| (name.clone(), to_json(v, Some(name)))).collect(),
		),
		ValueDef::Composite(Composite::Unnamed(items)) => match items.as_slice() {
			[inner] => to_json(inner, field),
			_ => Json::Array(items.iter().map(|v| to_json(v, field)).collect()),
		},
		ValueDef::Variant(variant) => {
			let inner = match &variant.values {
				Composite::Named(fields) if !fields.is_empty() => Json::Object(
					fields.iter().map(|(name, v)| (name.clone(), to_json(v, Some(name)))).collect(),
				),
				Composite::Unnamed(items) if items.len() == 1 => {
					items.iter().map(|v| to_json(v, field)).next().unwrap_or_default()
				},
				Composite::Unnamed(items) if !items.is_empty() => {
					Json::Array(items.iter().map(|v| to_json(v, field)).collect())
				},
				_ => return Json::String(variant.name.clone()),
			};
			serde_json::json!({ variant.name.clone(): inner })
		},
		ValueDef::Primitive(Primitive::Bool(b)) => Json::Bool(*b),
		ValueDef::Primitive(Primitive::U128(n)) => match u64::try_from(*n) {
			Ok(small) if small < (1 << 53) => Json::from(small),
			_ => Json::String(n.to_string()),
		},
		ValueDef::Primitive(Primitive::I128(n)) => match i64::try_from(*n) {
			Ok(small) if small.unsigned_abs() < (1 << 53) => Json::from(small),
			_ => Json::String(n.to_string()),
		},
		ValueDef::Primitive(other) => Json::String(format!("{other:?}")),
		ValueDef::BitSequence(bits) => Json::String(format!("{bits:?}")),
	}
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
	use super::*;

	fn h256(byte: u8) -> Value {
		Value::unnamed_composite([Value::unnamed_composite(
			(0..32).map(|_| Value::u128(byte.into())),
		)])
	}

	fn named(fields: Vec<(&str, Value)>) -> Value {
		Value::named_composite(fields)
	}

	#[test]
	fn a_bill_event_names_issuer_officer_payer_bill_and_amount() {
		// EBills.BillIssued { bill, issuer: Department(4), by, kind, amount, payer: Some(subject) }
		let event = named(vec![
			("bill", h256(1)),
			("issuer", Value::unnamed_variant("Department", [Value::u128(4)])),
			("by", h256(2)),
			("kind", Value::unnamed_variant("Tax", [])),
			("amount", Value::u128(12_345)),
			("payer", Value::unnamed_variant("Some", [h256(3)])),
		]);
		let columns = event_columns(&event);
		assert_eq!(columns.department, Some(4));
		assert_eq!(columns.officer, Some(AccountId32([2; 32]).to_string()));
		assert_eq!(columns.subject, Some(hex32(&[3; 32])));
		assert_eq!(
			(columns.record_kind, columns.record.clone()),
			(Some("bill"), Some(hex32(&[1; 32])))
		);
		assert_eq!(columns.amount, Some(12_345));
		assert_eq!(columns.document, None);
		assert_eq!(columns.refs.len(), 4);
		assert_eq!(columns.fields["kind"], serde_json::json!("Tax"));
		assert_eq!(columns.fields["issuer"], serde_json::json!({ "Department": 4 }));
		assert_eq!(columns.fields["payer"], serde_json::json!({ "Some": hex32(&[3; 32]) }));
		assert_eq!(columns.fields["by"], serde_json::json!(AccountId32([2; 32]).to_string()));
	}

	#[test]
	fn lists_and_tuples_give_every_element() {
		// RealEstate.TransferOpened's buyers are (subject, share) pairs; a batch names every bill.
		let event = named(vec![
			("property", Value::u128(7)),
			(
				"buyers",
				Value::unnamed_composite([
					Value::unnamed_composite([h256(5), Value::u128(6_000)]),
					Value::unnamed_composite([h256(6), Value::u128(4_000)]),
				]),
			),
			("deed", h256(9)),
			("bills", Value::unnamed_composite([h256(1), h256(2)])),
			("price", Value::u128(u128::MAX)),
		]);
		let columns = event_columns(&event);
		let kinds: Vec<_> = columns.refs.iter().map(|r| (r.kind, r.value.clone())).collect();
		assert_eq!(
			kinds,
			vec![
				("property", "7".to_string()),
				("subject", hex32(&[5; 32])),
				("subject", hex32(&[6; 32])),
				("document", hex32(&[9; 32])),
				("bill", hex32(&[1; 32])),
				("bill", hex32(&[2; 32])),
			]
		);
		assert_eq!(columns.record.as_deref(), Some("7"));
		assert_eq!(columns.amount, Some(u128::MAX));
		assert_eq!(columns.fields["price"], serde_json::json!(u128::MAX.to_string()));
		assert_eq!(columns.fields["buyers"][1][1], serde_json::json!(4_000));
	}

	#[test]
	fn every_element_of_a_bounded_list_of_structs_counts() {
		// EBills.issue_batch's call: `bills: BoundedVec<NewBill>`, each with its content hash.
		let bill =
			|n: u8| named(vec![("number", Value::u128(n.into())), ("content_hash", h256(n))]);
		let call = named(vec![(
			"bills",
			Value::unnamed_composite([Value::unnamed_composite([bill(1), bill(2), bill(3)])]),
		)]);
		let documents: Vec<_> =
			event_columns(&call).refs.into_iter().filter(|r| r.kind == "document").collect();
		assert_eq!(documents.len(), 3);
		assert_eq!(documents[2].value, hex32(&[3; 32]));
	}

	#[test]
	fn governance_origins_and_absent_options_name_nobody() {
		let event = named(vec![
			("program", Value::u128(1)),
			("by", Value::unnamed_variant("Governance", [])),
			("registrar", Value::unnamed_variant("None", [])),
			(
				"name",
				Value::unnamed_composite(b"Tax Bureau".iter().map(|b| Value::u128((*b).into()))),
			),
		]);
		let columns = event_columns(&event);
		assert_eq!(columns.officer, None);
		assert_eq!(columns.department, None);
		assert_eq!(columns.refs, vec![Ref { kind: "program", value: "1".into() }]);
		assert_eq!(columns.fields["name"], serde_json::json!("Tax Bureau"));
		assert_eq!(columns.fields["by"], serde_json::json!("Governance"));
	}
}
