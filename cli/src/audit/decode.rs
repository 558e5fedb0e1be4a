//! From decoded events to the index's rows: which department, officer, subject, record, amount
//! and document an event names, read from its fields by name.
//!
//! Our pallets name their fields consistently (`department`, `officer`, `subject`, `bill`, …), so
//! one table of field names (below) normalises every event of every domain, and a new event is
//! indexed without code as long as it follows the naming. Accounts and 32-byte hashes have the
//! same shape once decoded; the field name says which is which.

use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use subxt::ext::{
	scale_decode,
	scale_value::{self, Composite, Primitive, Value, ValueDef},
};
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
	"Validators",
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
pub fn event_columns(fields: &Value<u32>, types: &PortableRegistry) -> EventColumns {
	let mut columns = EventColumns { fields: to_json(fields, types, None), ..Default::default() };
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

fn collect<T>(columns: &mut EventColumns, meaning: Meaning, name: &str, value: &Value<T>) {
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

fn number<T>(value: &Value<T>) -> Option<u128> {
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
fn bytes<T>(value: &Value<T>) -> Option<Vec<u8>> {
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
fn bytes32<T>(value: &Value<T>) -> Option<[u8; 32]> {
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

/// Decodes the fields of an event or call variant, each value carrying its type id.
pub fn decode_fields(
	mut bytes: &[u8],
	fields: &[scale_info::Field<PortableForm>],
	types: &PortableRegistry,
) -> anyhow::Result<Value<u32>> {
	let mut iter = fields.iter().map(|f| scale_decode::Field::new(f.ty.id, f.name.as_deref()));
	let composite = scale_value::scale::decode_as_fields(&mut bytes, &mut iter, types)
		.map_err(|e| anyhow::anyhow!("{e}"))?;
	Ok(Value { value: ValueDef::Composite(composite), context: 0 })
}

/// The value as JSON, read with its types: byte strings as `0x` hex (as text for the text
/// fields), accounts in SS58, wrappers (`H256`, `BoundedVec`) as what they wrap, lists always as
/// arrays, numbers beyond JavaScript's safe integers as strings, variants as `{"Name": fields}`
/// (or `"Name"` without fields).
pub fn to_json(
	value: &Value<u32>,
	types: &PortableRegistry,
	field: Option<&str>,
) -> serde_json::Value {
	use serde_json::Value as Json;
	let json = |v: &Value<u32>| to_json(v, types, field);
	let named = |fields: &[(String, Value<u32>)]| {
		Json::Object(fields.iter().map(|(n, v)| (n.clone(), to_json(v, types, Some(n)))).collect())
	};
	let ty = types.resolve(value.context);
	if ty.is_some_and(|ty| ty.path.segments.last().is_some_and(|s| s == "AccountId32")) {
		if let Some(account) = bytes32(value) {
			return Json::String(AccountId32(account).to_string());
		}
	}
	let element = ty.and_then(|ty| match &ty.type_def {
		TypeDef::Sequence(seq) => Some(seq.type_param.id),
		TypeDef::Array(array) => Some(array.type_param.id),
		_ => None,
	});
	if let Some(element) = element {
		let of_bytes = matches!(
			types.resolve(element).map(|t| &t.type_def),
			Some(TypeDef::Primitive(TypeDefPrimitive::U8))
		);
		if let (true, Some(raw)) = (of_bytes, bytes(value)) {
			let text = field.is_some_and(|name| TEXT_FIELDS.contains(&name));
			return Json::String(if text {
				text_or_hex(&raw)
			} else {
				format!("0x{}", hex::encode(&raw))
			});
		}
		if let ValueDef::Composite(composite) = &value.value {
			return Json::Array(composite.values().map(json).collect());
		}
	}
	let newtype = ty.is_some_and(|ty| {
		matches!(&ty.type_def,
		TypeDef::Composite(c) if c.fields.len() == 1 && c.fields.iter().all(|f| f.name.is_none()))
	});
	match &value.value {
		ValueDef::Composite(Composite::Named(fields)) => named(fields),
		ValueDef::Composite(Composite::Unnamed(items)) => match items.as_slice() {
			[inner] if newtype => json(inner),
			_ => Json::Array(items.iter().map(json).collect()),
		},
		ValueDef::Variant(variant) => {
			let inner = match &variant.values {
				Composite::Named(fields) if !fields.is_empty() => named(fields),
				Composite::Unnamed(items) => match items.as_slice() {
					[] => return Json::String(variant.name.clone()),
					[inner] => json(inner),
					_ => Json::Array(items.iter().map(json).collect()),
				},
				Composite::Named(_) => return Json::String(variant.name.clone()),
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
		ValueDef::Primitive(Primitive::String(text)) => Json::String(text.clone()),
		ValueDef::Primitive(other) => Json::String(format!("{other:?}")),
		ValueDef::BitSequence(bits) => Json::String(format!("{bits:?}")),
	}
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
	//! Real SCALE data of types shaped like the runtime's, decoded with their type registry, as
	//! the indexer decodes a block's events with its metadata.
	use super::*;
	use parity_scale_codec::Encode;
	use scale_info::{MetaType, Registry, TypeInfo};

	#[derive(Encode, TypeInfo)]
	struct H256([u8; 32]);
	#[derive(Encode, TypeInfo)]
	struct AccountId32([u8; 32]);
	#[derive(Encode, TypeInfo)]
	struct BoundedVec<T>(Vec<T>);
	#[derive(Encode, TypeInfo)]
	enum Issuer {
		Department(u32),
		#[allow(dead_code)]
		Enterprise(H256),
	}
	#[derive(Encode, TypeInfo)]
	enum Kind {
		#[allow(dead_code)]
		Bills,
		Tax,
	}
	#[derive(Encode, TypeInfo)]
	enum Origin {
		Governance,
		#[allow(dead_code)]
		Account(AccountId32),
	}

	/// Decodes `value` as the indexer does: encoded, then read back with the type registry.
	fn decoded<V: Encode + TypeInfo + 'static>(value: V) -> (Value<u32>, PortableRegistry) {
		let mut registry = Registry::new();
		let id = registry.register_type(&MetaType::new::<V>()).id;
		let types: PortableRegistry = registry.into();
		let bytes = value.encode();
		let decoded = scale_value::scale::decode_as_type(&mut &bytes[..], id, &types).unwrap();
		(decoded, types)
	}

	fn columns<V: Encode + TypeInfo + 'static>(value: V) -> EventColumns {
		let (value, types) = decoded(value);
		event_columns(&value, &types)
	}

	#[test]
	fn a_bill_event_names_issuer_officer_payer_bill_and_amount() {
		#[derive(Encode, TypeInfo)]
		struct BillIssued {
			bill: H256,
			issuer: Issuer,
			by: AccountId32,
			kind: Kind,
			amount: u128,
			payer: Option<H256>,
		}
		let c = columns(BillIssued {
			bill: H256([1; 32]),
			issuer: Issuer::Department(4),
			by: AccountId32([2; 32]),
			kind: Kind::Tax,
			amount: 12_345,
			payer: Some(H256([3; 32])),
		});
		let officer = subxt::utils::AccountId32([2; 32]).to_string();
		assert_eq!(c.department, Some(4));
		assert_eq!(c.officer.as_deref(), Some(officer.as_str()));
		assert_eq!(c.subject, Some(hex32(&[3; 32])));
		assert_eq!((c.record_kind, c.record.clone()), (Some("bill"), Some(hex32(&[1; 32]))));
		assert_eq!(c.amount, Some(12_345));
		assert_eq!(c.document, None);
		assert_eq!(c.refs.len(), 4);
		assert_eq!(
			c.fields,
			serde_json::json!({
				"bill": hex32(&[1; 32]), "issuer": { "Department": 4 }, "by": officer,
				"kind": "Tax", "amount": 12_345, "payer": { "Some": hex32(&[3; 32]) },
			})
		);
	}

	#[test]
	fn lists_stay_lists_and_every_element_counts() {
		#[derive(Encode, TypeInfo)]
		struct Event {
			property: u64,
			buyers: BoundedVec<(H256, u16)>,
			deed: H256,
			bills: BoundedVec<H256>,
			subjects: BoundedVec<(H256, Kind)>,
			successors: Vec<u64>,
			price: u128,
			name: BoundedVec<u8>,
		}
		let c = columns(Event {
			property: 7,
			buyers: BoundedVec(vec![(H256([5; 32]), 6_000), (H256([6; 32]), 4_000)]),
			deed: H256([9; 32]),
			bills: BoundedVec(vec![H256([1; 32])]),
			subjects: BoundedVec(vec![(H256([5; 32]), Kind::Tax)]),
			successors: vec![8, 9],
			price: u128::MAX,
			name: BoundedVec(b"Tax Bureau".to_vec()),
		});
		let refs: Vec<_> = c.refs.iter().map(|r| (r.kind, r.value.clone())).collect();
		assert_eq!(
			refs,
			vec![
				("property", "7".to_string()),
				("subject", hex32(&[5; 32])),
				("subject", hex32(&[6; 32])),
				("document", hex32(&[9; 32])),
				("bill", hex32(&[1; 32])),
				("property", "8".to_string()),
				("property", "9".to_string()),
			]
		);
		assert_eq!(c.record.as_deref(), Some("7"));
		assert_eq!(c.amount, Some(u128::MAX));
		// A list of one is still a list; a tuple is an array; text fields are text.
		assert_eq!(c.fields["bills"], serde_json::json!([hex32(&[1; 32])]));
		assert_eq!(c.fields["subjects"], serde_json::json!([[hex32(&[5; 32]), "Tax"]]));
		assert_eq!(c.fields["buyers"][1], serde_json::json!([hex32(&[6; 32]), 4_000]));
		assert_eq!(c.fields["successors"], serde_json::json!([8, 9]));
		assert_eq!(c.fields["price"], serde_json::json!(u128::MAX.to_string()));
		assert_eq!(c.fields["name"], serde_json::json!("Tax Bureau"));
	}

	#[test]
	fn every_element_of_a_bounded_list_of_structs_counts() {
		// EBills.issue_batch's call: `bills: BoundedVec<NewBill>`, each with its content hash.
		#[derive(Encode, TypeInfo)]
		struct NewBill {
			number: BoundedVec<u8>,
			content_hash: H256,
		}
		#[derive(Encode, TypeInfo)]
		struct IssueBatch {
			bills: BoundedVec<NewBill>,
		}
		let bill =
			|n: u8| NewBill { number: BoundedVec(vec![b'A', n]), content_hash: H256([n; 32]) };
		let c = columns(IssueBatch { bills: BoundedVec(vec![bill(1), bill(2), bill(3)]) });
		let documents: Vec<_> = c.refs.into_iter().filter(|r| r.kind == "document").collect();
		assert_eq!(documents.len(), 3);
		assert_eq!(documents[2].value, hex32(&[3; 32]));
		assert_eq!(c.fields["bills"][0]["number"], serde_json::json!("0x4101"));
	}

	#[test]
	fn governance_origins_and_absent_options_name_nobody() {
		#[derive(Encode, TypeInfo)]
		struct ProgramCreated {
			program: u32,
			by: Origin,
			registrar: Option<u32>,
		}
		let c = columns(ProgramCreated { program: 1, by: Origin::Governance, registrar: None });
		assert_eq!(c.officer, None);
		assert_eq!(c.department, None);
		assert_eq!(c.refs, vec![Ref { kind: "program", value: "1".into() }]);
		assert_eq!(c.fields["by"], serde_json::json!("Governance"));
		assert_eq!(c.fields["registrar"], serde_json::json!("None"));
	}
}
