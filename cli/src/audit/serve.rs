//! `civitas audit serve`: the auditors' portal (server-rendered pages with SVG charts, no
//! scripts, nothing fetched from the internet) and a JSON API, over the index.

use super::store::{EventRecord, Filter, Store};
use anyhow::Result;
use axum::{
	extract::{Path, Query, State},
	http::StatusCode,
	response::{Html, IntoResponse, Redirect, Response},
	routing::get,
	Json, Router,
};
use civitas_client::{civitas, CivitasConfig};
use minijinja::{context, Environment};
use serde::Serialize;
use std::{collections::BTreeMap, fmt::Write as _, sync::Arc};
use tokio::sync::Mutex;

struct App {
	store: Mutex<Store>,
	templates: Environment<'static>,
	/// Department and purpose names, read from the chain at start (`--url`).
	departments: BTreeMap<i64, String>,
	purposes: BTreeMap<u64, String>,
	chain: String,
	/// The node (`--url`), for what only the chain's state holds (a property's title register).
	api: Option<subxt::OnlineClient<CivitasConfig>>,
}

type Shared = Arc<App>;

/// A page's failure: a named 404 or a 500 with the cause.
struct Failure(StatusCode, String);

impl From<anyhow::Error> for Failure {
	fn from(error: anyhow::Error) -> Self {
		Failure(StatusCode::INTERNAL_SERVER_ERROR, format!("{error:#}"))
	}
}

impl From<minijinja::Error> for Failure {
	fn from(error: minijinja::Error) -> Self {
		Failure(StatusCode::INTERNAL_SERVER_ERROR, format!("{error:#}"))
	}
}

impl IntoResponse for Failure {
	fn into_response(self) -> Response {
		(self.0, self.1).into_response()
	}
}

type Page = Result<Html<String>, Failure>;

/// Serves the portal and the API on `listen` until the process is stopped.
pub async fn serve(database: &str, url: Option<&str>, listen: &str) -> Result<()> {
	let store = Store::open(database).await?;
	let mut departments = BTreeMap::new();
	let mut purposes = BTreeMap::new();
	let mut chain = database.to_string();
	let mut node = None;
	if let Some(url) = url {
		let api = subxt::OnlineClient::<CivitasConfig>::from_url(url).await?;
		let at = api.at_current_block().await?;
		let listed =
			at.runtime_apis().call(civitas::runtime_apis().departments_api().departments()).await?;
		for d in listed {
			departments.insert(i64::from(d.id), String::from_utf8_lossy(&d.name).into_owned());
		}
		let listed =
			at.runtime_apis().call(civitas::runtime_apis().access_log_api().purposes()).await?;
		for p in listed {
			purposes.insert(u64::from(p.purpose), String::from_utf8_lossy(&p.name).into_owned());
		}
		chain = format!("{url} · {}", database);
		node = Some(api);
	}
	let mut templates = Environment::new();
	for (name, source) in [
		("base.html", include_str!("../../templates/base.html")),
		("events.html", include_str!("../../templates/events.html")),
		("overview.html", include_str!("../../templates/overview.html")),
		("record.html", include_str!("../../templates/record.html")),
		("department.html", include_str!("../../templates/department.html")),
		("subject.html", include_str!("../../templates/subject.html")),
		("block.html", include_str!("../../templates/block.html")),
		("message.html", include_str!("../../templates/message.html")),
	] {
		templates.add_template(name, source)?;
	}
	let app = Arc::new(App {
		store: Mutex::new(store),
		templates,
		departments,
		purposes,
		chain,
		api: node,
	});
	let router = Router::new()
		.route("/", get(overview))
		.route("/search", get(search))
		.route("/record/{value}", get(record))
		.route("/department/{id}", get(department))
		.route("/subject/{value}", get(subject))
		.route("/block/{number}", get(block))
		.route("/api/events", get(api_events))
		.with_state(app);
	let listener = tokio::net::TcpListener::bind(listen).await?;
	println!("the auditors' portal: http://{}", listener.local_addr()?);
	axum::serve(listener, router).await?;
	Ok(())
}

/// An event as the pages show it.
#[derive(Serialize)]
struct EventView {
	#[serde(flatten)]
	event: EventRecord,
	time: String,
	department_name: String,
	fields_pretty: String,
}

fn time_text(ms: Option<i64>) -> String {
	ms.and_then(|ms| {
		let since = std::time::Duration::from_millis(u64::try_from(ms).ok()?);
		Some(
			humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH.checked_add(since)?)
				.to_string(),
		)
	})
	.unwrap_or_default()
}

impl App {
	fn department_name(&self, id: i64) -> String {
		self.departments.get(&id).cloned().unwrap_or_else(|| format!("Department {id}"))
	}

	fn view(&self, events: Vec<EventRecord>) -> Vec<EventView> {
		events
			.into_iter()
			.map(|event| EventView {
				time: time_text(event.time_ms),
				department_name: event
					.department
					.map(|d| self.department_name(d))
					.unwrap_or_default(),
				fields_pretty: serde_json::from_str::<serde_json::Value>(&event.fields)
					.and_then(|v| serde_json::to_string_pretty(&v))
					.unwrap_or_else(|_| event.fields.clone()),
				event,
			})
			.collect()
	}

	fn render(&self, template: &str, ctx: minijinja::Value) -> Page {
		let page = self.templates.get_template(template)?;
		let ctx = context! { chain => self.chain.clone(), ..ctx };
		Ok(Html(page.render(ctx)?))
	}

	async fn events(&self, filter: Filter) -> Result<Vec<EventRecord>> {
		self.store.lock().await.events(&filter).await
	}
}

/// A bar chart as SVG: one labelled bar per entry, scaled to the largest.
pub fn bar_chart(bars: &[(String, f64)], unit: &str) -> String {
	const WIDTH: f64 = 900.0;
	const LABEL: f64 = 170.0;
	const ROW: f64 = 22.0;
	let max = bars.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max).max(1.0);
	let height = ROW * bars.len() as f64 + 10.0;
	let mut svg = format!(
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" role="img" aria-label="{} bars">"#,
		bars.len()
	);
	for (i, (label, value)) in bars.iter().enumerate() {
		let y = 5.0 + ROW * i as f64;
		let w = (WIDTH - LABEL - 120.0) * value / max;
		let _ = write!(
			svg,
			r##"<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text><rect class="bar" x="{LABEL}" y="{}" width="{w:.1}" height="{}" fill="#2f6f9f"><title>{}: {value} {unit}</title></rect><text x="{}" y="{}" font-size="12">{value} {unit}</text>"##,
			LABEL - 6.0,
			y + 14.0,
			escape(label),
			y + 3.0,
			ROW - 6.0,
			escape(label),
			LABEL + w + 6.0,
			y + 14.0,
		);
	}
	svg.push_str("</svg>");
	svg
}

/// A time series as SVG columns: counts per minute, hour or day, whichever gives a readable
/// number of columns for the span.
pub fn time_chart(points: &[(i64, f64)], unit: &str) -> String {
	let (Some(first), Some(last)) =
		(points.iter().map(|p| p.0).min(), points.iter().map(|p| p.0).max())
	else {
		return String::new();
	};
	let span = last.saturating_sub(first);
	let (bucket, format): (i64, fn(&str) -> String) = if span <= 2 * 3_600_000 {
		(60_000, |t| t.get(11..16).unwrap_or(t).to_string())
	} else if span <= 2 * 86_400_000 {
		(3_600_000, |t| t.get(5..13).unwrap_or(t).replace('T', " ") + "h")
	} else {
		(86_400_000, |t| t.get(0..10).unwrap_or(t).to_string())
	};
	let mut buckets: BTreeMap<i64, f64> = BTreeMap::new();
	for (time, value) in points {
		*buckets.entry(time.div_euclid(bucket).saturating_mul(bucket)).or_default() += value;
	}
	const WIDTH: f64 = 900.0;
	const HEIGHT: f64 = 180.0;
	let max = buckets.values().copied().fold(0.0_f64, f64::max).max(1.0);
	let column = (WIDTH - 40.0) / buckets.len().max(1) as f64;
	let mut svg = format!(
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{}" role="img" aria-label="{} columns">"#,
		HEIGHT + 40.0,
		buckets.len()
	);
	let _ = write!(svg, r##"<text x="4" y="14" font-size="12">max {max} {unit}</text>"##);
	for (i, (start, value)) in buckets.iter().enumerate() {
		let h = (HEIGHT - 24.0) * value / max;
		let x = 20.0 + column * i as f64;
		let label = format(&time_text(Some(*start)));
		let _ = write!(
			svg,
			r##"<rect class="column" x="{x:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="#2f6f9f"><title>{label}: {value} {unit}</title></rect><text x="{:.1}" y="{}" font-size="10" text-anchor="middle">{label}</text>"##,
			HEIGHT - h,
			(column - 2.0).max(1.0),
			x + column / 2.0,
			HEIGHT + 14.0,
		);
	}
	svg.push_str("</svg>");
	svg
}

/// A timeline as SVG: each event a dot at its time, labelled.
fn timeline(events: &[EventView]) -> String {
	let times: Vec<i64> = events.iter().filter_map(|e| e.event.time_ms).collect();
	let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) else {
		return String::new();
	};
	const WIDTH: f64 = 1200.0;
	let span = (last.saturating_sub(*first)).max(1) as f64;
	let height = 30.0 + 18.0 * events.len() as f64;
	let mut svg = format!(
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" role="img" aria-label="timeline of {} events">"#,
		events.len()
	);
	let _ =
		write!(svg, r##"<line x1="20" y1="12" x2="{}" y2="12" stroke="#8a96a3"/>"##, WIDTH - 20.0);
	for (i, e) in events.iter().enumerate() {
		let Some(t) = e.event.time_ms else { continue };
		// Room on the right for the last label.
		let x = 20.0 + (WIDTH - 380.0) * (t.saturating_sub(*first)) as f64 / span;
		let y = 30.0 + 18.0 * i as f64;
		let _ = write!(
			svg,
			r##"<circle class="dot" cx="{x:.1}" cy="12" r="5" fill="#17324d"/><line x1="{x:.1}" y1="12" x2="{x:.1}" y2="{:.1}" stroke="#c9d1da"/><text x="{:.1}" y="{y:.1}" font-size="12">{} · {}.{} · block #{}</text>"##,
			y - 4.0,
			x + 4.0,
			escape(&e.time),
			escape(&e.event.pallet),
			escape(&e.event.event),
			e.event.block,
		);
	}
	svg.push_str("</svg>");
	svg
}

fn escape(text: &str) -> String {
	text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

async fn overview(State(app): State<Shared>) -> Page {
	let (counts, pallets) = {
		let store = app.store.lock().await;
		(store.counts().await?, store.pallet_counts(None).await?)
	};
	let latest =
		app.events(Filter { newest_first: true, limit: Some(50), ..Default::default() }).await?;
	let head_time = time_text(latest.first().and_then(|e| e.time_ms));
	let bars: Vec<(String, f64)> = pallets.into_iter().map(|(p, n)| (p, n as f64)).collect();
	let departments: Vec<_> =
		app.departments.iter().map(|(id, name)| context! { id => id, name => name }).collect();
	app.render(
		"overview.html",
		context! {
			blocks => counts.0, extrinsics => counts.1, events_count => counts.2,
			head_time => head_time, pallet_chart => bar_chart(&bars, "events"),
			departments => departments, latest => app.view(latest),
		},
	)
}

#[derive(serde::Deserialize)]
struct SearchQuery {
	q: String,
}

/// Ids go to their page: a department's number (`d4` or `department 4`), a subject, anything
/// else to the events naming it.
async fn search(State(app): State<Shared>, Query(query): Query<SearchQuery>) -> Response {
	let q = query.q.trim().to_lowercase();
	if let Some(id) = q.strip_prefix("department ").or_else(|| q.strip_prefix('d')) {
		if let Ok(id) = id.trim().parse::<u32>() {
			return Redirect::to(&format!("/department/{id}")).into_response();
		}
	}
	let is_subject = app
		.events(Filter { subject: Some(q.clone()), limit: Some(1), ..Default::default() })
		.await
		.map(|found| !found.is_empty())
		.unwrap_or(false);
	if is_subject {
		return Redirect::to(&format!("/subject/{q}")).into_response();
	}
	Redirect::to(&format!("/record/{}", urlencode(query.q.trim()))).into_response()
}

fn urlencode(text: &str) -> String {
	text.bytes()
		.map(|b| match b {
			b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
			_ => format!("%{b:02X}"),
		})
		.collect()
}

#[derive(serde::Deserialize)]
struct RecordQuery {
	/// Only references of this kind (`/record/0?kind=property`).
	kind: Option<String>,
}

/// The bill's states, and which it went through.
fn bill_steps(events: &[EventRecord]) -> Vec<minijinja::Value> {
	let happened = |names: &[&str]| events.iter().any(|e| names.contains(&e.event.as_str()));
	let mut steps = vec![("Issued", happened(&["BillIssued", "BatchIssued"]), "done")];
	steps.push(("Paid", happened(&["BillPaid"]), "done"));
	steps.push(("Reimbursed", happened(&["ReimbursementClaimed"]), "done"));
	if happened(&["BillVoided"]) {
		steps.push(("Voided", true, "bad"));
	}
	if happened(&["BillReversed"]) {
		steps.push(("Reversed", true, "bad"));
	}
	steps
		.into_iter()
		.map(
			|(name, done, class)| context! { name => name, class => if done { class } else { "" } },
		)
		.collect()
}

fn amount_of(event: &EventRecord) -> f64 {
	event.amount.as_deref().and_then(|a| a.parse::<f64>().ok()).unwrap_or(0.0)
}

/// Every event naming `value`: a bill's life, a property's title history, a grant's milestones, a
/// document's anchors.
async fn record(
	State(app): State<Shared>,
	Path(value): Path<String>,
	Query(query): Query<RecordQuery>,
) -> Page {
	let value = if value.starts_with("0x") { value.to_lowercase() } else { value };
	let filter = Filter {
		record: Some(value.clone()),
		record_kind: query.kind.clone(),
		..Default::default()
	};
	let events = app.events(filter).await?;
	if events.is_empty() {
		return Err(Failure(StatusCode::NOT_FOUND, format!("No indexed event names {value}.")));
	}
	let kinds: Vec<String> = {
		let mut kinds: Vec<String> = events
			.iter()
			.filter(|e| e.record.as_deref() == Some(value.as_str()))
			.filter_map(|e| e.record_kind.clone())
			.collect();
		kinds.dedup();
		kinds
	};
	let is_bill = events.iter().any(|e| e.pallet == "EBills") && kinds.iter().any(|k| k == "bill");
	let is_document = events.iter().any(|e| e.document.as_deref() == Some(value.as_str()));
	let heading = match query.kind.as_ref().or(kinds.first()) {
		Some(kind) => format!(
			"{}{} {value}",
			kind.get(..1).unwrap_or("").to_uppercase(),
			kind.get(1..).unwrap_or("")
		),
		None if is_document => "Document".to_string(),
		None => format!("Record {value}"),
	};
	let steps = if is_bill { bill_steps(&events) } else { vec![] };
	let kind = query.kind.as_ref().or(kinds.first()).map(String::as_str).unwrap_or_default();
	let budget_chart = if kind == "application" || kind == "program" {
		bar_chart(&grant_money(&app, kind, &events).await?, "")
	} else {
		String::new()
	};
	let title = match (kind, value.parse::<u64>()) {
		("property", Ok(property)) => title_register(&app, property).await?,
		_ => vec![],
	};
	let view = app.view(events);
	app.render(
		"record.html",
		context! {
			heading => heading, value => value, steps => steps, budget_chart => budget_chart,
			title => title, timeline => timeline(&view), events => view,
		},
	)
}

/// How many entries of a property's title register its page shows.
const TITLE_ENTRIES: u32 = 500;

/// A property's title register as the chain keeps it now (`RealEstateApi::title_history`):
/// every registration, transfer (owners with their shares, price, deed), encumbrance and
/// release, with its block and department. Empty without `--url`.
async fn title_register(app: &App, property: u64) -> Result<Vec<minijinja::Value>> {
	use civitas::runtime_types::pallet_real_estate::runtime_api::TitleChangeInfo;

	let Some(api) = &app.api else { return Ok(vec![]) };
	let at = api.at_current_block().await?;
	let call =
		civitas::runtime_apis().real_estate_api().title_history(property, None, TITLE_ENTRIES);
	let owners_of = |owners: Vec<(subxt::utils::H256, u16)>| -> Vec<minijinja::Value> {
		owners
			.into_iter()
			.map(|(subject, share)| {
				context! {
					subject => format!("{subject:?}"),
					share => format!("{}.{} %", share / 10, share % 10),
				}
			})
			.collect()
	};
	let mut rows = vec![];
	for entry in at.runtime_apis().call(call).await? {
		let (change, owners, detail) = match entry.change {
			TitleChangeInfo::Registered { owners } => {
				("Registered", owners_of(owners), String::new())
			},
			TitleChangeInfo::Transferred { owners, price, deed } => {
				("Transferred", owners_of(owners), format!("price {price}, deed {deed:?}"))
			},
			TitleChangeInfo::Encumbered { encumbrance } => {
				("Encumbered", vec![], format!("#{} {:?}", encumbrance.id, encumbrance.kind))
			},
			TitleChangeInfo::Released { encumbrance } => {
				("Released", vec![], format!("#{encumbrance}"))
			},
			TitleChangeInfo::Retired { successors } => {
				("Retired", vec![], format!("successors {successors:?}"))
			},
		};
		rows.push(context! {
			seq => entry.seq, block => entry.at, department => entry.department,
			department_name => app.department_name(i64::from(entry.department)),
			change => change, owners => owners, detail => detail,
			certificate => format!("{:?}", entry.title_certificate),
		});
	}
	Ok(rows)
}

/// How many of a program's applications a program's page reads.
const MAX_GRANT_APPLICATIONS: usize = 1_000;

/// A grant's money on the page of an application or a program (`kind`), from that record's
/// `events`: the program's budget (created and topped up) against what its applications were
/// allocated, paid out and clawed back. An application's events do not carry its program's
/// budget, nor a program's the payouts of its applications: the other side is read through
/// `ApplicationSubmitted`, which names both.
async fn grant_money(app: &App, kind: &str, events: &[EventRecord]) -> Result<Vec<(String, f64)>> {
	let submitted = |name: &str| -> Vec<String> {
		let mut ids: Vec<String> = events
			.iter()
			.filter(|e| e.pallet == "FundGrants" && e.event == "ApplicationSubmitted")
			.filter_map(|e| serde_json::from_str::<serde_json::Value>(&e.fields).ok())
			.filter_map(|fields| fields.get(name).and_then(|v| v.as_u64()))
			.map(|id| id.to_string())
			.collect();
		ids.sort();
		ids.dedup();
		ids
	};
	let of = |kind: &str, id: String| Filter {
		pallet: Some("FundGrants".into()),
		record: Some(id),
		record_kind: Some(kind.into()),
		..Default::default()
	};
	let (programs, applications) = if kind == "program" {
		let mut applications = vec![];
		for id in submitted("application").into_iter().take(MAX_GRANT_APPLICATIONS) {
			applications.extend(app.events(of("application", id)).await?);
		}
		(events.to_vec(), applications)
	} else {
		let mut programs = vec![];
		for id in submitted("program") {
			programs.extend(app.events(of("program", id)).await?);
		}
		(programs, events.to_vec())
	};
	let sum = |events: &[EventRecord], names: &[&str]| -> f64 {
		events.iter().filter(|e| names.contains(&e.event.as_str())).map(amount_of).sum()
	};
	Ok(vec![
		("budget".to_string(), sum(&programs, &["ProgramCreated", "BudgetToppedUp"])),
		("allocated".to_string(), sum(&applications, &["ApplicationApproved"])),
		("paid out".to_string(), sum(&applications, &["MilestonePaid"])),
		("clawed back".to_string(), sum(&applications, &["GrantClawedBack"])),
	])
}

async fn department(State(app): State<Shared>, Path(id): Path<u32>) -> Page {
	let (pallets, bills) = {
		let store = app.store.lock().await;
		(store.pallet_counts(Some(id)).await?, store.bills_issued_by(id).await?)
	};
	let total: i64 = pallets.iter().map(|(_, n)| n).sum();
	let pallets: Vec<(String, f64)> = pallets.into_iter().map(|(p, n)| (p, n as f64)).collect();
	let bills: Vec<(i64, f64)> =
		bills.into_iter().filter_map(|(time, n)| Some((time?, n as f64))).collect();
	let filter =
		Filter { department: Some(id), newest_first: true, limit: Some(200), ..Default::default() };
	let feed = app.events(filter).await?;
	app.render(
		"department.html",
		context! {
			id => id, name => app.department_name(i64::from(id)), total => total,
			bills_chart => time_chart(&bills, "bills"), pallet_chart => bar_chart(&pallets, "events"),
			events => app.view(feed),
		},
	)
}

async fn subject(State(app): State<Shared>, Path(value): Path<String>) -> Page {
	let value = value.to_lowercase();
	let of = |pallet: Option<&str>, limit: u64| Filter {
		subject: Some(value.clone()),
		pallet: pallet.map(str::to_string),
		newest_first: true,
		limit: Some(limit),
		..Default::default()
	};
	let logged = app.events(of(Some("AccessLog"), 1_000)).await?;
	let credit = app.events(of(Some("CreditRecords"), 1_000)).await?;
	let latest = app.events(of(None, 200)).await?;
	let mut accesses = vec![];
	for e in logged {
		let fields: serde_json::Value = serde_json::from_str(&e.fields).unwrap_or_default();
		let purpose = fields.get("purpose").and_then(|p| p.as_u64()).unwrap_or_default();
		let kinds: Vec<String> = fields
			.get("subjects")
			.and_then(|s| s.as_array())
			.map(|pairs| {
				pairs
					.iter()
					.filter(|pair| pair.get(0).and_then(|s| s.as_str()) == Some(value.as_str()))
					.filter_map(|pair| pair.get(1).and_then(|k| k.as_str()).map(str::to_string))
					.collect()
			})
			.unwrap_or_default();
		accesses.push(context! {
			time => time_text(e.time_ms), block => e.block,
			department => e.department, department_name => e.department.map(|d| app.department_name(d)),
			officer => e.officer,
			purpose => app.purposes.get(&purpose).cloned().unwrap_or_else(|| format!("purpose {purpose}")),
			kinds => kinds.join(", "),
			case => fields.get("case").and_then(|c| c.get("Some")).and_then(|c| c.as_str()).unwrap_or(""),
		});
	}
	app.render(
		"subject.html",
		context! {
			value => value, accesses => accesses, credit => app.view(credit), latest => app.view(latest),
		},
	)
}

async fn block(State(app): State<Shared>, Path(number): Path<i64>) -> Page {
	let events = app.events(Filter { block: Some(number), ..Default::default() }).await?;
	let (extrinsics, header) = {
		let store = app.store.lock().await;
		(store.extrinsics_of(number).await?, store.block(number).await?)
	};
	let Some((hash, time_ms, spec_version)) = header else {
		return Err(Failure(StatusCode::NOT_FOUND, format!("Block {number} is not indexed.")));
	};
	app.render(
		"block.html",
		context! {
			number => number, hash => hash, time => time_text(time_ms), spec_version => spec_version,
			extrinsics => extrinsics, events => app.view(events),
		},
	)
}

#[derive(serde::Deserialize)]
struct EventsQuery {
	pallet: Option<String>,
	event: Option<String>,
	department: Option<u32>,
	subject: Option<String>,
	officer: Option<String>,
	record: Option<String>,
	kind: Option<String>,
	document: Option<String>,
	block: Option<i64>,
	from_ms: Option<i64>,
	to_ms: Option<i64>,
	limit: Option<u64>,
}

/// `GET /api/events?pallet=&event=&department=&subject=&officer=&record=&document=&block=&from_ms=&to_ms=&limit=`:
/// the events, as `civitas audit export --format json` writes them (at most 10,000).
async fn api_events(
	State(app): State<Shared>,
	Query(q): Query<EventsQuery>,
) -> Result<Json<Vec<serde_json::Value>>, Failure> {
	let filter = Filter {
		pallet: q.pallet,
		event: q.event,
		department: q.department,
		subject: q.subject,
		officer: q.officer,
		record: q.record,
		document: q.document,
		block: q.block,
		from_ms: q.from_ms,
		to_ms: q.to_ms,
		record_kind: q.kind,
		limit: Some(q.limit.unwrap_or(1_000).min(10_000)),
		newest_first: false,
	};
	let events = app.events(filter).await?;
	Ok(Json(events.iter().map(super::export_json).collect::<Result<_>>()?))
}
