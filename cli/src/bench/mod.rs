//! `civitas bench`: the load harness. It signs a named workload's transactions in parallel (each
//! sender on its own thread), keeps the node's pool full for the given duration, and reports what
//! every block held: extrinsics and bills, fill by weight and by length, the time between blocks,
//! the finality lag and, from the nodes' Prometheus metrics, the time to author the block and to
//! import it on a node that does not author. The report is JSON, and a PNG chart on request.
//!
//! The workloads use the dev chain's officers: the power company's (`//Eve//stash`) and the
//! bank's (`//Ferdie//stash`) bill issuers, the dev accounts for transfers, and for the city's
//! day eight departments' officers, an enterprise's and a person's own accounts ([`city_day`]).

mod chart;
mod city_day;
pub mod metrics;

use anyhow::{anyhow, bail, Context, Result};
use civitas_client::{
	civitas::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, civitas_primitives::bills::BillKind,
			pallet_e_bills::types::NewBill,
		},
	},
	CivitasConfig,
};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use std::{
	collections::BTreeMap,
	str::FromStr,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};
use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	ext::scale_value::{At as _, Value},
	utils::H256,
	OnlineClient,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

type Client = OnlineClient<CivitasConfig>;
type At = subxt::client::OnlineClientAtBlock<CivitasConfig>;

/// What the harness submits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
	/// `e_bills.issue_batch` of `--batch` bills each, from two issuers.
	BillBatches,
	/// One `e_bills.issue` per transaction, from two issuers.
	SingleBills,
	/// `balances.transfer_keep_alive` between the dev accounts.
	Transfers,
	/// A day of the city: billing runs, invoices paid and claimed, enterprises registered and
	/// credit records, audited reads, in proportions, special-fund grants applied for,
	/// reviewed and paid out milestone by milestone, and a flat's conveyances with the parties'
	/// consents ([`city_day`]).
	CityDay,
}

impl Workload {
	/// Its name on the command line.
	pub fn name(self) -> &'static str {
		match self {
			Self::BillBatches => "bill-batches",
			Self::SingleBills => "single-bills",
			Self::Transfers => "transfers",
			Self::CityDay => "city-day",
		}
	}
}

/// Options of `civitas bench`.
#[derive(Clone, clap::Args)]
pub struct Options {
	/// The node's WebSocket address (a dev chain: the workloads sign with its officers' keys).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	#[arg(long, value_enum, default_value = "bill-batches")]
	pub workload: Workload,
	/// How long to submit (`30s`, `10m`); the run then waits for the pool to drain.
	#[arg(long, default_value = "60s", value_parser = humantime::parse_duration)]
	pub duration: Duration,
	/// Bills per batch (`bill-batches`).
	#[arg(long, default_value_t = 1_000)]
	pub batch: u32,
	/// How many blocks' worth of transactions to keep waiting in the pool.
	#[arg(long, default_value_t = 3)]
	pub pool_blocks: u32,
	/// Write the report (every block's figures and the summary) here, as JSON.
	#[arg(long)]
	pub report: Option<std::path::PathBuf>,
	/// A reference report: exit 1 if this run has fewer bills per full block or more weight
	/// per bill than it, beyond `--tolerance`.
	#[arg(long)]
	pub check: Option<std::path::PathBuf>,
	/// The tolerance of `--check`, in percent.
	#[arg(long, default_value_t = 5.0)]
	pub tolerance: f64,
	/// No progress bar.
	#[arg(long)]
	pub quiet: bool,
	/// The authoring node's Prometheus endpoint (`http://127.0.0.1:9615/metrics`): each block's
	/// authoring time.
	#[arg(long)]
	pub metrics: Option<String>,
	/// The Prometheus endpoint of a node that imports the blocks without authoring them: each
	/// block's import time.
	#[arg(long)]
	pub import_metrics: Option<String>,
	/// The node's `--pool-limit` (its default: 8192). The fork-aware pool keeps a transaction
	/// until its block is finalized, so the harness keeps the transactions it submitted and that
	/// are not yet finalized below nine tenths of it.
	#[arg(long, default_value_t = 8_192)]
	pub pool_limit: u64,
	/// Draw the run as a PNG chart here.
	#[arg(long)]
	pub chart: Option<std::path::PathBuf>,
	/// The authoring node's process and database directory (on this machine): each block's
	/// resident memory and database size.
	#[arg(long)]
	pub author_pid: Option<u32>,
	#[arg(long)]
	pub author_database: Option<std::path::PathBuf>,
	/// The importing node's process and database directory.
	#[arg(long)]
	pub import_pid: Option<u32>,
	#[arg(long)]
	pub import_database: Option<std::path::PathBuf>,
	/// The chart's TrueType font.
	#[arg(long, default_value = chart::DEFAULT_FONT)]
	pub font: std::path::PathBuf,
}

/// One block of the run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BlockStats {
	pub number: u64,
	/// Milliseconds since the previous block (its timestamp's difference).
	pub interval_ms: Option<u64>,
	/// Signed extrinsics (the workload's).
	pub extrinsics: u64,
	pub bills: u64,
	/// Bills marked paid.
	#[serde(default)]
	pub bills_paid: u64,
	/// The signed extrinsics by call (`Pallet.call`).
	#[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
	pub calls: BTreeMap<String, u64>,
	/// Extrinsics whose dispatch failed (`System.ExtrinsicFailed`).
	#[serde(default)]
	pub failed: u64,
	/// The city day's grant and conveyancing steps.
	#[serde(default, alias = "grants", skip_serializing_if = "city_day::Steps::is_empty")]
	pub steps: city_day::Steps,
	/// The normal class's weight (ref time, ps) and its share of the normal class's maximum.
	pub weight_ref_time: u64,
	pub weight_fill: f64,
	/// The extrinsics' encoded length and its share of the normal class's maximum.
	pub length: u64,
	pub length_fill: f64,
	/// Best minus finalized when the block was seen.
	pub finality_lag: u64,
	/// Milliseconds the authoring node's proposer took to build the block (`--metrics`).
	pub authoring_ms: Option<f64>,
	/// Milliseconds a node that does not author took to verify and import it
	/// (`--import-metrics`).
	pub import_ms: Option<f64>,
	/// The nodes' resident memory and database size (MB) when the block was seen
	/// (`--author-pid`, `--author-database`, `--import-pid`, `--import-database`).
	#[serde(default, skip_serializing_if = "Resources::is_empty")]
	pub resources: Resources,
}

/// What the nodes held when a block was seen, in MB.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resources {
	/// All of the authoring node's resident memory, its mapped database files included.
	pub author_rss_mb: Option<f64>,
	/// The authoring node's resident memory that no file backs: heap and caches.
	#[serde(default)]
	pub author_anonymous_mb: Option<f64>,
	pub author_database_mb: Option<f64>,
	pub import_rss_mb: Option<f64>,
	#[serde(default)]
	pub import_anonymous_mb: Option<f64>,
	pub import_database_mb: Option<f64>,
}

impl Resources {
	fn is_empty(&self) -> bool {
		self == &Self::default()
	}

	fn read(options: &Options) -> Self {
		Self {
			author_rss_mb: options.author_pid.and_then(metrics::resident_mb),
			author_anonymous_mb: options.author_pid.and_then(metrics::anonymous_mb),
			author_database_mb: options.author_database.as_deref().and_then(metrics::directory_mb),
			import_rss_mb: options.import_pid.and_then(metrics::resident_mb),
			import_anonymous_mb: options.import_pid.and_then(metrics::anonymous_mb),
			import_database_mb: options.import_database.as_deref().and_then(metrics::directory_mb),
		}
	}
}

/// The run's report (`--report`, JSON).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
	pub workload: Workload,
	pub duration_s: f64,
	pub batch: u32,
	pub submitted: u64,
	/// Refused by the node, other than for a full pool.
	pub rejected: u64,
	/// Refused because the pool was full, and submitted again.
	#[serde(default)]
	pub resubmitted: u64,
	pub blocks: Vec<BlockStats>,
	pub summary: Summary,
}

/// The run's figures, over the blocks that held its transactions.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
	pub blocks: u64,
	pub extrinsics: u64,
	pub bills: u64,
	/// Extrinsics whose dispatch failed.
	pub failed: u64,
	/// The extrinsics by call.
	pub calls: BTreeMap<String, u64>,
	pub extrinsics_per_s: f64,
	pub bills_per_s: f64,
	/// Averages over the full blocks ([`BlockStats::is_full`]).
	pub full_blocks: u64,
	pub bills_per_full_block: f64,
	pub extrinsics_per_full_block: f64,
	/// The normal class's weight per bill (ref time, ps), over all blocks with bills.
	pub weight_per_bill: f64,
	pub max_finality_lag: u64,
	/// Authoring and import times (ms), mean and maximum over the full blocks.
	pub authoring_ms_mean: Option<f64>,
	pub authoring_ms_max: Option<f64>,
	pub import_ms_mean: Option<f64>,
	pub import_ms_max: Option<f64>,
	/// Half the node's proposing time (two thirds of the slot): what authoring and importing a
	/// full block should each stay within.
	pub budget_ms: Option<f64>,
}

/// The dev chain's bill issuers: the power company's and the bank's officers.
const ISSUERS: [&str; 2] = ["//Eve//stash", "//Ferdie//stash"];
/// The dev accounts that send transfers (each to the next one).
const TRANSFER_ACCOUNTS: [&str; 12] = [
	"//Alice",
	"//Bob",
	"//Charlie",
	"//Dave",
	"//Eve",
	"//Ferdie",
	"//Alice//stash",
	"//Bob//stash",
	"//Charlie//stash",
	"//Dave//stash",
	"//Eve//stash",
	"//Ferdie//stash",
];
/// A block is full at this share of its weight or length, or when one more of its transactions
/// (of their average size) would not have fitted.
const FULL: f64 = 0.9;

impl BlockStats {
	/// Whether the block had no room left for the workload.
	pub fn is_full(&self) -> bool {
		let one_more =
			|fill: f64| self.extrinsics > 0 && fill * (1.0 + 1.0 / self.extrinsics as f64) > 1.0;
		self.weight_fill >= FULL
			|| self.length_fill >= FULL
			|| one_more(self.weight_fill)
			|| one_more(self.length_fill)
	}
}

fn keypair(uri: &str) -> Result<Keypair> {
	Ok(Keypair::from_uri(&SecretUri::from_str(uri)?)?)
}

/// An electricity bill of this run, as a utility's billing system prepares it (the shape of
/// `tests/e2e/bills.js`).
fn bill(run: &str, issuer: usize, i: u64) -> NewBill {
	let amount = u128::from(i.checked_rem(97).unwrap_or_default())
		.saturating_mul(113)
		.saturating_add(10_000);
	let number = format!("E-{run}-{issuer}-{i:09}");
	NewBill {
		content_hash: H256(civitas_client::blake2_256(number.as_bytes())),
		number: BoundedVec(number.into_bytes()),
		payer: None,
		kind: BillKind::Electricity,
		amount,
		tax_amount: amount.saturating_mul(13).checked_div(113).unwrap_or_default(),
		currency: *b"CNY",
		due: Some(432_000),
	}
}

/// One account of the workload, which signs its transactions in nonce order on its own thread.
struct Sender {
	keypair: Keypair,
	/// Which issuer (bills) or account (transfers) it is.
	index: usize,
	/// Its next nonce.
	nonce: u64,
	/// A transfer's recipient: the next sender's account.
	recipient: subxt::utils::AccountId32,
}

/// What every sender's transactions are made of.
#[derive(Clone)]
struct Work {
	workload: Workload,
	/// Makes this run's bill numbers unique.
	run: String,
	batch: u32,
	/// What the run's blocks have done so far (the city day's waiting streams wait for it).
	progress: Arc<city_day::Progress>,
	/// What the city day's setup made: its grantee, its flat and their parties.
	day: Option<city_day::Day>,
}

/// A transaction's extension parameters (its nonce and mortality).
type Params = <<CivitasConfig as subxt::Config>::TransactionExtensions as subxt::config::TransactionExtensions<CivitasConfig>>::Params;

/// An immortal transaction's parameters with `nonce`: how every transaction of a run is signed.
fn params(nonce: u64) -> Params {
	DefaultExtrinsicParamsBuilder::<CivitasConfig>::new().nonce(nonce).immortal().build()
}

/// `call` signed by `keypair` with `params`, encoded.
fn sign(
	at: &At,
	call: &impl subxt::transactions::Payload,
	params: Params,
	keypair: &Keypair,
) -> Result<Vec<u8>> {
	Ok(at.transactions().create_signable_offline(call, params)?.sign(keypair)?.into_encoded())
}

impl Sender {
	/// The city day's stream it sends.
	fn stream(&self) -> Option<city_day::Stream> {
		city_day::ACCOUNTS.get(self.index).map(|(_, stream)| *stream)
	}

	/// Whether its `i`th transaction may be signed now (a claim waits for its bill's payment, a
	/// grant or conveyancing step for the step before it).
	fn ready(&self, work: &Work, i: u64) -> bool {
		work.workload != Workload::CityDay || self.stream().is_none_or(|s| s.ready(work, i))
	}

	/// Its `i`th transaction of the run, signed and encoded.
	fn sign(&self, at: &At, work: &Work, i: u64) -> Result<Vec<u8>> {
		let params = params(self.nonce.saturating_add(i));
		match work.workload {
			Workload::BillBatches => {
				let first = i.saturating_mul(u64::from(work.batch));
				let bills = (first..first.saturating_add(u64::from(work.batch)))
					.map(|n| bill(&work.run, self.index, n))
					.collect();
				let call = civitas::transactions().e_bills().issue_batch(BoundedVec(bills));
				sign(at, &call, params, &self.keypair)
			},
			Workload::SingleBills => {
				let call = civitas::transactions().e_bills().issue(bill(&work.run, self.index, i));
				sign(at, &call, params, &self.keypair)
			},
			Workload::Transfers => {
				let to = subxt::utils::MultiAddress::Id(self.recipient);
				let call =
					civitas::transactions().balances().transfer_keep_alive(to, 1_000_000_000);
				sign(at, &call, params, &self.keypair)
			},
			Workload::CityDay => match self.stream() {
				Some(stream) => stream.sign(at, work, self, i, params),
				None => bail!("no city-day stream for sender {}", self.index),
			},
		}
	}
}

/// Starts one thread per sender that signs its transactions in nonce order, as far ahead of the
/// submitter as `ahead` transactions in all; a thread ends when the receiver is dropped. The
/// city day's senders each sign into their own channel, and one more thread mixes them in
/// [`city_day::UNIT`]'s proportions.
fn start_signing(
	senders: Vec<Sender>,
	at: &At,
	work: &Work,
	ahead: usize,
) -> tokio::sync::mpsc::Receiver<Result<Vec<u8>>> {
	let mixed = work.workload == Workload::CityDay;
	// The city day's claims follow payments the chain has made: they are signed when they may
	// enter, and then must not queue behind blocks' worth of signed work.
	let ahead = if mixed { ahead.min(256) } else { ahead };
	let (signed, receiver) = tokio::sync::mpsc::channel(ahead.max(1));
	let mut streams = vec![];
	for sender in senders {
		let signed = if mixed {
			let (stream, receiver) = tokio::sync::mpsc::channel(64);
			streams.push(receiver);
			stream
		} else {
			signed.clone()
		};
		let (at, work) = (at.clone(), work.clone());
		std::thread::spawn(move || {
			for i in 0u64.. {
				while !sender.ready(&work, i) {
					if signed.is_closed() {
						return;
					}
					std::thread::sleep(Duration::from_millis(20));
				}
				let transaction = sender.sign(&at, &work, i);
				let failed = transaction.is_err();
				if signed.blocking_send(transaction).is_err() || failed {
					break;
				}
			}
		});
	}
	if mixed {
		std::thread::spawn(move || city_day::mix(streams, signed));
	}
	receiver
}

/// What one block held, read at its hash.
async fn block_stats(
	api: &Client,
	number: u64,
	previous_time: Option<u64>,
	limits: &Limits,
) -> Result<(BlockStats, Option<u64>, u64)> {
	let at = api.at_block(number).await?;
	let extrinsics = at.extrinsics().fetch().await?;
	let events = at.events().fetch().await?;
	let (mut signed, mut length, mut time) = (0u64, 0u64, None);
	let mut calls = BTreeMap::<String, u64>::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic?;
		length = length.saturating_add(extrinsic.bytes().len() as u64);
		if extrinsic.is_signed() {
			signed = signed.saturating_add(1);
			let call = format!("{}.{}", extrinsic.pallet_name(), extrinsic.call_name());
			let count = calls.entry(call).or_default();
			*count = count.saturating_add(1);
		}
		if (extrinsic.pallet_name(), extrinsic.call_name()) == ("Timestamp", "set") {
			let fields = extrinsic.decode_call_data_fields_unchecked_as::<Value>()?;
			time =
				fields.at("now").and_then(|now| now.as_u128()).and_then(|n| u64::try_from(n).ok());
		}
	}
	let (mut bills, mut bills_paid, mut failed) = (0u64, 0u64, 0u64);
	let mut steps = city_day::Steps::default();
	for event in events.iter() {
		let event = event?;
		if let Some(batch) = event.decode_fields_as::<civitas::e_bills::events::BatchIssued>() {
			bills = bills.saturating_add(batch?.bills.0.len() as u64);
		} else if event.is::<civitas::e_bills::events::BillIssued>() {
			bills = bills.saturating_add(1);
		} else if event.is::<civitas::e_bills::events::BillPaid>() {
			bills_paid = bills_paid.saturating_add(1);
		} else if event.is::<civitas::system::events::ExtrinsicFailed>() {
			failed = failed.saturating_add(1);
		} else {
			steps.count(event.pallet_name(), event.event_name());
		}
	}
	let weight =
		at.storage().fetch(civitas::storage().system().block_weight(), ()).await?.decode()?;
	let finalized = api.at_current_block().await?.block_number();
	let stats = BlockStats {
		number,
		interval_ms: time.zip(previous_time).map(|(now, before)| now.saturating_sub(before)),
		extrinsics: signed,
		bills,
		bills_paid,
		calls,
		failed,
		steps,
		weight_ref_time: weight.normal.ref_time,
		weight_fill: weight.normal.ref_time as f64 / limits.normal_ref_time.max(1) as f64,
		length,
		length_fill: length as f64 / f64::from(limits.normal_length.max(1)),
		finality_lag: number.saturating_sub(finalized),
		authoring_ms: None,
		import_ms: None,
		resources: Resources::default(),
	};
	Ok((stats, time, finalized))
}

/// The normal class's share of a block, and the time to build one.
struct Limits {
	normal_ref_time: u64,
	normal_length: u32,
	/// Half the node's proposing time: the node proposes for two thirds of the slot, and the slot
	/// is twice the timestamp's minimum period.
	budget_ms: f64,
}

async fn limits(api: &Client) -> Result<Limits> {
	let at = api.at_current_block().await?;
	let weights = at.constants().entry(civitas::constants().system().block_weights())?;
	let length = at.constants().entry(civitas::constants().system().block_length())?;
	let minimum_period = at.constants().entry(civitas::constants().timestamp().minimum_period())?;
	Ok(Limits {
		// Half of two thirds of a slot of two minimum periods.
		budget_ms: minimum_period as f64 * 2.0 / 3.0,
		normal_ref_time: weights
			.per_class
			.normal
			.max_total
			.map(|w| w.ref_time)
			.unwrap_or(weights.max_block.ref_time),
		normal_length: length.max.normal,
	})
}

/// The figures of a run's blocks: from the first block that held its transactions to the last.
pub fn summarize(blocks: &[BlockStats]) -> Summary {
	let held: Vec<&BlockStats> = blocks.iter().filter(|b| b.extrinsics > 0).collect();
	let mut summary = Summary { blocks: held.len() as u64, ..Default::default() };
	let span_ms: u64 = held.iter().skip(1).filter_map(|b| b.interval_ms).sum();
	for block in &held {
		summary.extrinsics = summary.extrinsics.saturating_add(block.extrinsics);
		summary.bills = summary.bills.saturating_add(block.bills);
		summary.failed = summary.failed.saturating_add(block.failed);
		for (call, count) in &block.calls {
			let total = summary.calls.entry(call.clone()).or_default();
			*total = total.saturating_add(*count);
		}
		summary.max_finality_lag = summary.max_finality_lag.max(block.finality_lag);
	}
	// The first block's transactions arrived before the span starts: count the span's alone.
	if let (Some(first), true) = (held.first(), span_ms > 0) {
		let seconds = span_ms as f64 / 1_000.0;
		summary.extrinsics_per_s =
			summary.extrinsics.saturating_sub(first.extrinsics) as f64 / seconds;
		summary.bills_per_s = summary.bills.saturating_sub(first.bills) as f64 / seconds;
	}
	let full: Vec<&&BlockStats> = held.iter().filter(|b| b.is_full()).collect();
	summary.full_blocks = full.len() as u64;
	if !full.is_empty() {
		let n = full.len() as f64;
		summary.bills_per_full_block = full.iter().map(|b| b.bills as f64).sum::<f64>() / n;
		summary.extrinsics_per_full_block =
			full.iter().map(|b| b.extrinsics as f64).sum::<f64>() / n;
	}
	let (mean, max) = mean_and_max(full.iter().filter_map(|b| b.authoring_ms));
	(summary.authoring_ms_mean, summary.authoring_ms_max) = (mean, max);
	let (mean, max) = mean_and_max(full.iter().filter_map(|b| b.import_ms));
	(summary.import_ms_mean, summary.import_ms_max) = (mean, max);
	let with_bills: Vec<&&BlockStats> = held.iter().filter(|b| b.bills > 0).collect();
	let bills: u64 = with_bills.iter().map(|b| b.bills).sum();
	if bills > 0 {
		let weight: u64 = with_bills.iter().map(|b| b.weight_ref_time).sum();
		summary.weight_per_bill = weight as f64 / bills as f64;
	}
	summary
}

fn mean_and_max(values: impl Iterator<Item = f64>) -> (Option<f64>, Option<f64>) {
	let (mut count, mut sum, mut max) = (0u32, 0.0, None::<f64>);
	for value in values {
		count = count.saturating_add(1);
		sum += value;
		max = Some(max.map_or(value, |m| m.max(value)));
	}
	((count > 0).then(|| sum / f64::from(count)), max)
}

/// Compares a run with a reference run: fewer bills per full block, or more weight per bill,
/// than the reference allows by `tolerance` percent is a regression.
pub fn regressions(run: &Summary, reference: &Summary, tolerance: f64) -> Vec<String> {
	let mut found = vec![];
	let slack = tolerance / 100.0;
	if run.full_blocks == 0 {
		found.push("no block was full: the workload did not fill the chain".to_string());
	} else if reference.bills_per_full_block > 0.0
		&& run.bills_per_full_block < reference.bills_per_full_block * (1.0 - slack)
	{
		found.push(format!(
			"{:.0} bills per full block, the reference {:.0} (-{tolerance} % allowed)",
			run.bills_per_full_block, reference.bills_per_full_block
		));
	}
	if reference.weight_per_bill > 0.0
		&& run.weight_per_bill > reference.weight_per_bill * (1.0 + slack)
	{
		found.push(format!(
			"{:.0} ps of weight per bill, the reference {:.0} (+{tolerance} % allowed)",
			run.weight_per_bill, reference.weight_per_bill
		));
	}
	found
}

/// About how many of the workload's transactions fill a block (measured: 7 batches of 1,000
/// bills, 1,880 single bills, 2,396 transfers).
fn per_block(workload: Workload, batch: u32) -> u64 {
	match workload {
		Workload::BillBatches => {
			8_000u64.checked_div(u64::from(batch)).unwrap_or(8_000).saturating_add(1)
		},
		Workload::SingleBills => 2_000,
		Workload::Transfers => 2_500,
		Workload::CityDay => city_day::PER_BLOCK,
	}
}

/// Whether the node refused a transaction because its pool was full (it may enter later).
fn pool_was_full(error: &subxt::error::ExtrinsicError) -> bool {
	let message = error.to_string();
	message.contains("because of the limit") || message.contains("Immediately Dropped")
}

/// The node's best block. The stream of best blocks starts with the finalized block and its
/// descendants, one after the other: the best is the highest of that first burst.
async fn best_block(api: &Client) -> Result<subxt::client::Block<CivitasConfig>> {
	let mut stream = api.stream_best_blocks().await?;
	let mut best = stream.next().await.ok_or_else(|| anyhow!("no best block"))??;
	while let Ok(Some(block)) =
		tokio::time::timeout(Duration::from_millis(500), stream.next()).await
	{
		let block = block?;
		if block.number() >= best.number() {
			best = block;
		}
	}
	Ok(best)
}

/// Submits a signed transaction; resolves with the outcome and the transaction (to submit it
/// again if the pool was full).
fn submit(
	at: &At,
	bytes: Vec<u8>,
) -> impl std::future::Future<Output = (Result<(), subxt::error::ExtrinsicError>, Vec<u8>)> + use<>
{
	let submission = at.transactions().from_bytes(bytes.clone());
	async move { (submission.submit().await.map(|_| ()), bytes) }
}

pub async fn run(options: Options) -> Result<()> {
	let api = Client::from_url(&options.url).await.with_context(|| options.url.clone())?;
	let limits = limits(&api).await?;
	let budget_ms = limits.budget_ms;
	let run_id =
		std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis().to_string();
	let day = match options.workload {
		Workload::CityDay => Some(city_day::setup(&api, &run_id).await?),
		_ => None,
	};
	// The best block, not the finalized one: its nonces count the blocks not yet finalized (an
	// earlier run's last ones, say), and the run's blocks are those after it.
	let at = best_block(&api).await?.at().await?;
	let first = at.block_number().saturating_add(1);
	let uris: Vec<String> = match options.workload {
		Workload::BillBatches | Workload::SingleBills => {
			ISSUERS.iter().map(|uri| uri.to_string()).collect()
		},
		Workload::Transfers => TRANSFER_ACCOUNTS.iter().map(|uri| uri.to_string()).collect(),
		Workload::CityDay => city_day::ACCOUNTS
			.iter()
			.map(|(base, stream)| city_day::uri(*stream, base, &run_id))
			.collect(),
	};
	let keypairs = uris.iter().map(|uri| keypair(uri)).collect::<Result<Vec<_>>>()?;
	let mut senders = vec![];
	for (index, keypair) in keypairs.iter().enumerate() {
		let nonce = at.transactions().account_nonce(&keypair.public_key().into()).await?;
		let next = keypairs.get(index.saturating_add(1)).or(keypairs.first()).unwrap_or(keypair);
		senders.push(Sender {
			keypair: keypair.clone(),
			index,
			nonce,
			recipient: next.public_key().into(),
		});
	}
	let progress = Arc::new(city_day::Progress::default());
	let work = Work {
		workload: options.workload,
		run: run_id,
		batch: options.batch,
		progress: progress.clone(),
		day,
	};
	let per_block = per_block(options.workload, options.batch);
	let in_pool_target = per_block.saturating_mul(u64::from(options.pool_blocks.max(1)));
	// The pool counts a transaction until its block is finalized (two or three blocks later).
	let pool_room = options.pool_limit.saturating_mul(9).checked_div(10).unwrap_or_default();
	let needed = in_pool_target.saturating_add(per_block.saturating_mul(4));
	if needed > pool_room {
		eprintln!(
			"the pool's limit ({}) holds fewer than {needed} transactions ({} blocks waiting and \
			 four unfinalized): start the node with --pool-limit {} and pass the same here",
			options.pool_limit,
			options.pool_blocks,
			needed.saturating_mul(10).checked_div(9).unwrap_or(needed).saturating_add(1),
		);
	}
	let mut signed = Some(start_signing(
		senders,
		&at,
		&work,
		usize::try_from(in_pool_target).unwrap_or(usize::MAX),
	));
	let mut times =
		metrics::BlockTimes::new(options.metrics.as_deref(), options.import_metrics.as_deref())
			.await?;

	// The run's transactions in blocks, and in finalized blocks (which have left the pool).
	let included = Arc::new(AtomicU64::new(0));
	let finalized_included = Arc::new(AtomicU64::new(0));
	let stop = Arc::new(AtomicBool::new(false));
	let bar = if options.quiet {
		indicatif::ProgressBar::hidden()
	} else {
		indicatif::ProgressBar::new(options.duration.as_secs())
	};
	// The watcher: every new best block's figures, until the submitter is done and the pool drained.
	let watcher = {
		let (options, api, included, finalized_included, stop, bar, progress) = (
			options.clone(),
			api.clone(),
			included.clone(),
			finalized_included.clone(),
			stop.clone(),
			bar.clone(),
			progress.clone(),
		);
		tokio::spawn(async move {
			let mut blocks: Vec<BlockStats> = vec![];
			let mut stream = api.stream_best_blocks().await?;
			let mut previous_time = None;
			let mut next = first;
			// How many of `blocks` are finalized and counted in `finalized_included`.
			let mut counted = 0usize;
			let mut drained = false;
			while let Some(block) = stream.next().await {
				let head = block?.number();
				if head < next {
					continue;
				}
				// One reading of each node's metrics for the blocks up to the head (one block,
				// unless the watcher fell behind).
				let authoring_ms = times.authoring_ms().await;
				let new_blocks = head.saturating_add(1).saturating_sub(next);
				let import_ms = times.import_ms(new_blocks, Duration::from_secs(6)).await;
				while next <= head {
					let (mut stats, time, finalized) =
						block_stats(&api, next, previous_time, &limits).await?;
					(stats.authoring_ms, stats.import_ms) = (authoring_ms, import_ms);
					stats.resources = Resources::read(&options);
					previous_time = time.or(previous_time);
					included.fetch_add(stats.extrinsics, Ordering::Relaxed);
					progress.add(&stats);
					bar.set_message(format!(
						"#{} {} extrinsics, {} bills, weight {:.0} %, length {:.0} %",
						stats.number,
						stats.extrinsics,
						stats.bills,
						stats.weight_fill * 100.0,
						stats.length_fill * 100.0
					));
					if stop.load(Ordering::Relaxed) && stats.extrinsics == 0 {
						drained = true;
					}
					blocks.push(stats);
					while let Some(block) = blocks.get(counted).filter(|b| b.number <= finalized) {
						finalized_included.fetch_add(block.extrinsics, Ordering::Relaxed);
						counted = counted.saturating_add(1);
					}
					next = next.saturating_add(1);
				}
				if drained {
					break;
				}
			}
			anyhow::Ok(blocks)
		})
	};

	// The submitter: keeps `in_pool_target` of the run's transactions waiting, and those it
	// submitted and that are not finalized within the pool's room; a transaction the full pool
	// refused is submitted again (a gap in its sender's nonces would hold back all later ones).
	let started = Instant::now();
	let (mut submitted, mut rejected, mut resubmitted) = (0u64, 0u64, 0u64);
	let mut again = std::collections::VecDeque::<Vec<u8>>::new();
	let mut not_before = Instant::now();
	let mut in_flight = futures::stream::FuturesUnordered::new();
	let give_up = options.duration.saturating_add(Duration::from_secs(120));
	loop {
		let elapsed = started.elapsed();
		if elapsed >= options.duration {
			// Stops the signing threads.
			signed = None;
		}
		if signed.is_none() && again.is_empty() && in_flight.is_empty() {
			break;
		}
		if elapsed > give_up && !again.is_empty() {
			rejected = rejected.saturating_add(again.len() as u64);
			again.clear();
		}
		bar.set_position(elapsed.as_secs().min(options.duration.as_secs()));
		// In flight or accepted, and not yet in a block / not yet finalized.
		let live = submitted.saturating_sub(rejected);
		let waiting = live.saturating_sub(included.load(Ordering::Relaxed));
		let unfinalized = live.saturating_sub(finalized_included.load(Ordering::Relaxed));
		let room = waiting < in_pool_target && unfinalized < pool_room && in_flight.len() < 256;
		if room && Instant::now() >= not_before {
			if let Some(bytes) = again.pop_front() {
				in_flight.push(submit(&at, bytes));
				continue;
			}
		}
		let fresh = room && again.is_empty();
		tokio::select! {
			Some((result, bytes)) = in_flight.next(), if !in_flight.is_empty() => match result {
				Ok(()) => {},
				Err(error) if pool_was_full(&error) => {
					resubmitted = resubmitted.saturating_add(1);
					again.push_back(bytes);
					not_before = Instant::now()
						.checked_add(Duration::from_millis(200))
						.unwrap_or_else(Instant::now);
				},
				Err(error) => {
					rejected = rejected.saturating_add(1);
					// The first few, on standard error: a hidden bar prints nothing.
					if rejected <= 3 {
						eprintln!("rejected: {error}");
					}
				},
			},
			Some(transaction) = async {
				match signed.as_mut() {
					Some(signed) => signed.recv().await,
					None => None,
				}
			}, if fresh => {
				in_flight.push(submit(&at, transaction?));
				submitted = submitted.saturating_add(1);
			},
			_ = tokio::time::sleep(Duration::from_millis(50)) => {},
		}
	}
	stop.store(true, Ordering::Relaxed);
	let blocks = tokio::time::timeout(Duration::from_secs(120), watcher)
		.await
		.map_err(|_| anyhow!("the pool did not drain within two minutes"))???;
	bar.finish_and_clear();

	let mut summary = summarize(&blocks);
	summary.budget_ms = Some(budget_ms);
	let report = Report {
		workload: options.workload,
		duration_s: options.duration.as_secs_f64(),
		batch: options.batch,
		submitted,
		rejected,
		resubmitted,
		blocks,
		summary: summary.clone(),
	};
	println!(
		"{:?} for {:.0} s: {} transactions submitted ({} rejected, {} submitted again after the \
		 pool was full); {} blocks held {} extrinsics and {} bills: {:.0} extrinsics/s, {:.0} \
		 bills/s; {} full blocks, {:.0} bills and {:.0} extrinsics per full block; {:.0} ps of \
		 weight per bill; finality lag at most {} blocks; a full block authored in {} (at most \
		 {}), imported in {} (at most {}), budget {}",
		options.workload,
		report.duration_s,
		submitted,
		rejected,
		resubmitted,
		summary.blocks,
		summary.extrinsics,
		summary.bills,
		summary.extrinsics_per_s,
		summary.bills_per_s,
		summary.full_blocks,
		summary.bills_per_full_block,
		summary.extrinsics_per_full_block,
		summary.weight_per_bill,
		summary.max_finality_lag,
		chart::milliseconds(summary.authoring_ms_mean),
		chart::milliseconds(summary.authoring_ms_max),
		chart::milliseconds(summary.import_ms_mean),
		chart::milliseconds(summary.import_ms_max),
		chart::milliseconds(summary.budget_ms),
	);
	if summary.failed > 0 || options.workload == Workload::CityDay {
		let calls: Vec<String> =
			summary.calls.iter().map(|(call, count)| format!("{count} {call}")).collect();
		println!("{} failed in dispatch; by call: {}", summary.failed, calls.join(", "));
	}
	if let Some(path) = &options.report {
		std::fs::write(path, serde_json::to_string_pretty(&report)?)
			.with_context(|| path.display().to_string())?;
	}
	if let Some(path) = &options.chart {
		chart::write(&report, path, &options.font)?;
	}
	if let Some(path) = &options.check {
		let reference: Report = serde_json::from_slice(
			&std::fs::read(path).with_context(|| path.display().to_string())?,
		)?;
		if reference.workload != options.workload {
			bail!("the reference is a {:?} run", reference.workload);
		}
		let found = regressions(&summary, &reference.summary, options.tolerance);
		if !found.is_empty() {
			bail!("regression against {}: {}", path.display(), found.join("; "));
		}
		println!("within {} % of the reference {}", options.tolerance, path.display());
	}
	Ok(())
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
	use super::*;

	pub(super) fn block(number: u64, extrinsics: u64, bills: u64, weight_fill: f64) -> BlockStats {
		BlockStats {
			number,
			interval_ms: Some(6_000),
			extrinsics,
			bills,
			bills_paid: 0,
			calls: BTreeMap::from([("EBills.issue_batch".into(), extrinsics)]),
			failed: number % 2,
			steps: city_day::Steps::default(),
			weight_ref_time: (weight_fill * 1e12) as u64,
			weight_fill,
			length: 0,
			length_fill: 0.0,
			finality_lag: number % 3,
			authoring_ms: Some(100.0 * weight_fill),
			import_ms: number.is_multiple_of(2).then_some(50.0),
			resources: Resources::default(),
		}
	}

	#[test]
	fn the_summary_counts_the_blocks_that_held_the_run_and_averages_the_full_ones() {
		let blocks = [
			block(1, 0, 0, 0.0),
			block(2, 8, 8_000, 0.99),
			block(3, 8, 8_000, 0.99),
			block(4, 3, 3_000, 0.37),
			block(5, 0, 0, 0.0),
		];
		let summary = summarize(&blocks);
		assert_eq!((summary.blocks, summary.extrinsics, summary.bills), (3, 19, 19_000));
		// Blocks 3 and 4 arrived in the 12 s after block 2.
		assert_eq!(summary.bills_per_s, 11_000.0 / 12.0);
		assert_eq!((summary.full_blocks, summary.bills_per_full_block), (2, 8_000.0));
		assert_eq!(summary.extrinsics_per_full_block, 8.0);
		assert_eq!(summary.weight_per_bill, (0.99e12 * 2.0 + 0.37e12) / 19_000.0);
		assert_eq!(summary.max_finality_lag, 2);
		// Block 3 held a failed extrinsic (odd numbers do, here); blocks 1 and 5 held nothing.
		assert_eq!(summary.failed, 1);
		assert_eq!(summary.calls, BTreeMap::from([("EBills.issue_batch".into(), 19)]));
		// Times over the full blocks only; block 3 was not measured on the importing node.
		assert_eq!((summary.authoring_ms_mean, summary.authoring_ms_max), (Some(99.0), Some(99.0)));
		assert_eq!((summary.import_ms_mean, summary.import_ms_max), (Some(50.0), Some(50.0)));
		assert_eq!(mean_and_max([1.0, 4.0, 2.5].into_iter()), (Some(2.5), Some(4.0)));
		assert_eq!(mean_and_max(std::iter::empty()), (None, None));
		assert_eq!(summarize(&[]).blocks, 0);
		// Seven batches at 88.5 %: an eighth would not have fitted, so the block is full.
		assert!(block(1, 7, 7_000, 0.885).is_full());
		assert!(!block(1, 6, 6_000, 0.76).is_full());
	}

	#[test]
	fn a_run_regresses_on_fewer_bills_per_full_block_or_more_weight_per_bill() {
		let reference = Summary {
			full_blocks: 4,
			bills_per_full_block: 8_000.0,
			weight_per_bill: 186_700_000.0,
			..Default::default()
		};
		assert!(regressions(&reference, &reference, 5.0).is_empty());
		let slower = Summary { bills_per_full_block: 7_500.0, ..reference.clone() };
		assert!(regressions(&slower, &reference, 10.0).is_empty());
		assert_eq!(regressions(&slower, &reference, 5.0).len(), 1);
		let heavier = Summary { weight_per_bill: 200_000_000.0, ..reference.clone() };
		assert!(regressions(&heavier, &reference, 5.0)[0].contains("weight per bill"));
		let idle = Summary { full_blocks: 0, ..reference.clone() };
		assert!(regressions(&idle, &reference, 5.0)[0].contains("no block was full"));
	}
}
