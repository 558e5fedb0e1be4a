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
//! | grantee      | an enterprise's own account    | `fund_grants.apply` to the demo rent-subsidy program, then `fund_grants.submit_milestone` of each of its [`MILESTONES`] |
//! | committee    | `//Bob//stash` (Science Commission, the program's panel) | `fund_grants.review` of each application, `fund_grants.approve_milestone` of each submitted milestone |
//! | treasury     | `//Alice//stash//fund` (Finance, a second officer) | `fund_grants.record_payout` of each approved milestone |
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
//! own account and a treasury officer who is not the claims officer: [`setup`] makes them
//! before the day starts (a new enterprise and account each run; the officer once per chain).

use std::{
	sync::atomic::{AtomicU64, Ordering},
	time::Duration,
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
use subxt::{
	ext::codec::Encode,
	utils::{AccountId32, MultiAddress, H256},
};
use subxt_signer::sr25519::Keypair;

use super::{bill, keypair, sign, At, BlockStats, Client, Sender, Work};

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
}

/// The streams' accounts, in the order of [`Stream`]'s variants. The grantee's is this run's
/// ([`uri`]).
pub const ACCOUNTS: [(&str, Stream); 8] = [
	("//Eve//stash", Stream::BillingRun),
	("//Ferdie", Stream::Invoices),
	("//Alice//stash", Stream::Claims),
	("//Charlie", Stream::Registration),
	("//Dave//stash", Stream::Audit),
	("//Alice//bench//grantee", Stream::Grantee),
	("//Bob//stash", Stream::Committee),
	("//Alice//stash//fund", Stream::Treasury),
];

/// One unit of the day: how many transactions of each stream, by index into [`ACCOUNTS`]. The
/// grant streams give what the chain lets them (about one step a block), up to twice this.
pub const UNIT: [(usize, u64); 8] =
	[(0, 1), (1, 20), (2, 10), (3, 4), (4, 5), (5, 1), (6, 1), (7, 1)];

/// The account of `stream` in this run: the grantee's is new each run (its enterprise may
/// have an application open from an earlier run that stopped), the officers' are fixed.
pub fn uri(stream: Stream, base: &str, run: &str) -> String {
	match stream {
		Stream::Grantee => format!("{base}//{run}"),
		_ => base.to_string(),
	}
}

/// Bills in one billing run.
pub const RUN_BILLS: u32 = 100;

/// About how many transactions of the day fill a block (a unit weighs about 30 ms).
pub const PER_BLOCK: u64 = 1_300;

/// The Tax Bureau's and the Finance Bureau's department ids, and the Audit Office's purpose
/// `PUBLIC_AUDIT`.
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
/// What the grantee's account and the treasury officer are given for their fees.
const FEES: u128 = 100_000_000_000_000;

/// `i` modulo `n`, as an index.
fn index(i: u64, n: u64) -> usize {
	usize::try_from(i.checked_rem(n).unwrap_or_default()).unwrap_or_default()
}

/// Grant steps in blocks the harness has seen, by the event each step emits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantSteps {
	/// `ApplicationSubmitted`.
	pub applied: u64,
	/// `ApplicationReviewed`.
	pub reviewed: u64,
	/// `MilestoneSubmitted`.
	pub submitted: u64,
	/// `MilestoneApproved`.
	pub approved: u64,
	/// `MilestonePaid`.
	pub paid_out: u64,
}

impl GrantSteps {
	/// Whether it counted none.
	pub fn is_empty(&self) -> bool {
		self == &Self::default()
	}

	/// Counts `event` if it is a grant step's.
	pub fn count(&mut self, pallet: &str, event: &str) {
		if pallet != "FundGrants" {
			return;
		}
		let counter = match event {
			"ApplicationSubmitted" => &mut self.applied,
			"ApplicationReviewed" => &mut self.reviewed,
			"MilestoneSubmitted" => &mut self.submitted,
			"MilestoneApproved" => &mut self.approved,
			"MilestonePaid" => &mut self.paid_out,
			_ => return,
		};
		*counter = counter.saturating_add(1);
	}
}

/// What the chain has done of the run so far, in the blocks the harness has seen: what the
/// waiting streams wait for.
#[derive(Debug, Default)]
pub struct Progress {
	/// Bills marked paid.
	pub bills_paid: AtomicU64,
	applied: AtomicU64,
	reviewed: AtomicU64,
	submitted: AtomicU64,
	approved: AtomicU64,
	paid_out: AtomicU64,
}

impl Progress {
	/// Adds a block's.
	pub fn add(&self, block: &BlockStats) {
		let steps = &block.grants;
		for (counter, n) in [
			(&self.bills_paid, block.bills_paid),
			(&self.applied, steps.applied),
			(&self.reviewed, steps.reviewed),
			(&self.submitted, steps.submitted),
			(&self.approved, steps.approved),
			(&self.paid_out, steps.paid_out),
		] {
			counter.fetch_add(n, Ordering::Relaxed);
		}
	}
}

/// What [`setup`] made for the run's grants.
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

/// The grant and, after 0, the milestone (1-based) of a grantee's or committee's `i`th
/// transaction: each grant is one application (or review) and then one per milestone.
fn grant_step(i: u64) -> (u64, u64) {
	let per_grant = MILESTONES.saturating_add(1);
	(i.checked_div(per_grant).unwrap_or_default(), i.checked_rem(per_grant).unwrap_or_default())
}

/// Milestones before milestone `m` of grant `g`, over the run.
fn milestones_before(g: u64, m: u64) -> u64 {
	g.saturating_mul(MILESTONES).saturating_add(m)
}

impl Stream {
	/// Whether its transactions wait for the chain: a claim, for its invoice to be paid; a grant
	/// step, for the step before it.
	fn waits(self) -> bool {
		matches!(self, Self::Claims | Self::Grantee | Self::Committee | Self::Treasury)
	}

	/// Whether the stream's `i`th transaction may be signed now.
	pub fn ready(self, work: &Work, i: u64) -> bool {
		let done = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
		let progress = &work.progress;
		match self {
			Self::Claims => done(&progress.bills_paid) > i,
			Self::Grantee => match grant_step(i) {
				// Once its earlier grants are paid out (an enterprise has one application open
				// in a program at a time).
				(g, 0) => done(&progress.paid_out) >= milestones_before(g, 0),
				// Once the grant is approved and the milestone before is.
				(g, m) => {
					done(&progress.reviewed) > g
						&& done(&progress.approved) >= milestones_before(g, m.saturating_sub(1))
				},
			},
			Self::Committee => match grant_step(i) {
				(g, 0) => done(&progress.applied) > g,
				(g, m) => done(&progress.submitted) >= milestones_before(g, m),
			},
			Self::Treasury => done(&progress.approved) > i,
			Self::BillingRun | Self::Invoices | Self::Registration | Self::Audit => true,
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
			Self::Grantee | Self::Committee | Self::Treasury => {
				let grants = work.grants.ok_or_else(|| anyhow!("the grants were not set up"))?;
				self.sign_grant_step(at, &grants, i, hash, params, key)
			},
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
			Self::Treasury => (
				i.checked_div(MILESTONES).unwrap_or_default(),
				i.checked_rem(MILESTONES).unwrap_or_default().saturating_add(1),
			),
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

/// Submits `call` signed by `key` with `nonce`, at `at`.
async fn submit(
	at: &At,
	call: &impl subxt::transactions::Payload,
	key: &Keypair,
	nonce: u64,
) -> Result<()> {
	at.transactions().from_bytes(sign(at, call, super::params(nonce), key)?).submit().await?;
	Ok(())
}

/// Waits, block by block, until `done` holds at the best block; gives up after a minute.
async fn until(api: &Client, what: &str, done: impl AsyncFn(&At) -> Result<bool>) -> Result<At> {
	let mut blocks = api.stream_best_blocks().await?;
	let deadline = tokio::time::Instant::now()
		.checked_add(Duration::from_secs(60))
		.ok_or_else(|| anyhow!("no deadline"))?;
	while let Ok(Some(block)) = tokio::time::timeout_at(deadline, blocks.next()).await {
		let at = block?.at().await?;
		if done(&at).await? {
			return Ok(at);
		}
	}
	Err(anyhow!("the city day's setup: {what} did not happen within a minute"))
}

/// Makes what the grant streams need before the day starts: a new enterprise registered by
/// Market Regulation (`//Charlie`) with this run's grantee account linked to it (the registrar
/// proposes the link, the account accepts it), both new accounts given their fees by `//Alice`,
/// and, once per chain, `//Alice//stash//fund` made a Finance officer by Finance's admin.
pub async fn setup(api: &Client, run: &str) -> Result<Grants> {
	let account_of = |stream: Stream| -> Result<Keypair> {
		let (base, _) = ACCOUNTS
			.iter()
			.find(|(_, s)| *s == stream)
			.ok_or_else(|| anyhow!("no account for {stream:?}"))?;
		keypair(&uri(stream, base, run))
	};
	let (grantee_key, treasurer_key) =
		(account_of(Stream::Grantee)?, account_of(Stream::Treasury)?);
	let (funder, finance, registrar) =
		(keypair("//Alice")?, account_of(Stream::Claims)?, account_of(Stream::Registration)?);
	let id = |key: &Keypair| -> AccountId32 { key.public_key().into() };
	let (grantee_account, treasurer) = (id(&grantee_key), id(&treasurer_key));
	let grantee = H256(blake2_256(format!("civitas-bench/{run}/grantee").as_bytes()));

	let at = super::best_block(api).await?.at().await?;
	let nonce = async |key: &Keypair| at.transactions().account_nonce(&id(key)).await;
	let free = async |at: &At, account: &AccountId32| -> Result<u128> {
		let query = civitas::storage().system().account();
		Ok(match at.storage().try_fetch(query, (*account,)).await? {
			Some(value) => value.decode()?.data.free,
			None => 0,
		})
	};
	let officers = civitas::storage().departments().officers();
	let tx = civitas::transactions();

	let mut next = nonce(&funder).await?;
	for account in [&grantee_account, &treasurer] {
		if free(&at, account).await? < FEES / 2 {
			let call = tx.balances().transfer_keep_alive(MultiAddress::Id(*account), FEES);
			submit(&at, &call, &funder, next).await?;
			next = next.saturating_add(1);
		}
	}
	if at.storage().try_fetch(officers.clone(), (treasurer,)).await?.is_none() {
		let call = tx.departments().add_officer(FINANCE, treasurer, false);
		submit(&at, &call, &finance, nonce(&finance).await?).await?;
	}
	let next = nonce(&registrar).await?;
	let register = tx.civic_identity().register_subject(
		grantee,
		SubjectKind::Enterprise,
		H256(blake2_256(format!("civitas-bench/{run}/grantee/commitment").as_bytes())),
		None,
	);
	submit(&at, &register, &registrar, next).await?;
	let propose = tx.civic_identity().propose_link(grantee, grantee_account);
	submit(&at, &propose, &registrar, next.saturating_add(1)).await?;

	let subjects = civitas::storage().civic_identity().subjects();
	let at = until(api, "the grantee's registration and its account's fees", async |at| {
		let registered = at.storage().try_fetch(subjects.clone(), (grantee,)).await?.is_some();
		Ok(registered && free(at, &grantee_account).await? >= FEES / 2)
	})
	.await?;
	let accept = tx.civic_identity().accept_link(grantee);
	submit(&at, &accept, &grantee_key, nonce(&grantee_key).await?).await?;

	let links = civitas::storage().civic_identity().links();
	let at = until(api, "the grantee's link and the treasury officer", async |at| {
		let linked = at.storage().try_fetch(links.clone(), (grantee_account,)).await?;
		let linked = linked.map(|value| value.decode()).transpose()? == Some(grantee);
		let officer = at.storage().try_fetch(officers.clone(), (treasurer,)).await?;
		Ok(linked && officer.is_some() && free(at, &treasurer).await? >= FEES / 2)
	})
	.await?;
	let query = civitas::storage().fund_grants().next_application_id();
	let first_application = at.storage().fetch(query, ()).await?.decode()?;
	Ok(Grants { first_application, start: u32::try_from(at.block_number())? })
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

	#[test]
	fn a_grant_step_waits_for_the_one_before() {
		let work = |steps: [u64; 5]| {
			let progress = Progress::default();
			progress.add(&BlockStats {
				grants: GrantSteps {
					applied: steps[0],
					reviewed: steps[1],
					submitted: steps[2],
					approved: steps[3],
					paid_out: steps[4],
				},
				..super::super::tests::block(1, 0, 0, 0.0)
			});
			progress
		};
		let ready = |stream: Stream, progress: Progress, i: u64| {
			let work = Work {
				workload: super::super::Workload::CityDay,
				run: String::new(),
				batch: 1,
				progress: progress.into(),
				grants: None,
			};
			stream.ready(&work, i)
		};
		use Stream::*;
		// Nothing done: the grantee applies, nobody else has anything to do.
		assert!(ready(Grantee, work([0; 5]), 0));
		assert!(!ready(Committee, work([0; 5]), 0));
		assert!(!ready(Treasury, work([0; 5]), 0));
		// Applied: the committee reviews; the grantee's first milestone waits for the review.
		assert!(ready(Committee, work([1, 0, 0, 0, 0]), 0));
		assert!(!ready(Grantee, work([1, 0, 0, 0, 0]), 1));
		assert!(ready(Grantee, work([1, 1, 0, 0, 0]), 1));
		// Milestone 1 submitted: the committee approves it; milestone 2 waits for that.
		assert!(ready(Committee, work([1, 1, 1, 0, 0]), 1));
		assert!(!ready(Grantee, work([1, 1, 1, 0, 0]), 2));
		// Approved: the treasury pays it while the grantee submits milestone 2.
		assert!(ready(Treasury, work([1, 1, 1, 1, 0]), 0));
		assert!(ready(Grantee, work([1, 1, 1, 1, 0]), 2));
		assert!(!ready(Treasury, work([1, 1, 1, 1, 0]), 1));
		// The next application waits for every milestone of the first to be paid.
		let next = MILESTONES + 1;
		let m = MILESTONES;
		assert!(!ready(Grantee, work([1, 1, m, m, m - 1]), next));
		assert!(ready(Grantee, work([1, 1, m, m, m]), next));
		// Its review waits for it.
		assert!(!ready(Committee, work([1, 1, m, m, m]), next));
		assert!(ready(Committee, work([2, 1, m, m, m]), next));
	}

	#[test]
	fn the_units_name_every_stream_once() {
		let mut streams: Vec<usize> = UNIT.iter().map(|(s, _)| *s).collect();
		streams.sort();
		assert_eq!(streams, (0..ACCOUNTS.len()).collect::<Vec<_>>());
	}
}
