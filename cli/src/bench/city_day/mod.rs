//! The `city-day` workload: a day of the city's administration in proportions, each department's
//! officer doing what it is entitled to do on the dev chain's demo city.
//!
//! | stream       | officer (department)           | transactions                                 |
//! |--------------|--------------------------------|----------------------------------------------|
//! | billing run  | `//Eve//stash` (power company) | `e_bills.issue_batch` of 100 electricity bills |
//! | invoices     | `//Ferdie` (Tax Bureau)        | `e_bills.issue` of an invoice it issues on a taxpayer's behalf to person 1, then `e_bills.mark_paid` when paid |
//! | claims       | `//Alice//stash` (Finance)     | `e_bills.claim_reimbursement` of each invoice, once paid (person 1 authorised its employer) |
//! | registration | `//Charlie` (Market Regulation)| `civic_identity.register_subject` of a new enterprise, then three `credit_records.record` on it |
//! | audit        | `//Dave//stash` (Audit Office) | `access_log.log_access` of a demo subject's records under public audit |
//! | grantee      | an enterprise's own account    | `fund_grants.apply` to the demo rent-subsidy program, then `fund_grants.submit_milestone` of each of its [`MILESTONES`] |
//! | committee    | `//Bob//stash` (Science Commission, the program's panel) | `fund_grants.review` of each application, `fund_grants.approve_milestone` of each submitted milestone |
//! | treasury     | `//Alice//stash//fund` (Finance, a second officer) | `fund_grants.record_payout` of each approved milestone |
//! | conveyancing | `//Dave` (Planning, the land registry) | `real_estate.open_transfer` of the run's flat to the other party, then `real_estate.record_consent` of the party without keys, from its signed paper |
//! | party        | a person's own account         | `real_estate.consent` to each transfer, as its seller or its buyer |
//! | completion   | `//Dave//land` (Planning, a second registrar) | `real_estate.complete_transfer` once both parties have consented |
//!
//! [`UNIT`] says how many of each make one unit of the day (per billing run of 100 bills: ten
//! invoices paid and claimed, one enterprise registered with three credit records, five audited
//! reads); the harness submits unit after unit. A claim waits until its invoice is paid in a
//! block the harness has seen: the claims stream never sends one the chain would refuse.
//!
//! The special fund's grants go at the chain's pace rather than in proportion: each step waits
//! for the one it depends on to be in a block the harness has seen (the committee reviews an
//! application once it is filed, the grantee submits a milestone once the previous one is
//! approved, the treasury pays a milestone once it is approved, the grantee applies again once
//! its grant is paid out), about one grant step every block. They need an enterprise with its
//! own account and a treasury officer who is not the claims officer.
//!
//! So do a flat's conveyances, back and forth between two people: one with keys of its own, who
//! consents itself, and one without, whose signed consent the registry records. The registry
//! opens a transfer once the one before is complete; the parties consent once it is open; a
//! second registrar, who neither opened it nor recorded a consent (four eyes), completes it once
//! both consents are in a block: a conveyance every three blocks or so. The flat carries its
//! construction-completion acceptance from the Housing Commission, as every residential
//! property being transferred must.
//!
//! [`setup::setup`] makes what the waiting streams need before the day starts: a new enterprise
//! and account, two people, one linked to its own account, and the flat, each run; the two
//! second officers once per chain.

use std::sync::{
	atomic::{AtomicU64, Ordering},
	Mutex,
};

use anyhow::{anyhow, Result};
use civitas_client::{
	blake2_256,
	civitas::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			civitas_primitives::{bills::BillKind, credit::CreditCategory, identity::SubjectKind},
			pallet_access_log::types::RecordKind,
			pallet_e_bills::types::NewBill,
			pallet_fund_grants::types::MilestonePlan,
		},
	},
};
use serde::{Deserialize, Serialize};
pub use setup::setup;
use subxt::{ext::codec::Encode, utils::H256};
use subxt_signer::sr25519::Keypair;

use super::{bill, sign, At, BlockStats, Sender, Work};

mod setup;

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
	/// An enterprise's grant applications and milestones, through its own account.
	Grantee,
	/// The special fund's committee: reviews and milestone approvals.
	Committee,
	/// The special fund's treasury: payouts.
	Treasury,
	/// The land registry's conveyancing: transfers opened, consents on paper recorded.
	Conveyancing,
	/// A flat's owner or buyer with keys, consenting through its own account.
	Party,
	/// A second land registrar: transfers completed.
	Completion,
}

/// The streams' accounts, in the order of [`Stream`]'s variants. The grantee's and the party's
/// are this run's ([`uri`]).
pub const ACCOUNTS: [(&str, Stream); 11] = [
	("//Eve//stash", Stream::BillingRun),
	("//Ferdie", Stream::Invoices),
	("//Alice//stash", Stream::Claims),
	("//Charlie", Stream::Registration),
	("//Dave//stash", Stream::Audit),
	("//Alice//bench//grantee", Stream::Grantee),
	("//Bob//stash", Stream::Committee),
	("//Alice//stash//fund", Stream::Treasury),
	("//Dave", Stream::Conveyancing),
	("//Alice//bench//party", Stream::Party),
	("//Dave//land", Stream::Completion),
];

/// One unit of the day: how many transactions of each stream, by index into [`ACCOUNTS`]. The
/// grant and conveyancing streams give what the chain lets them (about one step a block), up
/// to twice this.
pub const UNIT: [(usize, u64); 11] =
	[(0, 1), (1, 20), (2, 10), (3, 4), (4, 5), (5, 1), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1)];

/// The account of `stream` in this run: the grantee's and the party's are new each run (an
/// earlier run that stopped may have left an application or a transfer open), the officers' are
/// fixed.
pub fn uri(stream: Stream, base: &str, run: &str) -> String {
	match stream {
		Stream::Grantee | Stream::Party => format!("{base}//{run}"),
		_ => base.to_string(),
	}
}

/// Bills in one billing run.
pub const RUN_BILLS: u32 = 100;

/// About how many transactions of the day fill a block (a unit weighs about 30 ms).
pub const PER_BLOCK: u64 = 1_300;

/// The Planning Commission's, the Tax Bureau's and the Finance Bureau's department ids, and the
/// Audit Office's purpose `PUBLIC_AUDIT`.
const PLANNING: u32 = 2;
const TAX: u32 = 4;
const FINANCE: u32 = 5;
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

/// The demo city's special-fund program (a start-up rent subsidy, `//Bob//stash` its one-member
/// panel, Finance its treasury).
const PROGRAM: u32 = 0;
/// Milestones of each grant, and the amount paid on each (fen).
pub const MILESTONES: u64 = 4;
const MILESTONE_AMOUNT: u128 = 1_250_000;
/// The share of a sole owner, and the flat's price (fen).
const WHOLE: u16 = 1000;
const PRICE: u128 = 300_000_000;
/// What each account the setup makes (the grantee's, the party's, the two second officers') is
/// given for its fees.
const FEES: u128 = 100_000_000_000_000;

/// `i` modulo `n`, as an index.
fn index(i: u64, n: u64) -> usize {
	usize::try_from(i.checked_rem(n).unwrap_or_default()).unwrap_or_default()
}

/// Which group of `n` a stream's `i`th transaction is in, and its place in the group (a stream
/// that repeats a cycle of `n` transactions).
fn split(i: u64, n: u64) -> (u64, u64) {
	(i.checked_div(n).unwrap_or_default(), i.checked_rem(n).unwrap_or_default())
}

/// An id of this run's making: `blake2_256` of `civitas-bench/<run>/<label>`.
fn run_hash(run: &str, label: &str) -> H256 {
	H256(blake2_256(format!("civitas-bench/{run}/{label}").as_bytes()))
}

/// The steps the waiting streams wait for, in blocks the harness has seen, by the event each
/// step emits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Steps {
	/// `FundGrants.ApplicationSubmitted`.
	pub applied: u64,
	/// `FundGrants.ApplicationReviewed`.
	pub reviewed: u64,
	/// `FundGrants.MilestoneSubmitted`.
	pub submitted: u64,
	/// `FundGrants.MilestoneApproved`.
	pub approved: u64,
	/// `FundGrants.MilestonePaid`.
	pub paid_out: u64,
	/// `RealEstate.TransferOpened`.
	#[serde(default)]
	pub opened: u64,
	/// `RealEstate.ConsentGiven`.
	#[serde(default)]
	pub consented: u64,
	/// `RealEstate.TransferCompleted`.
	#[serde(default)]
	pub completed: u64,
}

impl Steps {
	/// Whether it counted none.
	pub fn is_empty(&self) -> bool {
		self == &Self::default()
	}

	/// The counters, in the order of the fields.
	fn counters(&mut self) -> [&mut u64; 8] {
		[
			&mut self.applied,
			&mut self.reviewed,
			&mut self.submitted,
			&mut self.approved,
			&mut self.paid_out,
			&mut self.opened,
			&mut self.consented,
			&mut self.completed,
		]
	}

	/// Counts `event` if it is a step's.
	pub fn count(&mut self, pallet: &str, event: &str) {
		let counter = match (pallet, event) {
			("FundGrants", "ApplicationSubmitted") => &mut self.applied,
			("FundGrants", "ApplicationReviewed") => &mut self.reviewed,
			("FundGrants", "MilestoneSubmitted") => &mut self.submitted,
			("FundGrants", "MilestoneApproved") => &mut self.approved,
			("FundGrants", "MilestonePaid") => &mut self.paid_out,
			("RealEstate", "TransferOpened") => &mut self.opened,
			("RealEstate", "ConsentGiven") => &mut self.consented,
			("RealEstate", "TransferCompleted") => &mut self.completed,
			_ => return,
		};
		*counter = counter.saturating_add(1);
	}

	/// Adds `other`'s counts.
	fn add(&mut self, mut other: Self) {
		for (counter, n) in self.counters().into_iter().zip(other.counters()) {
			*counter = counter.saturating_add(*n);
		}
	}
}

/// What the chain has done of the run so far, in the blocks the harness has seen: what the
/// waiting streams wait for.
#[derive(Debug, Default)]
pub struct Progress {
	/// Bills marked paid.
	pub bills_paid: AtomicU64,
	steps: Mutex<Steps>,
}

impl Progress {
	/// Adds a block's.
	pub fn add(&self, block: &BlockStats) {
		self.bills_paid.fetch_add(block.bills_paid, Ordering::Relaxed);
		if let Ok(mut steps) = self.steps.lock() {
			steps.add(block.steps);
		}
	}

	/// The steps so far.
	fn steps(&self) -> Steps {
		self.steps.lock().map(|steps| *steps).unwrap_or_default()
	}
}

/// What [`setup`] made for the run: its grants' and its conveyances'.
#[derive(Clone, Copy, Debug)]
pub struct Day {
	pub grants: Grants,
	pub conveyances: Conveyances,
}

/// The run's grants.
#[derive(Clone, Copy, Debug)]
pub struct Grants {
	/// The id its first application gets (the chain's next one when the day starts).
	pub first_application: u64,
	/// The block the day starts at (the milestones fall due after it).
	pub start: u32,
}

impl Grants {
	/// The run's `g`th application.
	fn application(&self, g: u64) -> u64 {
		self.first_application.saturating_add(g)
	}
}

/// The run's conveyances of its flat, back and forth between its two people.
#[derive(Clone, Copy, Debug)]
pub struct Conveyances {
	/// The flat.
	pub property: u64,
	/// The id its first transfer gets (the chain's next one when the day starts).
	pub first_transfer: u64,
	/// The person with keys, the flat's first owner: it consents itself.
	pub keyed: H256,
	/// The person without keys: the registry records its consent.
	pub paper: H256,
}

/// What a transfer is made of: the terms the parties consent to.
struct Conveyance {
	id: u64,
	buyers: Vec<(H256, u16)>,
	deed: H256,
}

impl Conveyances {
	/// The run's `k`th transfer: to the person without keys on even `k`, back on odd.
	fn conveyance(&self, run: &str, k: u64) -> Conveyance {
		let buyer = if k.is_multiple_of(2) { self.paper } else { self.keyed };
		Conveyance {
			id: self.first_transfer.saturating_add(k),
			buyers: vec![(buyer, WHOLE)],
			deed: run_hash(run, &format!("deed/{k}")),
		}
	}
}

impl Conveyance {
	/// The hash of its terms, as the real-estate pallet's `transfer_terms` computes it.
	fn terms(&self, property: u64) -> H256 {
		let (buyers, deed) = (self.buyers.as_slice(), &self.deed);
		H256(blake2_256(
			&(b"civitas/transfer-terms", self.id, property, buyers, PRICE, deed).encode(),
		))
	}
}

/// The grant and, after 0, the milestone (1-based) of a grantee's or committee's `i`th
/// transaction: each grant is one application (or review) and then one per milestone.
fn grant_step(i: u64) -> (u64, u64) {
	split(i, MILESTONES.saturating_add(1))
}

/// Milestones before milestone `m` of grant `g`, over the run.
fn milestones_before(g: u64, m: u64) -> u64 {
	g.saturating_mul(MILESTONES).saturating_add(m)
}

impl Stream {
	/// Whether its transactions wait for the chain: a claim, for its invoice to be paid; a grant
	/// or conveyancing step, for the step before it.
	fn waits(self) -> bool {
		!matches!(self, Self::BillingRun | Self::Invoices | Self::Registration | Self::Audit)
	}

	/// Whether the stream's `i`th transaction may be signed now.
	pub fn ready(self, work: &Work, i: u64) -> bool {
		if self == Self::Claims {
			return work.progress.bills_paid.load(Ordering::Relaxed) > i;
		}
		let done = work.progress.steps();
		match self {
			Self::Grantee => match grant_step(i) {
				// Once its earlier grants are paid out (an enterprise has one application open
				// in a program at a time).
				(g, 0) => done.paid_out >= milestones_before(g, 0),
				// Once the grant is approved and the milestone before is.
				(g, m) => {
					done.reviewed > g && done.approved >= milestones_before(g, m.saturating_sub(1))
				},
			},
			Self::Committee => match grant_step(i) {
				(g, 0) => done.applied > g,
				(g, m) => done.submitted >= milestones_before(g, m),
			},
			Self::Treasury => done.approved > i,
			// Transfer k is opened once the one before is complete (the registry's transactions
			// go in pairs: open, then record the paper consent); the paper consent is recorded
			// once it is open.
			Self::Conveyancing => match split(i, 2) {
				(k, 0) => done.completed >= k,
				(k, _) => done.opened > k,
			},
			Self::Party => done.opened > i,
			// Both parties' consents to transfer i, and to every one before it.
			Self::Completion => done.consented >= i.saturating_add(1).saturating_mul(2),
			Self::Claims | Self::BillingRun | Self::Invoices | Self::Registration | Self::Audit => {
				true
			},
		}
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
				let (k, step) = split(i, 2);
				let (number, id) = invoice(&work.run, k);
				if step == 0 {
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
				let (j, step) = split(i, 4);
				let enterprise = run_hash(&work.run, &format!("enterprise/{j}"));
				if step == 0 {
					let call = tx.civic_identity().register_subject(
						enterprise,
						SubjectKind::Enterprise,
						hash("commitment"),
						None,
					);
					sign(at, &call, params, key)
				} else {
					let delta = if step == 2 { 5 } else { -10 };
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
			Self::Grantee | Self::Committee | Self::Treasury => {
				let day = work.day.ok_or_else(|| anyhow!("the city day was not set up"))?;
				self.sign_grant_step(at, &day.grants, i, hash, params, key)
			},
			Self::Conveyancing | Self::Party | Self::Completion => {
				let day = work.day.ok_or_else(|| anyhow!("the city day was not set up"))?;
				self.sign_conveyance_step(at, &day.conveyances, &work.run, i, hash, params, key)
			},
		}
	}

	/// A conveyancing stream's `i`th transaction.
	#[allow(clippy::too_many_arguments)]
	fn sign_conveyance_step(
		self,
		at: &At,
		conveyances: &Conveyances,
		run: &str,
		i: u64,
		hash: impl Fn(&str) -> H256,
		params: super::Params,
		key: &Keypair,
	) -> Result<Vec<u8>> {
		let estate = civitas::transactions().real_estate();
		let property = conveyances.property;
		let (k, step) = match self {
			Self::Conveyancing => split(i, 2),
			_ => (i, 0),
		};
		let conveyance = conveyances.conveyance(run, k);
		let terms = conveyance.terms(property);
		match (self, step) {
			(Self::Conveyancing, 0) => {
				let buyers = BoundedVec(conveyance.buyers);
				let call = estate.open_transfer(property, buyers, PRICE, conveyance.deed);
				sign(at, &call, params, key)
			},
			(Self::Conveyancing, _) => {
				let (id, paper) = (conveyance.id, conveyances.paper);
				let call = estate.record_consent(property, id, terms, paper, hash("signed paper"));
				sign(at, &call, params, key)
			},
			(Self::Party, _) => {
				sign(at, &estate.consent(property, conveyance.id, terms), params, key)
			},
			_ => sign(at, &estate.complete_transfer(property, hash("title")), params, key),
		}
	}

	/// A grant stream's `i`th transaction.
	fn sign_grant_step(
		self,
		at: &At,
		grants: &Grants,
		i: u64,
		hash: impl Fn(&str) -> H256,
		params: super::Params,
		key: &Keypair,
	) -> Result<Vec<u8>> {
		let fund = civitas::transactions().fund_grants();
		// `m` is 1-based here: 0 is the application (or its review).
		let (g, m) = match self {
			Self::Treasury => {
				let (g, m) = split(i, MILESTONES);
				(g, m.saturating_add(1))
			},
			_ => grant_step(i),
		};
		let application = grants.application(g);
		let index = u32::try_from(m.saturating_sub(1))?;
		match (self, m) {
			(Self::Grantee, 0) => {
				let due = |k: u64| {
					grants
						.start
						.saturating_add(YEAR / 2)
						.saturating_add(u32::try_from(k).unwrap_or(0))
				};
				let plans = (0..MILESTONES)
					.map(|k| MilestonePlan {
						amount: MILESTONE_AMOUNT,
						due: due(k),
						description: hash(&format!("milestone/{k}")),
					})
					.collect();
				let requested = MILESTONE_AMOUNT.saturating_mul(u128::from(MILESTONES));
				let call = fund.apply(PROGRAM, requested, hash("proposal"), BoundedVec(plans));
				sign(at, &call, params, key)
			},
			(Self::Grantee, _) => {
				let call = fund.submit_milestone(application, index, hash("evidence"));
				sign(at, &call, params, key)
			},
			(Self::Committee, 0) => {
				sign(at, &fund.review(application, true, hash("comment")), params, key)
			},
			(Self::Committee, _) => {
				sign(at, &fund.approve_milestone(application, index), params, key)
			},
			_ => sign(at, &fund.record_payout(application, index, hash("transfer")), params, key),
		}
	}
}

/// Takes the streams' signed transactions (one receiver per entry of [`ACCOUNTS`], in its order)
/// unit by unit ([`UNIT`]) and passes them on in that mix. A stream that waits for the chain
/// (claims, grant steps) gives what it has ready, up to twice its share, so it catches up after a
/// wait. Ends when `out` is closed or a stream ends.
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
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
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

	/// The day's progress after the steps counted in `steps` (in the order of [`Steps`]'s
	/// fields).
	fn work(steps: [u64; 8]) -> Work {
		let progress = Progress::default();
		let [applied, reviewed, submitted, approved, paid_out, opened, consented, completed] =
			steps;
		progress.add(&BlockStats {
			steps: Steps {
				applied,
				reviewed,
				submitted,
				approved,
				paid_out,
				opened,
				consented,
				completed,
			},
			..super::super::tests::block(1, 0, 0, 0.0)
		});
		Work {
			workload: super::super::Workload::CityDay,
			run: String::new(),
			batch: 1,
			progress: progress.into(),
			day: None,
		}
	}

	/// `grants` then nothing of the conveyances.
	fn grants(grants: [u64; 5]) -> Work {
		let [a, b, c, d, e] = grants;
		work([a, b, c, d, e, 0, 0, 0])
	}

	#[test]
	fn a_grant_step_waits_for_the_one_before() {
		let ready = |stream: Stream, work: Work, i: u64| stream.ready(&work, i);
		use Stream::*;
		// Nothing done: the grantee applies, nobody else has anything to do.
		assert!(ready(Grantee, grants([0; 5]), 0));
		assert!(!ready(Committee, grants([0; 5]), 0));
		assert!(!ready(Treasury, grants([0; 5]), 0));
		// Applied: the committee reviews; the grantee's first milestone waits for the review.
		assert!(ready(Committee, grants([1, 0, 0, 0, 0]), 0));
		assert!(!ready(Grantee, grants([1, 0, 0, 0, 0]), 1));
		assert!(ready(Grantee, grants([1, 1, 0, 0, 0]), 1));
		// Milestone 1 submitted: the committee approves it; milestone 2 waits for that.
		assert!(ready(Committee, grants([1, 1, 1, 0, 0]), 1));
		assert!(!ready(Grantee, grants([1, 1, 1, 0, 0]), 2));
		// Approved: the treasury pays it while the grantee submits milestone 2.
		assert!(ready(Treasury, grants([1, 1, 1, 1, 0]), 0));
		assert!(ready(Grantee, grants([1, 1, 1, 1, 0]), 2));
		assert!(!ready(Treasury, grants([1, 1, 1, 1, 0]), 1));
		// The next application waits for every milestone of the first to be paid.
		let next = MILESTONES + 1;
		let m = MILESTONES;
		assert!(!ready(Grantee, grants([1, 1, m, m, m - 1]), next));
		assert!(ready(Grantee, grants([1, 1, m, m, m]), next));
		// Its review waits for it.
		assert!(!ready(Committee, grants([1, 1, m, m, m]), next));
		assert!(ready(Committee, grants([2, 1, m, m, m]), next));
	}

	#[test]
	fn a_conveyancing_step_waits_for_the_one_before() {
		// (opened, consented, completed)
		let conveyances = |[opened, consented, completed]: [u64; 3]| {
			work([0, 0, 0, 0, 0, opened, consented, completed])
		};
		let ready = |stream: Stream, done: [u64; 3], i: u64| stream.ready(&conveyances(done), i);
		use Stream::*;
		// Nothing done: the registry opens transfer 0; its paper consent, the party's consent
		// and the completion wait for it.
		assert!(ready(Conveyancing, [0, 0, 0], 0));
		assert!(!ready(Conveyancing, [0, 0, 0], 1));
		assert!(!ready(Party, [0, 0, 0], 0));
		assert!(!ready(Completion, [0, 0, 0], 0));
		// Open: both consents may go in, the completion waits for both.
		assert!(ready(Conveyancing, [1, 0, 0], 1));
		assert!(ready(Party, [1, 0, 0], 0));
		assert!(!ready(Completion, [1, 1, 0], 0));
		assert!(ready(Completion, [1, 2, 0], 0));
		// Transfer 1 is opened once transfer 0 is complete, and not before.
		assert!(!ready(Conveyancing, [1, 2, 0], 2));
		assert!(ready(Conveyancing, [1, 2, 1], 2));
		assert!(!ready(Party, [1, 2, 1], 1));
		assert!(ready(Party, [2, 2, 1], 1));
		// Its completion waits for its own two consents, not transfer 0's.
		assert!(!ready(Completion, [2, 3, 1], 1));
		assert!(ready(Completion, [2, 4, 1], 1));
	}

	#[test]
	fn a_transfer_goes_back_and_forth_between_the_two_people() {
		let (keyed, paper) = (H256([1; 32]), H256([2; 32]));
		let conveyances = Conveyances { property: 7, first_transfer: 40, keyed, paper };
		let (first, second) = (conveyances.conveyance("r", 0), conveyances.conveyance("r", 1));
		assert_eq!((first.id, first.buyers.clone()), (40, vec![(paper, WHOLE)]));
		assert_eq!((second.id, second.buyers.clone()), (41, vec![(keyed, WHOLE)]));
		assert_ne!(first.deed, second.deed);
		// The pallet's `transfer_terms`: the SCALE encoding of the domain tag (a byte array,
		// not length-prefixed), the transfer, the property, the buyers (length-prefixed),
		// the price and the deed.
		let mut encoded = b"civitas/transfer-terms".to_vec();
		encoded.extend_from_slice(&40u64.to_le_bytes());
		encoded.extend_from_slice(&7u64.to_le_bytes());
		encoded.push(1 << 2);
		encoded.extend_from_slice(&paper.0);
		encoded.extend_from_slice(&WHOLE.to_le_bytes());
		encoded.extend_from_slice(&PRICE.to_le_bytes());
		encoded.extend_from_slice(&first.deed.0);
		assert_eq!(first.terms(7), H256(blake2_256(&encoded)));
	}

	#[test]
	fn the_units_name_every_stream_once() {
		let mut streams: Vec<usize> = UNIT.iter().map(|(s, _)| *s).collect();
		streams.sort();
		assert_eq!(streams, (0..ACCOUNTS.len()).collect::<Vec<_>>());
	}
}
