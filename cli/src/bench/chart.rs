//! The run's chart (`--chart run.png`): what every block held, how full it was, how long it took
//! to author and to import against the budget, the finality lag and, where they were read, the
//! nodes' memory and database size, over the run.

use super::{BlockStats, Report};
use anyhow::{anyhow, Context, Result};
use plotters::{
	prelude::*,
	style::{register_font, FontStyle},
};
use std::path::Path;

/// Debian's `fonts-dejavu-core` (`scripts/setup.sh` installs it); `--font` names another.
pub const DEFAULT_FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT: &str = "sans-serif";
/// The chart's width, and the height of its heading and of each panel.
const WIDTH: u32 = 1_200;
const HEADING: u32 = 72;
const PANEL: u32 = 307;

/// One line of a panel: its name, colour and a value per block (none where unmeasured).
struct Line<'a> {
	name: &'a str,
	colour: RGBColor,
	value: Box<dyn Fn(&BlockStats) -> Option<f64> + 'a>,
	dashed: bool,
}

impl<'a> Line<'a> {
	fn new(
		name: &'a str,
		colour: RGBColor,
		value: impl Fn(&BlockStats) -> Option<f64> + 'a,
	) -> Self {
		Self { name, colour, value: Box::new(value), dashed: false }
	}

	/// A constant (a limit, a budget), dashed.
	fn limit(name: &'a str, colour: RGBColor, at: f64) -> Self {
		Self { name, colour, value: Box::new(move |_| Some(at)), dashed: true }
	}
}

/// A drawing step's result, its error as ours.
fn draw<T, E: std::error::Error + Send + Sync>(
	result: Result<T, DrawingAreaErrorKind<E>>,
) -> Result<T> {
	result.map_err(|error| anyhow!("drawing the chart: {error}"))
}

/// One panel: the lines over the blocks, the y axis from zero.
fn panel<DB: DrawingBackend>(
	area: &DrawingArea<DB, plotters::coord::Shift>,
	title: &str,
	unit: &str,
	blocks: &[BlockStats],
	lines: &[Line],
) -> Result<()> {
	let first = blocks.first().map_or(0, |b| b.number);
	let last = blocks.last().map_or(1, |b| b.number).max(first.saturating_add(1));
	let top = lines
		.iter()
		.flat_map(|line| blocks.iter().filter_map(|b| (line.value)(b)))
		.fold(0.0f64, f64::max)
		.max(1.0)
		// Room for the legend above the lines.
		* (1.2 + 0.15 * lines.len() as f64);
	let mut chart = draw(
		ChartBuilder::on(area)
			.caption(title, (FONT, 20))
			.margin(12)
			.x_label_area_size(38)
			.y_label_area_size(70)
			.build_cartesian_2d(first..last, 0.0..top),
	)?;
	draw(
		chart
			.configure_mesh()
			.x_desc("block")
			.y_desc(unit)
			.y_label_formatter(&|v| if top < 10.0 { format!("{v:.1}") } else { format!("{v:.0}") })
			.label_style((FONT, 13))
			.light_line_style(WHITE.mix(0.0))
			.draw(),
	)?;
	for line in lines {
		let points: Vec<(u64, f64)> =
			blocks.iter().filter_map(|b| (line.value)(b).map(|v| (b.number, v))).collect();
		let style = line.colour.stroke_width(2);
		let colour = line.colour;
		let drawn = draw(if line.dashed {
			chart.draw_series(DashedLineSeries::new(points, 8, 6, style))
		} else {
			chart.draw_series(LineSeries::new(points, style))
		})?;
		drawn.label(line.name).legend(move |(x, y)| {
			PathElement::new(vec![(x, y), (x.saturating_add(20), y)], colour)
		});
	}
	draw(
		chart
			.configure_series_labels()
			.position(SeriesLabelPosition::UpperRight)
			.label_font((FONT, 14))
			.background_style(WHITE.mix(0.85))
			.border_style(BLACK)
			.draw(),
	)
}

/// Writes the report's chart as a PNG, with the font at `font` (a TrueType file).
pub fn write(report: &Report, path: &Path, font: &Path) -> Result<()> {
	// plotters keeps registered fonts for the process: the bytes live as long.
	let bytes: &'static [u8] = Box::leak(
		std::fs::read(font)
			.with_context(|| format!("the chart's font {} (--font)", font.display()))?
			.into_boxed_slice(),
	);
	register_font(FONT, FontStyle::Normal, bytes)
		.map_err(|_| anyhow!("{} is not a TrueType font", font.display()))?;

	// The run: from the block before its first transactions to the last block it watched.
	let start = report.blocks.iter().position(|b| b.extrinsics > 0).unwrap_or_default();
	let blocks = report.blocks.get(start.saturating_sub(1)..).unwrap_or_default();
	let summary = &report.summary;

	let resources = blocks.iter().any(|b| b.resources != super::Resources::default());
	let panels: u32 = if resources { 5 } else { 4 };
	let height = PANEL.saturating_mul(panels).saturating_add(HEADING);
	let root = BitMapBackend::new(path, (WIDTH, height)).into_drawing_area();
	draw(root.fill(&WHITE))?;
	let (heading, body) = root.split_vertically(HEADING);
	draw(heading.draw_text(
		&format!(
			"civitas bench: {} for {:.0} s, {} blocks",
			report.workload.name(),
			report.duration_s,
			summary.blocks
		),
		&(FONT, 24).into_font().color(&BLACK),
		(20, 10),
	))?;
	draw(heading.draw_text(
		&format!(
			"{:.0} bills/s, {:.0} transactions/s; a full block: {:.0} bills, {:.0} transactions, \
			 authored in {}, imported in {}",
			summary.bills_per_s,
			summary.extrinsics_per_s,
			summary.bills_per_full_block,
			summary.extrinsics_per_full_block,
			milliseconds(summary.authoring_ms_mean),
			milliseconds(summary.import_ms_mean),
		),
		&(FONT, 16).into_font().color(&BLACK),
		(20, 42),
	))?;
	let budget = summary.budget_ms;
	let panels = body.split_evenly((panels as usize, 1));
	let mut panels = panels.iter();
	let mut next = || panels.next().ok_or_else(|| anyhow!("a panel is missing"));
	let count = |value: u64| Some(value as f64);
	if blocks.iter().any(|b| b.bills > 0) {
		panel(
			next()?,
			"Bills in each block",
			"bills",
			blocks,
			&[Line::new("bills", BLUE, |b| count(b.bills))],
		)?;
	} else {
		panel(
			next()?,
			"Transactions in each block",
			"signed transactions",
			blocks,
			&[Line::new("signed transactions", RED, |b| count(b.extrinsics))],
		)?;
	}
	panel(
		next()?,
		"How full each block was (normal class)",
		"%",
		blocks,
		&[
			Line::new("weight", BLUE, |b| Some(b.weight_fill * 100.0)),
			Line::new("length", GREEN, |b| Some(b.length_fill * 100.0)),
			Line::limit("full (90 %)", BLACK, 90.0),
		],
	)?;
	let mut times = vec![
		Line::new("authoring (the authoring node's proposer)", MAGENTA, |b| b.authoring_ms),
		Line::new("import (a node that does not author)", CYAN, |b| b.import_ms),
	];
	if let Some(budget) = budget {
		times.push(Line::limit("budget: half the proposing time", BLACK, budget));
	}
	panel(next()?, "Authoring and import time", "ms", blocks, &times)?;
	panel(
		next()?,
		"Finality lag (best minus finalized)",
		"blocks",
		blocks,
		&[Line::new("lag", RGBColor(120, 60, 0), |b| count(b.finality_lag))],
	)?;
	if resources {
		panel(
			next()?,
			"The nodes' resident memory and database on disk",
			"MB",
			blocks,
			&[
				Line::new("authoring node: resident", MAGENTA, |b| b.resources.author_rss_mb),
				Line::new("authoring node: heap and caches", RED, |b| {
					b.resources.author_anonymous_mb
				}),
				Line::new("authoring node: database", BLUE, |b| b.resources.author_database_mb),
				Line::new("importing node: resident", CYAN, |b| b.resources.import_rss_mb),
				Line::new("importing node: heap and caches", RGBColor(200, 120, 0), |b| {
					b.resources.import_anonymous_mb
				}),
				Line::new("importing node: database", GREEN, |b| b.resources.import_database_mb),
			],
		)?;
	}
	draw(root.present())
}

pub fn milliseconds(value: Option<f64>) -> String {
	value.map_or_else(|| "(not measured)".to_string(), |ms| format!("{ms:.0} ms"))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
	use super::*;
	use crate::bench::{summarize, Resources, Workload};

	/// A run of 30 blocks of bill batches, the nodes growing as it goes.
	fn report(resources: bool) -> Report {
		let blocks: Vec<BlockStats> = (100..130u64)
			.map(|number| {
				let busy = (102..126).contains(&number);
				let batches = if busy { 7 } else { 0 };
				BlockStats {
					number,
					interval_ms: Some(6_000),
					extrinsics: batches,
					bills: batches * 1_000,
					bills_paid: 0,
					calls: Default::default(),
					failed: 0,
					steps: Default::default(),
					weight_ref_time: batches * 190_000_000_000,
					weight_fill: batches as f64 * 0.126,
					length: batches * 105_000,
					length_fill: batches as f64 * 0.025,
					finality_lag: if busy { 2 } else { 1 },
					authoring_ms: Some(if busy { 380.0 + number as f64 } else { 4.0 }),
					import_ms: Some(if busy { 300.0 + number as f64 } else { 3.0 }),
					resources: if resources {
						Resources {
							author_rss_mb: Some(400.0 + number as f64),
							author_anonymous_mb: Some(300.0),
							author_database_mb: Some(number as f64 * 2.0),
							import_rss_mb: Some(350.0 + number as f64),
							import_anonymous_mb: Some(250.0),
							import_database_mb: Some(number as f64 * 2.0),
						}
					} else {
						Resources::default()
					},
				}
			})
			.collect();
		let mut summary = summarize(&blocks);
		summary.budget_ms = Some(2_000.0);
		Report {
			workload: Workload::BillBatches,
			duration_s: 150.0,
			batch: 1_000,
			submitted: 168,
			rejected: 0,
			resubmitted: 0,
			blocks,
			summary,
		}
	}

	/// The PNG's width and height, from its header.
	fn size(png: &[u8]) -> (u32, u32) {
		assert_eq!(&png[1..4], b"PNG");
		let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
		(word(16), word(20))
	}

	#[test]
	fn a_run_is_drawn_with_a_panel_for_the_nodes_resources_when_they_were_read() {
		let dir = std::env::temp_dir().join(format!("civitas-chart-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let (plain, grown) = (dir.join("plain.png"), dir.join("grown.png"));
		write(&report(false), &plain, Path::new(DEFAULT_FONT)).unwrap();
		write(&report(true), &grown, Path::new(DEFAULT_FONT)).unwrap();
		assert_eq!(size(&std::fs::read(&plain).unwrap()), (1_200, 1_300));
		assert_eq!(size(&std::fs::read(&grown).unwrap()), (1_200, 1_607));
		if let Ok(keep) = std::env::var("CIVITAS_KEEP_CHART") {
			std::fs::copy(&grown, keep).unwrap();
		}
		std::fs::remove_dir_all(&dir).unwrap();
		// A font that is not one is refused by name.
		let error = write(&report(false), &plain, Path::new("/proc/self/status")).unwrap_err();
		assert!(error.to_string().contains("is not a TrueType font"), "{error}");
	}
}
