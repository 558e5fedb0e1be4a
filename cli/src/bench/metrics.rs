//! What the harness reads from the nodes' Prometheus endpoints for every block: how long the
//! authoring node took to build it (`substrate_proposer_block_constructed`) and how long a node
//! that does not author took to verify and import it
//! (`substrate_block_verification_and_import_time`). Both are histograms: a block's time is the
//! growth of the histogram's sum over the growth of its count between two reads.
//!
//! Where the nodes run on this machine, it also reads what they hold: their resident memory
//! (`/proc/<pid>/status`) and the size of their databases on disk.

use anyhow::{bail, Context, Result};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::TokioExecutor,
};
use std::time::{Duration, Instant};

/// The proposer's time to build a block, on the authoring node (seconds).
pub const AUTHORING: &str = "substrate_proposer_block_constructed";
/// The import queue's time to verify and import a block, on any node that imports it (seconds).
pub const IMPORT: &str = "substrate_block_verification_and_import_time";

/// A histogram's running totals: the seconds observed and how many observations.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
	pub sum: f64,
	pub count: u64,
}

impl Totals {
	/// Milliseconds per observation made since `earlier`; `None` if there was none.
	pub fn mean_ms_since(&self, earlier: &Totals) -> Option<f64> {
		let observations = self.count.checked_sub(earlier.count).filter(|n| *n > 0)?;
		Some((self.sum - earlier.sum) * 1_000.0 / observations as f64)
	}
}

/// The samples of the text exposition format named `name` (any labels), with their labels.
fn samples<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = (&'a str, f64)> + 'a {
	text.lines().filter(|line| !line.starts_with('#')).filter_map(move |line| {
		let rest = line.strip_prefix(name)?;
		// `name{labels} value` or `name value`, never a longer name that starts with this one.
		let (labels, value) = match rest.strip_prefix('{') {
			Some(labelled) => labelled.split_once('}')?,
			None if rest.starts_with(' ') => ("", rest),
			None => return None,
		};
		let value = value.split_whitespace().next()?.parse().ok()?;
		Some((labels, value))
	})
}

/// A histogram's totals, summed over its label sets.
pub fn histogram(text: &str, name: &str) -> Totals {
	let (sum_name, count_name) = (format!("{name}_sum"), format!("{name}_count"));
	Totals {
		sum: samples(text, &sum_name).map(|(_, value)| value).sum(),
		count: samples(text, &count_name).map(|(_, value)| value as u64).sum(),
	}
}

/// One node's metrics endpoint (`http://127.0.0.1:9615/metrics`).
pub struct Endpoint {
	client: Client<HttpConnector, Empty<Bytes>>,
	uri: hyper::Uri,
}

impl Endpoint {
	pub fn new(url: &str) -> Result<Self> {
		let uri = url.parse().with_context(|| format!("metrics address {url}"))?;
		Ok(Self { client: Client::builder(TokioExecutor::new()).build_http(), uri })
	}

	/// The endpoint's current samples, as text.
	pub async fn read(&self) -> Result<String> {
		let response =
			self.client.get(self.uri.clone()).await.with_context(|| self.uri.to_string())?;
		if !response.status().is_success() {
			bail!("{}: {}", self.uri, response.status());
		}
		let body = response.into_body().collect().await?.to_bytes();
		Ok(String::from_utf8_lossy(&body).into_owned())
	}
}

/// Reads each block's authoring and import time as the harness sees it become the best block.
pub struct BlockTimes {
	authoring: Option<(Endpoint, Totals)>,
	import: Option<(Endpoint, Totals)>,
}

impl BlockTimes {
	/// Starts from the histograms' current totals.
	pub async fn new(authoring: Option<&str>, import: Option<&str>) -> Result<Self> {
		async fn start(url: Option<&str>, name: &str) -> Result<Option<(Endpoint, Totals)>> {
			let Some(url) = url else { return Ok(None) };
			let endpoint = Endpoint::new(url)?;
			let totals = histogram(&endpoint.read().await?, name);
			Ok(Some((endpoint, totals)))
		}
		Ok(Self {
			authoring: start(authoring, AUTHORING).await?,
			import: start(import, IMPORT).await?,
		})
	}

	/// The mean authoring time (ms) of the blocks built since the last call.
	pub async fn authoring_ms(&mut self) -> Option<f64> {
		let (endpoint, last) = self.authoring.as_mut()?;
		let now = histogram(&endpoint.read().await.ok()?, AUTHORING);
		let ms = now.mean_ms_since(last);
		*last = now;
		ms
	}

	/// The mean import time (ms) of the blocks the importing node imported since the last call,
	/// once it has imported `blocks` more (waiting at most `patience` for them).
	pub async fn import_ms(&mut self, blocks: u64, patience: Duration) -> Option<f64> {
		let (endpoint, last) = self.import.as_mut()?;
		let wanted = last.count.saturating_add(blocks);
		let started = Instant::now();
		loop {
			let now = endpoint.read().await.ok().map(|text| histogram(&text, IMPORT));
			let waited = started.elapsed() > patience;
			if let Some(now) = now.filter(|now| now.count >= wanted || waited) {
				let ms = now.mean_ms_since(last);
				*last = now;
				return ms;
			}
			if waited {
				return None;
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
	}
}

/// A process's resident memory in MB (Linux), `None` if it is not running: all of it, the
/// database files it maps included (`VmRSS`).
pub fn resident_mb(pid: u32) -> Option<f64> {
	status_mb(pid, "VmRSS:")
}

/// The part of a process's resident memory that no file backs, in MB: its heap and caches
/// (`RssAnon`). The rest is mapped files the kernel may drop and read again, such as ParityDB's
/// tables.
pub fn anonymous_mb(pid: u32) -> Option<f64> {
	status_mb(pid, "RssAnon:")
}

/// A line of `/proc/<pid>/status` given in kB, in MB.
fn status_mb(pid: u32, field: &str) -> Option<f64> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let kilobytes: f64 = status
		.lines()
		.find_map(|line| line.strip_prefix(field))?
		.split_whitespace()
		.next()?
		.parse()
		.ok()?;
	Some(kilobytes / 1_024.0)
}

/// The size in MB of the files under `path` (a node's database directory).
pub fn directory_mb(path: &std::path::Path) -> Option<f64> {
	fn bytes(path: &std::path::Path) -> u64 {
		let Ok(entries) = std::fs::read_dir(path) else { return 0 };
		entries
			.flatten()
			.map(|entry| match entry.metadata() {
				Ok(metadata) if metadata.is_dir() => bytes(&entry.path()),
				Ok(metadata) => metadata.len(),
				Err(_) => 0,
			})
			.fold(0u64, u64::saturating_add)
	}
	path.is_dir().then(|| bytes(path) as f64 / 1_048_576.0)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// As a node serves it (abridged): the registry's `chain` label on every sample.
	const TEXT: &str = r#"# HELP substrate_block_height Block height info of the chain
# TYPE substrate_block_height gauge
substrate_block_height{status="best",chain="dev"} 42
substrate_block_height{status="finalized",chain="dev"} 40
substrate_block_height{status="sync_target",chain="dev"} 42
# TYPE substrate_proposer_block_constructed histogram
substrate_proposer_block_constructed_bucket{chain="dev",le="0.005"} 3
substrate_proposer_block_constructed_bucket{chain="dev",le="+Inf"} 40
substrate_proposer_block_constructed_sum{chain="dev"} 12.5
substrate_proposer_block_constructed_count{chain="dev"} 40
substrate_proposer_block_constructed_sum_of_something 99
substrate_block_verification_and_import_time_sum 0.75
substrate_block_verification_and_import_time_count 3
"#;

	#[test]
	fn a_histogram_is_read_from_its_sum_and_count_whatever_its_labels() {
		assert_eq!(histogram(TEXT, AUTHORING), Totals { sum: 12.5, count: 40 });
		assert_eq!(histogram(TEXT, IMPORT), Totals { sum: 0.75, count: 3 });
		assert_eq!(histogram(TEXT, "substrate_unknown"), Totals::default());
	}

	#[test]
	fn a_blocks_time_is_what_the_histogram_grew_by_per_observation() {
		let before = Totals { sum: 12.5, count: 40 };
		let after = Totals { sum: 13.1, count: 41 };
		let ms = after.mean_ms_since(&before).unwrap_or_default();
		assert!((ms - 600.0).abs() < 1e-6, "{ms}");
		let two = Totals { sum: 13.5, count: 42 };
		assert!((two.mean_ms_since(&before).unwrap_or_default() - 500.0).abs() < 1e-6);
		assert_eq!(before.mean_ms_since(&before), None);
	}

	#[test]
	fn what_a_process_and_a_directory_hold() {
		let this = resident_mb(std::process::id()).unwrap_or_default();
		assert!(this > 1.0 && this < 4_096.0, "{this} MB");
		let anonymous = anonymous_mb(std::process::id()).unwrap_or_default();
		assert!(anonymous > 0.0 && anonymous <= this, "{anonymous} of {this} MB");
		assert_eq!(resident_mb(u32::MAX), None);
		assert_eq!(anonymous_mb(u32::MAX), None);
		let dir = std::env::temp_dir().join(format!("civitas-bench-{}", std::process::id()));
		std::fs::create_dir_all(dir.join("inner")).unwrap_or_default();
		std::fs::write(dir.join("a"), vec![0u8; 524_288]).unwrap_or_default();
		std::fs::write(dir.join("inner").join("b"), vec![0u8; 524_288]).unwrap_or_default();
		assert_eq!(directory_mb(&dir), Some(1.0));
		std::fs::remove_dir_all(&dir).unwrap_or_default();
		assert_eq!(directory_mb(&dir), None);
	}
}
