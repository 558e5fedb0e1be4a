//! The `city-day` workload: a day of the city's administration in proportions, each department's
//! officer doing what it is entitled to do on the dev chain's demo city, no setup needed.
//!
//! | stream       | officer (department)           | transactions                                 |
//! |--------------|--------------------------------|----------------------------------------------|
//! | billing run  | `//Eve//stash` (power company) | `e_bills.issue_batch` of 100 electricity bills |
//! | invoices     | `//Ferdie` (Tax Bureau)        | `e_bills.issue` of an invoice it issues on a taxpayer's behalf to person 1, then `e_bills.mark_paid` when paid |
//! | claims       | `//Alice//stash` (Finance)     | `e_bills.claim_reimbursement` of each invoice, once paid (person 1 authorised its employer) |
//! | registration | `//Charlie` (Market Regulation)| `civic_identity.register_subject` of a new enterprise, then three `credit_records.record` on it |
//! | audit        | `//Dave//stash` (Audit Office) | `access_log.log_access` of a demo subject's records under public audit |
//!
//! [`UNIT`] says how many of each make one unit of the day (per billing run of 100 bills: ten
//! invoices paid and claimed, one enterprise registered with three credit records, five audited
//! reads); the harness submits unit after unit. A claim waits until its invoice is paid in a
//! block the harness has seen: the claims stream never sends one the chain would refuse.

use std::sync::atomic::Ordering;

use anyhow::Result;
use civitas_client::{
	blake2_256,
	civitas::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			civitas_primitives::{bills::BillKind, credit::CreditCategory, identity::SubjectKind},
			pallet_access_log::types::RecordKind,
			pallet_e_bills::types::NewBill,
		},
	},
};
use subxt::{ext::codec::Encode, utils::H256};

use super::{bill, sign, At, Sender, Work};

/// One stream of the day: an officer's kind of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
	/// The power company's monthly bills, a run at a time.
	BillingRun,
	/// Invoices the Tax Bureau issues for taxpayers, and their payment.
	Invoices,
	/// The Finance Bureau's reimbursement claims of paid invoices.
	Claims,
	/// New enterprises and market-regulation credit records.
	Registration,
	/// The Audit Office's logged reads.
	Audit,
}

/// The officers of the streams, in the order of [`Stream`]'s variants.
pub const ACCOUNTS: [(&str, Stream); 5] = [
	("//Eve//stash", Stream::BillingRun),
	("//Ferdie", Stream::Invoices),
	("//Alice//stash", Stream::Claims),
	("//Charlie", Stream::Registration),
	("//Dave//stash", Stream::Audit),
];

/// One unit of the day: how many transactions of each stream, by index into [`ACCOUNTS`].
pub const UNIT: [(usize, u64); 5] = [(0, 1), (1, 20), (2, 10), (3, 4), (4, 5)];

/// Bills in one billing run.
pub const RUN_BILLS: u32 = 100;

/// About how many transactions of the day fill a block (a unit weighs about 30 ms).
pub const PER_BLOCK: u64 = 1_300;

/// The Tax Bureau's department id and the Audit Office's purpose `PUBLIC_AUDIT`.
const TAX: u32 = 4;
const PUBLIC_AUDIT: u16 = 7;
/// A year of blocks: how long a credit record is published.
const YEAR: u32 = 365 * 14_400;

/// A demo-city subject id: `blake2_256` of its label.
fn dev_id(label: &str) -> H256 {
	H256(blake2_256(label.as_bytes()))
}

fn person_1() -> H256 {
	dev_id("civitas-dev/person/1")
}

/// The Tax Bureau's `k`th invoice of the run: its number and its id on chain
/// (`blake2_256(SCALE((issuer, number)))`, the number already in the chain's normal form).
fn invoice(run: &str, k: u64) -> (String, H256) {
	let number = format!("T-{run}-{k:09}");
	// `Issuer::Department(TAX)` encodes as its variant's index and the id.
	let issuer = (0u8, TAX);
	let id = blake2_256(&(issuer, number.as_bytes()).encode());
	(number, H256(id))
}

/// An invoice's amount (fen), its value-added tax included.
const INVOICE_AMOUNT: u128 = 11_300;
const INVOICE_TAX: u128 = INVOICE_AMOUNT * 13 / 113;

/// `i` modulo `n`, as an index.
fn index(i: u64, n: u64) -> usize {
	usize::try_from(i.checked_rem(n).unwrap_or_default()).unwrap_or_default()
}

impl Stream {
	/// Whether its transactions wait for the chain: a claim, for its invoice to be paid.
	fn waits(self) -> bool {
		self == Self::Claims
	}

	/// Whether the stream's `i`th transaction may be signed now.
	pub fn ready(self, work: &Work, i: u64) -> bool {
		!self.waits() || work.paid.load(Ordering::Relaxed) > i
	}

	/// The stream's `i`th transaction, signed by `sender` with `params`.
	pub fn sign(
		self,
		at: &At,
		work: &Work,
		sender: &Sender,
		i: u64,
		params: super::Params,
	) -> Result<Vec<u8>> {
		let tx = civitas::transactions();
		let key = &sender.keypair;
		let hash = |what: &str| H256(blake2_256(format!("{what}/{}/{i}", work.run).as_bytes()));
		match self {
			Self::BillingRun => {
				let first = i.saturating_mul(u64::from(RUN_BILLS));
				let bills = (first..first.saturating_add(u64::from(RUN_BILLS)))
					.map(|n| bill(&work.run, sender.index, n))
					.collect();
				sign(at, &tx.e_bills().issue_batch(BoundedVec(bills)), params, key)
			},
			// Issue invoice k, then mark it paid.
			Self::Invoices => {
				let k = i.checked_div(2).unwrap_or_default();
				let (number, id) = invoice(&work.run, k);
				if i.is_multiple_of(2) {
					let invoice = NewBill {
						content_hash: H256(blake2_256(number.as_bytes())),
						number: BoundedVec(number.into_bytes()),
						payer: Some(person_1()),
						kind: BillKind::Invoice,
						amount: INVOICE_AMOUNT,
						tax_amount: INVOICE_TAX,
						currency: *b"CNY",
						due: None,
					};
					sign(at, &tx.e_bills().issue(invoice), params, key)
				} else {
					sign(at, &tx.e_bills().mark_paid(id, hash("payment")), params, key)
				}
			},
			Self::Claims => {
				let (_, id) = invoice(&work.run, i);
				let call = tx.e_bills().claim_reimbursement(id, INVOICE_AMOUNT, hash("claim"));
				sign(at, &call, params, key)
			},
			// Register enterprise j, then record three decisions on it.
			Self::Registration => {
				let j = i.checked_div(4).unwrap_or_default();
				let enterprise = H256(blake2_256(
					format!("civitas-bench/{}/enterprise/{j}", work.run).as_bytes(),
				));
				if i.is_multiple_of(4) {
					let call = tx.civic_identity().register_subject(
						enterprise,
						SubjectKind::Enterprise,
						hash("commitment"),
						None,
					);
					sign(at, &call, params, key)
				} else {
					let delta = if i.checked_rem(4) == Some(2) { 5 } else { -10 };
					let call = tx.credit_records().record(
						enterprise,
						CreditCategory::MarketRegulation,
						delta,
						hash("evidence"),
						YEAR,
					);
					sign(at, &call, params, key)
				}
			},
			Self::Audit => {
				let subjects = [
					"civitas-dev/person/1",
					"civitas-dev/person/2",
					"civitas-dev/enterprise/1",
					"civitas-dev/enterprise/2",
				];
				let subject = subjects.get(index(i, 4)).copied().unwrap_or_default();
				let kind = match i.checked_rem(3) {
					Some(0) => RecordKind::Bills,
					Some(1) => RecordKind::Credit,
					_ => RecordKind::Identity,
				};
				let call = tx.access_log().log_access(
					dev_id(subject),
					kind,
					PUBLIC_AUDIT,
					Some(hash("case")),
				);
				sign(at, &call, params, key)
			},
		}
	}
}

/// Takes the streams' signed transactions (one receiver per entry of [`ACCOUNTS`], in its order)
/// unit by unit ([`UNIT`]) and passes them on in that mix. A stream that waits for the chain
/// (claims) gives what it has ready, up to twice its share, so it catches up after a wait. Ends
/// when `out` is closed or a stream ends.
pub fn mix(
	mut streams: Vec<tokio::sync::mpsc::Receiver<Result<Vec<u8>>>>,
	out: tokio::sync::mpsc::Sender<Result<Vec<u8>>>,
) {
	loop {
		for (stream, count) in UNIT {
			let Some(receiver) = streams.get_mut(stream) else { return };
			let waits = ACCOUNTS.get(stream).is_some_and(|(_, s)| s.waits());
			let take = if waits { count.saturating_mul(2) } else { count };
			for _ in 0..take {
				let next = if waits {
					match receiver.try_recv() {
						Ok(next) => next,
						Err(tokio::sync::mpsc::error::TryRecvError::Empty) => break,
						Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => return,
					}
				} else {
					match receiver.blocking_recv() {
						Some(next) => next,
						None => return,
					}
				};
				let failed = next.is_err();
				if out.blocking_send(next).is_err() || failed {
					return;
				}
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_invoice_id_is_the_chains() {
		// The pallet's `bill_id(Department(4), b"T-1-000000000")`, as the e-bills pallet
		// computes it: `blake2_256` of the SCALE encoding of the issuer and the number.
		let (number, id) = invoice("1", 0);
		assert_eq!(number, "T-1-000000000");
		let mut encoded = vec![0u8, 4, 0, 0, 0, 13 << 2];
		encoded.extend_from_slice(number.as_bytes());
		assert_eq!(id, H256(blake2_256(&encoded)));
	}

	#[test]
	fn the_units_name_every_stream_once() {
		let mut streams: Vec<usize> = UNIT.iter().map(|(s, _)| *s).collect();
		streams.sort();
		assert_eq!(streams, (0..ACCOUNTS.len()).collect::<Vec<_>>());
	}
}
