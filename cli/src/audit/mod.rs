//! `civitas audit`: the chain's history in a database an auditor can query, its exports, and the
//! look-up of the record that anchors a document.

pub mod decode;
pub mod serve;
pub mod store;

use anyhow::{anyhow, bail, Context, Result};
use civitas_client::{civitas, CivitasConfig};
use decode::{event_columns, INDEXED_PALLETS};
use futures::{StreamExt, TryStreamExt};
use std::time::{Duration, Instant};
use store::{BlockRow, EventRow, ExtrinsicRow, Filter, Store};
use subxt::{
	events::Phase,
	ext::scale_value::{At, Value},
	utils::AccountId32,
	OnlineClient,
};

type Client = OnlineClient<CivitasConfig>;

/// How many blocks are fetched from the node at once.
const CONCURRENCY: usize = 32;
/// A chunk is written once it holds this many events (or blocks), or after a second.
const CHUNK_EVENTS: usize = 20_000;
const CHUNK_BLOCKS: usize = 500;

/// Options of `civitas audit index`.
pub struct IndexOptions {
	pub url: String,
	pub database: String,
	/// Stop once the finalized head is indexed instead of following the chain.
	pub once: bool,
	pub quiet: bool,
}

/// Reads one finalized block into rows.
async fn fetch_block(api: &Client, number: u64) -> Result<BlockRow> {
	let at = api.at_block(number).await.with_context(|| format!("block {number}"))?;
	let extrinsics = at.extrinsics().fetch().await?;
	let events = at.events().fetch().await?;
	// Decoded with the metadata of the block's own runtime.
	let metadata = at.metadata();
	let types = metadata.types();
	let mut row = BlockRow {
		number,
		hash: format!("{:?}", at.block_hash()),
		time_ms: None,
		spec_version: at.spec_version(),
		extrinsics: Vec::with_capacity(extrinsics.len()),
		events: Vec::new(),
	};
	let mut call_documents = Vec::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic?;
		let (pallet, call) = (extrinsic.pallet_name(), extrinsic.call_name());
		if (pallet, call) == ("Timestamp", "set") {
			let fields = extrinsic.decode_call_data_fields_unchecked_as::<Value>()?;
			row.time_ms =
				fields.at("now").and_then(|now| now.as_u128()).and_then(|n| i64::try_from(n).ok());
		}
		// A signed extrinsic's address is a `MultiAddress`; `Id` (0) is followed by the account.
		let signer = extrinsic.address_bytes().and_then(|address| match address {
			[0, account @ ..] => {
				<[u8; 32]>::try_from(account).ok().map(|a| AccountId32(a).to_string())
			},
			_ => None,
		});
		// The documents a call anchors that its events do not name (a bill's content hash): they
		// are added to the call's first indexed event.
		if INDEXED_PALLETS.contains(&pallet) {
			let variant = metadata
				.pallet_by_name(pallet)
				.and_then(|p| p.call_variant_by_index(extrinsic.call_index()))
				.ok_or_else(|| anyhow!("no call {pallet}.{}", extrinsic.call_name()))?;
			let fields =
				decode::decode_fields(extrinsic.call_data_field_bytes(), &variant.fields, types)?;
			let documents: Vec<_> = event_columns(&fields, types)
				.refs
				.into_iter()
				.filter(|r| r.kind == "document")
				.collect();
			if !documents.is_empty() {
				call_documents.push((u32::try_from(extrinsic.index())?, documents));
			}
		}
		row.extrinsics.push(ExtrinsicRow {
			index: u32::try_from(extrinsic.index())?,
			hash: format!("{:?}", extrinsic.hash()),
			pallet: pallet.to_string(),
			call: call.to_string(),
			signer,
			success: true,
		});
	}
	for (index, event) in events.iter().enumerate() {
		let event = event?;
		let extrinsic = match event.phase() {
			Phase::ApplyExtrinsic(i) => Some(i),
			_ => None,
		};
		let (pallet, name) = (event.pallet_name(), event.event_name());
		if (pallet, name) == ("System", "ExtrinsicFailed") {
			if let Some(failed) = extrinsic.and_then(|i| row.extrinsics.get_mut(i as usize)) {
				failed.success = false;
			}
		}
		if !INDEXED_PALLETS.contains(&pallet) {
			continue;
		}
		let variant = metadata
			.pallet_by_name(pallet)
			.and_then(|p| p.event_variant_by_index(event.event_index()))
			.ok_or_else(|| anyhow!("no event {pallet}.{name}"))?;
		let fields = decode::decode_fields(event.field_bytes(), &variant.fields, types)?;
		row.events.push(EventRow {
			index: u32::try_from(index)?,
			extrinsic,
			pallet: pallet.to_string(),
			event: name.to_string(),
			columns: event_columns(&fields, types),
		});
	}
	for (extrinsic, documents) in call_documents {
		if let Some(event) = row.events.iter_mut().find(|e| e.extrinsic == Some(extrinsic)) {
			for document in documents {
				if !event.columns.refs.contains(&document) {
					event.columns.refs.push(document);
				}
			}
		}
	}
	Ok(row)
}

/// Follows the finalized chain into the database, from the block after the last indexed one.
pub async fn index(options: IndexOptions) -> Result<()> {
	let api = Client::from_url(&options.url)
		.await
		.with_context(|| format!("connecting to {}", options.url))?;
	let mut store = Store::open(&options.database).await?;
	store.claim_chain(&format!("{:?}", api.genesis_hash())).await?;
	let mut next = match store.last_block().await? {
		Some((number, hash)) => {
			let at = api.at_block(number).await.with_context(|| {
				format!(
					"the indexed block {number} ({hash}) is not on the chain at {}",
					options.url
				)
			})?;
			let on_chain = format!("{:?}", at.block_hash());
			if on_chain != hash {
				bail!(
					"indexed block {number} is {hash}, the chain's is {on_chain}: this index \
					 belongs to another chain; index into a new database"
				);
			}
			number.saturating_add(1)
		},
		None => 0,
	};
	let bar = if options.quiet {
		indicatif::ProgressBar::hidden()
	} else {
		indicatif::ProgressBar::new(0)
	};
	bar.set_style(
		indicatif::ProgressStyle::with_template(
			"{spinner} block {pos}/{len} [{bar:30}] {per_sec} blocks · {msg}",
		)?
		.progress_chars("=> "),
	);
	bar.set_position(next);
	let started = Instant::now();
	let (mut blocks, mut events) = (0u64, 0u64);
	// The writer runs beside the fetcher: while one chunk is written the next is fetched.
	let (sender, mut receiver) = tokio::sync::mpsc::channel::<Vec<BlockRow>>(4);
	let writer = tokio::spawn(async move {
		let mut spent = Duration::ZERO;
		while let Some(chunk) = receiver.recv().await {
			let began = Instant::now();
			store.write(&chunk).await?;
			spent = spent.saturating_add(began.elapsed());
		}
		anyhow::Ok((store, spent))
	});
	// Ctrl-C stops the follower after the chunk in hand is written, with its summary.
	let (stopper, mut stop) = tokio::sync::watch::channel(false);
	tokio::spawn(async move {
		if tokio::signal::ctrl_c().await.is_ok() {
			let _ = stopper.send(true);
		}
	});
	loop {
		let head = api.at_current_block().await?.block_number();
		bar.set_length(head);
		if next <= head {
			// Each block is fetched and decoded in its own task, so decoding uses every core;
			// `buffered` hands them on in order.
			let mut fetched = futures::stream::iter(next..=head)
				.map(|number| {
					let api = api.clone();
					tokio::spawn(async move { fetch_block(&api, number).await })
				})
				.buffered(CONCURRENCY)
				.map(|joined| joined.map_err(anyhow::Error::from).and_then(|block| block));
			let mut chunk = Vec::new();
			let mut chunk_events = 0usize;
			let mut last_flush = Instant::now();
			loop {
				let block = fetched.try_next().await?;
				let done = block.is_none();
				if let Some(block) = block {
					chunk_events = chunk_events.saturating_add(block.events.len());
					events = events.saturating_add(block.events.len() as u64);
					blocks = blocks.saturating_add(1);
					next = block.number.saturating_add(1);
					chunk.push(block);
				}
				if !chunk.is_empty()
					&& (done
						|| chunk_events >= CHUNK_EVENTS
						|| chunk.len() >= CHUNK_BLOCKS
						|| last_flush.elapsed() > Duration::from_secs(1))
				{
					sender
						.send(std::mem::take(&mut chunk))
						.await
						.map_err(|_| anyhow!("the writer stopped"))?;
					chunk_events = 0;
					last_flush = Instant::now();
					bar.set_position(next);
					let rate = events as f64 / started.elapsed().as_secs_f64().max(1e-3);
					bar.set_message(format!(
						"{events} events ({rate:.0}/s) · lag {}",
						head.saturating_sub(next.saturating_sub(1))
					));
				}
				if done || (chunk.is_empty() && *stop.borrow()) {
					break;
				}
			}
		}
		if options.once {
			break;
		}
		// The next finalized blocks, in two seconds (a block's time is six), unless stopped.
		tokio::select! {
			_ = tokio::time::sleep(Duration::from_secs(2)) => {},
			_ = stop.changed() => {},
		}
		if *stop.borrow() {
			break;
		}
	}
	drop(sender);
	let (store, write_time) = writer.await??;
	bar.finish_and_clear();
	let elapsed = started.elapsed().as_secs_f64();
	let (total_blocks, _, total_events) = store.counts().await?;
	println!(
		"indexed blocks {}..{} ({blocks} blocks, {events} events) in {elapsed:.2} s: {:.0} events/s, \
		 {:.0} blocks/s; writing took {:.2} s ({:.0} events/s); the index holds {total_blocks} \
		 blocks and {total_events} events",
		next.saturating_sub(blocks),
		next.saturating_sub(1),
		events as f64 / elapsed.max(1e-6),
		blocks as f64 / elapsed.max(1e-6),
		write_time.as_secs_f64(),
		events as f64 / write_time.as_secs_f64().max(1e-6),
	);
	Ok(())
}

/// The output format of `civitas audit export`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
	Csv,
	Json,
}

/// An event as JSON, its fields as the object they are (not a string).
pub fn export_json(event: &store::EventRecord) -> Result<serde_json::Value> {
	let mut row = serde_json::to_value(event)?;
	if let Some(row) = row.as_object_mut() {
		row.insert("fields".into(), serde_json::from_str(&event.fields)?);
	}
	Ok(row)
}

/// Writes the events that pass `filter` to standard output.
pub async fn export(database: &str, filter: &Filter, format: Format) -> Result<()> {
	let store = Store::open(database).await?;
	let events = store.events(filter).await?;
	let stdout = std::io::stdout();
	match format {
		Format::Json => {
			let rows: Vec<serde_json::Value> =
				events.iter().map(export_json).collect::<Result<_>>()?;
			serde_json::to_writer_pretty(stdout.lock(), &rows)?;
			println!();
		},
		Format::Csv => {
			let mut writer = csv::Writer::from_writer(stdout.lock());
			for event in &events {
				writer.serialize(event)?;
			}
			writer.flush()?;
		},
	}
	Ok(())
}

/// What the chain says today about a document an event anchored.
async fn current_state(
	api: &Client,
	event: &store::EventRecord,
	document: [u8; 32],
) -> Result<String> {
	let at = api.at_current_block().await?;
	let fields: serde_json::Value = serde_json::from_str(&event.fields)?;
	let hash = subxt::utils::H256(document);
	Ok(match (event.pallet.as_str(), event.event.as_str()) {
		("RealEstate", "LicenceIssued" | "LicenceRevoked" | "LicencePruned") => {
			let property = fields
				.get("property")
				.and_then(|p| p.as_u64())
				.ok_or_else(|| anyhow!("no property"))?;
			let call = civitas::runtime_apis().real_estate_api().verify_licence(property, hash);
			match at.runtime_apis().call(call).await? {
				Some(licence) if licence.valid_now => {
					format!("licence of property {property}: valid now")
				},
				Some(_) => format!("licence of property {property}: on record, NOT valid now"),
				None => format!("licence of property {property}: no longer on record"),
			}
		},
		("CivicIdentity", "CommitmentUpdated") => {
			let subject = hash_of(fields.get("subject"))?;
			let call = civitas::runtime_apis().civic_identity_api().subject(subject);
			match at.runtime_apis().call(call).await? {
				Some(info) if info.record.commitment == hash => {
					"the subject's current commitment".to_string()
				},
				Some(_) => "superseded: the subject's commitment has changed since".to_string(),
				None => "the subject is not registered".to_string(),
			}
		},
		("EBills", _) if fields.get("bill").is_some() => {
			let bill = hash_of(fields.get("bill"))?;
			let call = civitas::runtime_apis().e_bills_api().bill(bill);
			match at.runtime_apis().call(call).await? {
				Some(info) => format!("bill {bill:?}: {:?}", info.status),
				None => format!("bill {bill:?}: no longer on record"),
			}
		},
		_ => "anchored by the event; no live record keeps this document".to_string(),
	})
}

fn hash_of(value: Option<&serde_json::Value>) -> Result<subxt::utils::H256> {
	let text = value.and_then(|v| v.as_str()).ok_or_else(|| anyhow!("not a hash"))?;
	Ok(subxt::utils::H256(crate::hash32(text)?))
}

/// Which records anchor `document`: every event that names it, with its block, department and
/// officer, and what the chain's state says of it now. Fails if no event names it.
pub async fn verify(database: &str, url: Option<&str>, document: &str) -> Result<()> {
	let hash = crate::hash32(document)?;
	let store = Store::open(database).await?;
	let filter = Filter { document: Some(decode::hex32(&hash)), ..Default::default() };
	let events = store.events(&filter).await?;
	if events.is_empty() {
		println!("not anchored: no indexed event names {}", decode::hex32(&hash));
		std::process::exit(1);
	}
	let api = match url {
		Some(url) => Some(Client::from_url(url).await?),
		None => None,
	};
	for event in &events {
		println!(
			"{}.{} in block {} ({}) extrinsic {} at {} by department {} officer {}",
			event.pallet,
			event.event,
			event.block,
			event.block_hash,
			event.extrinsic_index.map_or("-".into(), |i| i.to_string()),
			event.time_ms.map_or("-".into(), |t| t.to_string()),
			event.department.map_or("-".into(), |d| d.to_string()),
			event.officer.as_deref().unwrap_or("-"),
		);
		if let Some(api) = &api {
			println!("  now: {}", current_state(api, event, hash).await?);
		}
	}
	Ok(())
}
