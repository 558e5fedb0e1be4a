//! The index's database: SQLite (embedded, the default) or PostgreSQL (a city's data team's),
//! one schema, written a chunk of blocks per transaction.
//!
//! Tables: `chain` (the genesis hash the index belongs to), `blocks`, `extrinsics`, `events`
//! (with the normalised columns of [`super::decode::EventColumns`]) and `refs` (every department,
//! officer, subject, record and document an event names, for the filters and look-ups).

use super::decode::EventColumns;
use anyhow::{anyhow, bail, Context, Result};

/// A block and what it holds, ready to be written.
#[derive(Clone, Debug)]
pub struct BlockRow {
	pub number: u64,
	pub hash: String,
	pub time_ms: Option<i64>,
	pub spec_version: u32,
	pub extrinsics: Vec<ExtrinsicRow>,
	pub events: Vec<EventRow>,
}

#[derive(Clone, Debug)]
pub struct ExtrinsicRow {
	pub index: u32,
	pub hash: String,
	pub pallet: String,
	pub call: String,
	pub signer: Option<String>,
	pub success: bool,
}

#[derive(Clone, Debug)]
pub struct EventRow {
	pub index: u32,
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub event: String,
	pub columns: EventColumns,
}

/// Which events an export or look-up wants.
#[derive(Clone, Debug, Default)]
pub struct Filter {
	pub pallet: Option<String>,
	pub event: Option<String>,
	pub department: Option<u32>,
	/// The subject, and its credit records and grant applications.
	pub subject: Option<String>,
	pub officer: Option<String>,
	/// Any record or document id the event names.
	pub record: Option<String>,
	/// Of this kind only (`property`, `bill`, `application`, …).
	pub record_kind: Option<String>,
	pub document: Option<String>,
	/// Block timestamps, milliseconds since the epoch, `from` inclusive, `to` exclusive.
	pub from_ms: Option<i64>,
	pub to_ms: Option<i64>,
	/// Events of this block only.
	pub block: Option<i64>,
	/// Newest first instead of oldest first.
	pub newest_first: bool,
	pub limit: Option<u64>,
}

/// The kinds of record that belong to one subject, named with it when created: a subject's
/// events include every event naming one of its records.
const OWNED_RECORDS: &str = "'record', 'application'";

/// An indexed event with its block and extrinsic, as exports and look-ups give it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct EventRecord {
	pub block: i64,
	pub block_hash: String,
	pub time_ms: Option<i64>,
	pub event_index: i64,
	pub extrinsic_index: Option<i64>,
	pub extrinsic_hash: Option<String>,
	pub signer: Option<String>,
	pub pallet: String,
	pub event: String,
	pub department: Option<i64>,
	pub officer: Option<String>,
	pub subject: Option<String>,
	pub record_kind: Option<String>,
	pub record: Option<String>,
	pub amount: Option<String>,
	pub document: Option<String>,
	pub fields: String,
}

/// An indexed extrinsic.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ExtrinsicRecord {
	pub index: i64,
	pub hash: String,
	pub pallet: String,
	pub call: String,
	pub signer: Option<String>,
	pub success: bool,
}

/// The version of the tables' layout this tool reads and writes. A change to [`SCHEMA`] that an
/// index of the previous layout cannot serve raises it; the tool then refuses an older index by
/// name (re-indexing into a new database takes seconds per day of the chain).
///
/// 1: the first layout (indexes without a `schema_version` table). 2: SQLite keeps amounts
/// exactly (version 1's `NUMERIC` column turned amounts above `i64::MAX` into floating point).
pub const SCHEMA_VERSION: i64 = 2;

/// An event's amount: PostgreSQL's `NUMERIC` is exact. In SQLite, a column without a declared
/// type keeps each value as written: an integer when the amount fits one, else its decimal text
/// (SQLite's `NUMERIC` affinity would turn that text into a lossy floating-point number).
const AMOUNT_TYPE: [(&str, &str); 2] = [("postgres", "NUMERIC"), ("sqlite", "")];

const SCHEMA: &[&str] = &[
	"CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS chain (genesis TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS blocks (number BIGINT PRIMARY KEY, hash TEXT NOT NULL, \
	 time_ms BIGINT, spec_version BIGINT NOT NULL, extrinsics INTEGER NOT NULL, \
	 events INTEGER NOT NULL)",
	"CREATE TABLE IF NOT EXISTS extrinsics (block BIGINT NOT NULL, idx INTEGER NOT NULL, \
	 hash TEXT NOT NULL, pallet TEXT NOT NULL, call TEXT NOT NULL, signer TEXT, \
	 success BOOLEAN NOT NULL, PRIMARY KEY (block, idx))",
	"CREATE TABLE IF NOT EXISTS events (block BIGINT NOT NULL, idx INTEGER NOT NULL, \
	 extrinsic INTEGER, pallet TEXT NOT NULL, event TEXT NOT NULL, department BIGINT, \
	 officer TEXT, subject TEXT, record_kind TEXT, record TEXT, amount {amount}, document TEXT, \
	 fields TEXT NOT NULL, PRIMARY KEY (block, idx))",
	"CREATE TABLE IF NOT EXISTS refs (block BIGINT NOT NULL, event INTEGER NOT NULL, \
	 kind TEXT NOT NULL, value TEXT NOT NULL)",
	"CREATE INDEX IF NOT EXISTS refs_by_value ON refs (value, kind)",
	// An event's references (the portal's counts per event); appended in order, so cheap to keep.
	"CREATE INDEX IF NOT EXISTS refs_by_event ON refs (block, event)",
	"CREATE INDEX IF NOT EXISTS events_by_pallet ON events (pallet, event)",
	"CREATE INDEX IF NOT EXISTS extrinsics_by_signer ON extrinsics (signer)",
];

/// [`SCHEMA`] for one database.
fn schema(database: &str) -> impl Iterator<Item = String> + '_ {
	let amount = AMOUNT_TYPE.iter().find(|(d, _)| *d == database).map(|(_, t)| *t).unwrap_or("");
	SCHEMA.iter().map(move |statement| statement.replace("{amount}", amount))
}

/// The index's database.
pub enum Store {
	/// Behind a mutex so the store can be shared by the portal's requests (a connection is
	/// `Send` but not `Sync`); the indexer is its only writer.
	Sqlite(std::sync::Mutex<rusqlite::Connection>),
	Postgres(tokio_postgres::Client),
}

/// A bound parameter of a query.
enum Param {
	Int(i64),
	Text(String),
}

/// A query's parameters, numbered in each database's placeholder syntax.
struct Query {
	postgres: bool,
	params: Vec<Param>,
}

impl Query {
	/// Binds `value` and gives its placeholder.
	fn bind(&mut self, value: Param) -> String {
		self.params.push(value);
		let n = self.params.len();
		if self.postgres {
			format!("${n}")
		} else {
			format!("?{n}")
		}
	}
}

impl Store {
	/// Opens (and creates) the index at `url`: `sqlite://path` or a path, or `postgres://…`.
	pub async fn open(url: &str) -> Result<Self> {
		let store = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
			let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
				.await
				.with_context(|| format!("connecting to {url}"))?;
			tokio::spawn(async move {
				if let Err(error) = connection.await {
					eprintln!("PostgreSQL connection: {error}");
				}
			});
			for statement in schema("postgres") {
				client.batch_execute(&statement).await?;
			}
			Store::Postgres(client)
		} else {
			let path = url.strip_prefix("sqlite://").unwrap_or(url);
			let connection =
				rusqlite::Connection::open(path).with_context(|| format!("opening {path}"))?;
			// WAL: readers (the portal, exports) never block the indexer, and a commit is one
			// sequential write; NORMAL sync is durable across a crash of the process.
			connection.pragma_update(None, "journal_mode", "WAL")?;
			connection.pragma_update(None, "synchronous", "NORMAL")?;
			connection.busy_timeout(std::time::Duration::from_secs(10))?;
			for statement in schema("sqlite") {
				connection.execute(&statement, [])?;
			}
			Store::Sqlite(std::sync::Mutex::new(connection))
		};
		store.check_schema_version().await?;
		Ok(store)
	}

	/// Records [`SCHEMA_VERSION`] in a new index, and refuses an index of another version (one
	/// written before versions were recorded has a chain and no version: version 1).
	async fn check_schema_version(&self) -> Result<()> {
		const SELECT: &str = "SELECT COALESCE((SELECT MAX(version) FROM schema_version), \
		                      CASE WHEN EXISTS (SELECT 1 FROM chain) THEN 1 END)";
		let stored: Option<i64> = match self {
			Store::Sqlite(db) => lock(db)?.query_row(SELECT, [], |row| row.get(0))?,
			Store::Postgres(db) => db.query_one(SELECT, &[]).await?.get(0),
		};
		match stored {
			Some(SCHEMA_VERSION) => Ok(()),
			Some(other) => bail!(
				"this index has layout version {other}, and this tool reads and writes version \
				 {SCHEMA_VERSION}; index into a new database"
			),
			None => {
				match self {
					Store::Sqlite(db) => {
						let db = lock(db)?;
						db.execute(
							"INSERT INTO schema_version (version) VALUES (?1)",
							[SCHEMA_VERSION],
						)?;
					},
					Store::Postgres(db) => {
						db.execute(
							"INSERT INTO schema_version (version) VALUES ($1)",
							&[&SCHEMA_VERSION],
						)
						.await?;
					},
				}
				Ok(())
			},
		}
	}

	/// Ties the index to the chain with this genesis hash, or refuses one of another chain.
	pub async fn claim_chain(&mut self, genesis: &str) -> Result<()> {
		let stored: Option<String> = match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				db.query_row("SELECT genesis FROM chain", [], |row| row.get(0)).map(Some).or_else(
					|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) },
				)?
			},
			Store::Postgres(db) => {
				db.query_opt("SELECT genesis FROM chain", &[]).await?.map(|row| row.get(0))
			},
		};
		match stored {
			Some(stored) if stored == genesis => Ok(()),
			Some(stored) => bail!(
				"this index belongs to the chain with genesis {stored}, not {genesis}; \
				 index into a new database"
			),
			None => {
				match self {
					Store::Sqlite(db) => {
						let db = lock(db)?;
						db.execute("INSERT INTO chain (genesis) VALUES (?1)", [genesis])?;
					},
					Store::Postgres(db) => {
						db.execute("INSERT INTO chain (genesis) VALUES ($1)", &[&genesis]).await?;
					},
				}
				Ok(())
			},
		}
	}

	/// The highest indexed block and its hash.
	pub async fn last_block(&self) -> Result<Option<(u64, String)>> {
		const QUERY: &str = "SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1";
		let row: Option<(i64, String)> = match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				db.query_row(QUERY, [], |row| Ok((row.get(0)?, row.get(1)?))).map(Some).or_else(
					|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) },
				)?
			},
			Store::Postgres(db) => {
				db.query_opt(QUERY, &[]).await?.map(|row| (row.get(0), row.get(1)))
			},
		};
		row.map(|(number, hash)| Ok((u64::try_from(number)?, hash))).transpose()
	}

	/// Writes these blocks, in order and all or nothing: a block is indexed with everything in
	/// it or not at all, so a restart resumes after the last block without gaps or duplicates.
	pub async fn write(&mut self, blocks: &[BlockRow]) -> Result<()> {
		match self {
			Store::Sqlite(db) => {
				let db = db.get_mut().map_err(|_| anyhow!("the SQLite connection is poisoned"))?;
				tokio::task::block_in_place(|| write_sqlite(db, blocks))
			},
			Store::Postgres(db) => write_postgres(db, blocks).await,
		}
	}

	/// The events that pass `filter`, oldest first.
	pub async fn events(&self, filter: &Filter) -> Result<Vec<EventRecord>> {
		let mut query = Query { postgres: matches!(self, Store::Postgres(_)), params: vec![] };
		let mut sql = String::from(
			"SELECT e.block, b.hash, b.time_ms, e.idx, e.extrinsic, x.hash, x.signer, e.pallet, \
			 e.event, e.department, e.officer, e.subject, e.record_kind, e.record, \
			 CAST(e.amount AS TEXT), e.document, e.fields \
			 FROM events e JOIN blocks b ON b.number = e.block \
			 LEFT JOIN extrinsics x ON x.block = e.block AND x.idx = e.extrinsic WHERE 1 = 1",
		);
		let lowercase_hex =
			|id: &str| if id.starts_with("0x") { id.to_lowercase() } else { id.to_string() };
		if let Some(subject) = filter.subject.as_deref().map(lowercase_hex) {
			// The events naming the subject, and those naming a record that belongs to it: a
			// credit record's objection and decision, a grant application's reviews and payouts
			// name the record only. Ownership is read from the event that names both (the
			// record's creation, the application's submission), one subject to one record.
			let subject = query.bind(Param::Text(subject));
			sql.push_str(&format!(
				" AND (e.block, e.idx) IN (SELECT r.block, r.event FROM refs r \
				 WHERE r.kind = 'subject' AND r.value = {subject} \
				 UNION SELECT named.block, named.event FROM refs s \
				 JOIN refs owned ON owned.block = s.block AND owned.event = s.event \
				 AND owned.kind IN ({OWNED_RECORDS}) \
				 JOIN refs named ON named.value = owned.value AND named.kind = owned.kind \
				 WHERE s.kind = 'subject' AND s.value = {subject})"
			));
		}
		let references = [
			(Some("department"), filter.department.map(|d| d.to_string())),
			(Some("officer"), filter.officer.clone()),
			(Some("document"), filter.document.as_deref().map(lowercase_hex)),
			(filter.record_kind.as_deref(), filter.record.as_deref().map(lowercase_hex)),
		];
		for (kind, value) in references {
			let Some(value) = value else { continue };
			let value = query.bind(Param::Text(value));
			let kind = kind
				.map(|kind| format!(" AND r.kind = {}", query.bind(Param::Text(kind.to_string()))))
				.unwrap_or_default();
			sql.push_str(&format!(
				" AND EXISTS (SELECT 1 FROM refs r WHERE r.value = {value}{kind} \
				 AND r.block = e.block AND r.event = e.idx)"
			));
		}
		if let Some(pallet) = &filter.pallet {
			sql.push_str(&format!(" AND e.pallet = {}", query.bind(Param::Text(pallet.clone()))));
		}
		if let Some(event) = &filter.event {
			sql.push_str(&format!(" AND e.event = {}", query.bind(Param::Text(event.clone()))));
		}
		if let Some(from) = filter.from_ms {
			sql.push_str(&format!(" AND b.time_ms >= {}", query.bind(Param::Int(from))));
		}
		if let Some(to) = filter.to_ms {
			sql.push_str(&format!(" AND b.time_ms < {}", query.bind(Param::Int(to))));
		}
		if let Some(block) = filter.block {
			sql.push_str(&format!(" AND e.block = {}", query.bind(Param::Int(block))));
		}
		sql.push_str(if filter.newest_first {
			" ORDER BY e.block DESC, e.idx DESC"
		} else {
			" ORDER BY e.block, e.idx"
		});
		if let Some(limit) = filter.limit {
			sql.push_str(&format!(" LIMIT {}", query.bind(Param::Int(i64::try_from(limit)?))));
		}
		let params = query.params;
		match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				let mut statement = db.prepare(&sql)?;
				let values: Vec<rusqlite::types::Value> = params
					.into_iter()
					.map(|p| match p {
						Param::Int(n) => rusqlite::types::Value::Integer(n),
						Param::Text(t) => rusqlite::types::Value::Text(t),
					})
					.collect();
				let rows = statement.query_map(rusqlite::params_from_iter(values), |row| {
					Ok(EventRecord {
						block: row.get(0)?,
						block_hash: row.get(1)?,
						time_ms: row.get(2)?,
						event_index: row.get(3)?,
						extrinsic_index: row.get(4)?,
						extrinsic_hash: row.get(5)?,
						signer: row.get(6)?,
						pallet: row.get(7)?,
						event: row.get(8)?,
						department: row.get(9)?,
						officer: row.get(10)?,
						subject: row.get(11)?,
						record_kind: row.get(12)?,
						record: row.get(13)?,
						amount: row.get(14)?,
						document: row.get(15)?,
						fields: row.get(16)?,
					})
				})?;
				Ok(rows.collect::<Result<_, _>>()?)
			},
			Store::Postgres(db) => {
				let boxed: Vec<Box<dyn tokio_postgres::types::ToSql + Sync + Send>> = params
					.into_iter()
					.map(|p| -> Box<dyn tokio_postgres::types::ToSql + Sync + Send> {
						match p {
							Param::Int(n) => Box::new(n),
							Param::Text(t) => Box::new(t),
						}
					})
					.collect();
				let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = boxed
					.iter()
					.map(|b| b.as_ref() as &(dyn tokio_postgres::types::ToSql + Sync))
					.collect();
				let rows = db.query(&sql, &refs).await?;
				Ok(rows
					.iter()
					.map(|row| EventRecord {
						block: row.get(0),
						block_hash: row.get(1),
						time_ms: row.get(2),
						event_index: i64::from(row.get::<_, i32>(3)),
						extrinsic_index: row.get::<_, Option<i32>>(4).map(i64::from),
						extrinsic_hash: row.get(5),
						signer: row.get(6),
						pallet: row.get(7),
						event: row.get(8),
						department: row.get(9),
						officer: row.get(10),
						subject: row.get(11),
						record_kind: row.get(12),
						record: row.get(13),
						amount: row.get(14),
						document: row.get(15),
						fields: row.get(16),
					})
					.collect())
			},
		}
	}

	/// A block's extrinsics, in order.
	pub async fn extrinsics_of(&self, block: i64) -> Result<Vec<ExtrinsicRecord>> {
		match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				let mut statement = db.prepare(
					"SELECT idx, hash, pallet, call, signer, success FROM extrinsics \
					 WHERE block = ?1 ORDER BY idx",
				)?;
				let rows = statement.query_map([block], |row| {
					Ok(ExtrinsicRecord {
						index: row.get(0)?,
						hash: row.get(1)?,
						pallet: row.get(2)?,
						call: row.get(3)?,
						signer: row.get(4)?,
						success: row.get(5)?,
					})
				})?;
				Ok(rows.collect::<Result<_, _>>()?)
			},
			Store::Postgres(db) => Ok(db
				.query(
					"SELECT idx, hash, pallet, call, signer, success FROM extrinsics \
					 WHERE block = $1 ORDER BY idx",
					&[&block],
				)
				.await?
				.iter()
				.map(|row| ExtrinsicRecord {
					index: i64::from(row.get::<_, i32>(0)),
					hash: row.get(1),
					pallet: row.get(2),
					call: row.get(3),
					signer: row.get(4),
					success: row.get(5),
				})
				.collect()),
		}
	}

	/// A block's hash, time and spec version.
	pub async fn block(&self, number: i64) -> Result<Option<(String, Option<i64>, i64)>> {
		match self {
			Store::Sqlite(db) => lock(db)?
				.query_row(
					"SELECT hash, time_ms, spec_version FROM blocks WHERE number = ?1",
					[number],
					|row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
				)
				.map(Some)
				.or_else(
					|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) },
				)
				.map_err(Into::into),
			Store::Postgres(db) => Ok(db
				.query_opt(
					"SELECT hash, time_ms, spec_version FROM blocks WHERE number = $1",
					&[&number],
				)
				.await?
				.map(|row| (row.get(0), row.get(1), row.get(2)))),
		}
	}

	/// How many events each pallet has in the index (naming `department`, if given), most first.
	pub async fn pallet_counts(&self, department: Option<u32>) -> Result<Vec<(String, i64)>> {
		let postgres = matches!(self, Store::Postgres(_));
		let query = match department {
			None => {
				"SELECT pallet, COUNT(*) AS n FROM events GROUP BY pallet ORDER BY n DESC, pallet"
					.to_string()
			},
			Some(_) => format!(
				"SELECT e.pallet, COUNT(*) AS n FROM refs r JOIN events e ON e.block = r.block \
				 AND e.idx = r.event WHERE r.kind = 'department' AND r.value = {} \
				 GROUP BY e.pallet ORDER BY n DESC, e.pallet",
				if postgres { "$1" } else { "?1" }
			),
		};
		let value = department.map(|d| d.to_string());
		match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				let mut statement = db.prepare(&query)?;
				let params = rusqlite::params_from_iter(value.iter());
				let rows = statement.query_map(params, |row| Ok((row.get(0)?, row.get(1)?)))?;
				Ok(rows.collect::<Result<_, _>>()?)
			},
			Store::Postgres(db) => {
				let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
					value.iter().map(|v| v as &(dyn tokio_postgres::types::ToSql + Sync)).collect();
				Ok(db
					.query(&query, &params)
					.await?
					.iter()
					.map(|row| (row.get(0), row.get(1)))
					.collect())
			},
		}
	}

	/// The bills a department issued, per block: the block's time and how many (single bills and
	/// those of batches), oldest first. Counted in the database, so a department of a million
	/// bills charts without loading them.
	pub async fn bills_issued_by(&self, department: u32) -> Result<Vec<(Option<i64>, i64)>> {
		let placeholder = if matches!(self, Store::Postgres(_)) { "$1" } else { "?1" };
		let query = format!(
			"SELECT b.time_ms, COUNT(*) FROM events e JOIN refs r ON r.block = e.block \
			 AND r.event = e.idx AND r.kind = 'bill' JOIN blocks b ON b.number = e.block \
			 WHERE e.pallet = 'EBills' AND e.event IN ('BillIssued', 'BatchIssued') \
			 AND e.department = {placeholder} GROUP BY b.number, b.time_ms ORDER BY b.number"
		);
		let department = i64::from(department);
		match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				let mut statement = db.prepare(&query)?;
				let rows =
					statement.query_map([department], |row| Ok((row.get(0)?, row.get(1)?)))?;
				Ok(rows.collect::<Result<_, _>>()?)
			},
			Store::Postgres(db) => Ok(db
				.query(&query, &[&department])
				.await?
				.iter()
				.map(|row| (row.get(0), row.get(1)))
				.collect()),
		}
	}

	/// How many blocks, extrinsics and events the index holds.
	pub async fn counts(&self) -> Result<(i64, i64, i64)> {
		const QUERY: &str = "SELECT (SELECT COUNT(*) FROM blocks), (SELECT COUNT(*) FROM \
		                     extrinsics), (SELECT COUNT(*) FROM events)";
		Ok(match self {
			Store::Sqlite(db) => {
				let db = lock(db)?;
				db.query_row(QUERY, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
			},
			Store::Postgres(db) => {
				let row = db.query_one(QUERY, &[]).await?;
				(row.get(0), row.get(1), row.get(2))
			},
		})
	}
}

fn lock(
	db: &std::sync::Mutex<rusqlite::Connection>,
) -> Result<std::sync::MutexGuard<'_, rusqlite::Connection>> {
	db.lock().map_err(|_| anyhow!("the SQLite connection is poisoned"))
}

fn amount_text(amount: Option<u128>) -> Option<String> {
	amount.map(|a| a.to_string())
}

fn write_sqlite(db: &mut rusqlite::Connection, blocks: &[BlockRow]) -> Result<()> {
	let tx = db.transaction()?;
	{
		let mut block_insert = tx.prepare_cached(
			"INSERT INTO blocks (number, hash, time_ms, spec_version, extrinsics, events) \
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		)?;
		let mut extrinsic_insert = tx.prepare_cached(
			"INSERT INTO extrinsics (block, idx, hash, pallet, call, signer, success) \
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		)?;
		let mut event_insert = tx.prepare_cached(
			"INSERT INTO events (block, idx, extrinsic, pallet, event, department, officer, \
			 subject, record_kind, record, amount, document, fields) \
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
		)?;
		let mut ref_insert = tx.prepare_cached(
			"INSERT INTO refs (block, event, kind, value) VALUES (?1, ?2, ?3, ?4)",
		)?;
		for block in blocks {
			let number = i64::try_from(block.number)?;
			block_insert.execute(rusqlite::params![
				number,
				block.hash,
				block.time_ms,
				block.spec_version,
				block.extrinsics.len(),
				block.events.len()
			])?;
			for x in &block.extrinsics {
				extrinsic_insert.execute(rusqlite::params![
					number, x.index, x.hash, x.pallet, x.call, x.signer, x.success
				])?;
			}
			for e in &block.events {
				let c = &e.columns;
				// An amount that fits SQLite's integer is stored as one (sums work); a larger
				// one as its decimal text.
				let amount: Option<rusqlite::types::Value> =
					c.amount.map(|a| match i64::try_from(a) {
						Ok(small) => rusqlite::types::Value::Integer(small),
						Err(_) => rusqlite::types::Value::Text(a.to_string()),
					});
				event_insert.execute(rusqlite::params![
					number,
					e.index,
					e.extrinsic,
					e.pallet,
					e.event,
					c.department,
					c.officer,
					c.subject,
					c.record_kind,
					c.record,
					amount,
					c.document,
					c.fields.to_string()
				])?;
				for r in &c.refs {
					ref_insert.execute(rusqlite::params![number, e.index, r.kind, r.value])?;
				}
			}
		}
	}
	tx.commit()?;
	Ok(())
}

async fn write_postgres(db: &mut tokio_postgres::Client, blocks: &[BlockRow]) -> Result<()> {
	// One statement per table for the whole chunk: the rows go as arrays and `UNNEST` turns them
	// back into rows, so a chunk of thousands of events is four round trips.
	let mut b = (vec![], vec![], vec![], vec![], vec![], vec![]);
	let mut x = (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
	let mut e: (Vec<i64>, Vec<i32>, Vec<Option<i32>>, Vec<&str>, Vec<&str>, Vec<Option<i64>>) =
		(vec![], vec![], vec![], vec![], vec![], vec![]);
	let mut e2: (Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>) =
		(vec![], vec![], vec![], vec![]);
	let mut e3: (Vec<Option<String>>, Vec<Option<&str>>, Vec<String>) = (vec![], vec![], vec![]);
	let mut r: (Vec<i64>, Vec<i32>, Vec<&str>, Vec<&str>) = (vec![], vec![], vec![], vec![]);
	let int = |n: u32| i32::try_from(n).map_err(|_| anyhow!("index {n} out of range"));
	for block in blocks {
		let number = i64::try_from(block.number)?;
		b.0.push(number);
		b.1.push(block.hash.as_str());
		b.2.push(block.time_ms);
		b.3.push(i64::from(block.spec_version));
		b.4.push(i32::try_from(block.extrinsics.len())?);
		b.5.push(i32::try_from(block.events.len())?);
		for ext in &block.extrinsics {
			x.0.push(number);
			x.1.push(int(ext.index)?);
			x.2.push(ext.hash.as_str());
			x.3.push(ext.pallet.as_str());
			x.4.push(ext.call.as_str());
			x.5.push(ext.signer.as_deref());
			x.6.push(ext.success);
		}
		for event in &block.events {
			let c = &event.columns;
			e.0.push(number);
			e.1.push(int(event.index)?);
			e.2.push(event.extrinsic.map(int).transpose()?);
			e.3.push(event.pallet.as_str());
			e.4.push(event.event.as_str());
			e.5.push(c.department);
			e2.0.push(c.officer.as_deref());
			e2.1.push(c.subject.as_deref());
			e2.2.push(c.record_kind);
			e2.3.push(c.record.as_deref());
			e3.0.push(amount_text(c.amount));
			e3.1.push(c.document.as_deref());
			e3.2.push(c.fields.to_string());
			for reference in &c.refs {
				r.0.push(number);
				r.1.push(int(event.index)?);
				r.2.push(reference.kind);
				r.3.push(reference.value.as_str());
			}
		}
	}
	let tx = db.transaction().await?;
	tx.execute(
		"INSERT INTO blocks (number, hash, time_ms, spec_version, extrinsics, events) \
		 SELECT * FROM UNNEST($1::int8[], $2::text[], $3::int8[], $4::int8[], $5::int4[], $6::int4[])",
		&[&b.0, &b.1, &b.2, &b.3, &b.4, &b.5],
	)
	.await?;
	tx.execute(
		"INSERT INTO extrinsics (block, idx, hash, pallet, call, signer, success) \
		 SELECT * FROM UNNEST($1::int8[], $2::int4[], $3::text[], $4::text[], $5::text[], \
		 $6::text[], $7::bool[])",
		&[&x.0, &x.1, &x.2, &x.3, &x.4, &x.5, &x.6],
	)
	.await?;
	tx.execute(
		"INSERT INTO events (block, idx, extrinsic, pallet, event, department, officer, subject, \
		 record_kind, record, amount, document, fields) \
		 SELECT b, i, x, p, e, d, o, s, rk, r, a::numeric, doc, f FROM UNNEST($1::int8[], \
		 $2::int4[], $3::int4[], $4::text[], $5::text[], $6::int8[], $7::text[], $8::text[], \
		 $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) \
		 AS t(b, i, x, p, e, d, o, s, rk, r, a, doc, f)",
		&[&e.0, &e.1, &e.2, &e.3, &e.4, &e.5, &e2.0, &e2.1, &e2.2, &e2.3, &e3.0, &e3.1, &e3.2],
	)
	.await?;
	tx.execute(
		"INSERT INTO refs (block, event, kind, value) \
		 SELECT * FROM UNNEST($1::int8[], $2::int4[], $3::text[], $4::text[])",
		&[&r.0, &r.1, &r.2, &r.3],
	)
	.await?;
	tx.commit().await?;
	Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::arithmetic_side_effects)]
mod tests {
	use super::*;

	/// A fresh SQLite file in the system's temporary directory, removed when dropped.
	struct TempDb(std::path::PathBuf);

	impl TempDb {
		fn new(name: &str) -> Self {
			let path = std::env::temp_dir()
				.join(format!("civitas-store-{name}-{}.db", std::process::id()));
			let _ = std::fs::remove_file(&path);
			TempDb(path)
		}

		fn url(&self) -> String {
			format!("sqlite://{}", self.0.display())
		}

		fn execute(&self, sql: &str) {
			let db = rusqlite::Connection::open(&self.0).expect("opens");
			db.execute(sql, []).expect("executes");
		}
	}

	impl Drop for TempDb {
		fn drop(&mut self) {
			for suffix in ["", "-wal", "-shm"] {
				let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
			}
		}
	}

	/// An event of `pallet.event` naming `refs` (kind, value), its first record as the record.
	fn event(index: u32, pallet: &str, event: &str, refs: &[(&'static str, &str)]) -> EventRow {
		let refs: Vec<_> = refs
			.iter()
			.map(|(kind, value)| super::super::decode::Ref { kind, value: value.to_string() })
			.collect();
		let record = refs.iter().find(|r| !matches!(r.kind, "subject" | "department" | "officer"));
		EventRow {
			index,
			extrinsic: Some(1),
			pallet: pallet.into(),
			event: event.into(),
			columns: EventColumns {
				department: Some(4),
				subject: refs.iter().find(|r| r.kind == "subject").map(|r| r.value.clone()),
				record_kind: record.map(|r| r.kind),
				record: record.map(|r| r.value.clone()),
				amount: Some(u128::MAX),
				fields: serde_json::json!({ "index": index }),
				refs,
				..Default::default()
			},
		}
	}

	fn block(number: u64, events: Vec<EventRow>) -> BlockRow {
		BlockRow {
			number,
			hash: format!("0x{number:064x}"),
			time_ms: Some(1_000 * number as i64),
			spec_version: 109,
			extrinsics: vec![ExtrinsicRow {
				index: 1,
				hash: format!("0x{:064x}", number + 100),
				pallet: "CreditRecords".into(),
				call: "record".into(),
				signer: Some("5Tax".into()),
				success: true,
			}],
			events,
		}
	}

	// The writer blocks in place, as it does in the indexer's multi-threaded runtime.
	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn written_blocks_read_back_through_every_filter() {
		const ALICE: &str = "0xaa";
		const BOB: &str = "0xbb";
		let db = TempDb::new("roundtrip");
		let mut store = Store::open(&db.url()).await.expect("a new index");
		store.claim_chain("0x01").await.expect("a new index is anyone's");
		assert!(store.claim_chain("0x02").await.is_err(), "and then only its chain's");
		store
			.write(&[
				block(
					1,
					vec![
						event(
							0,
							"CreditRecords",
							"RecordCreated",
							&[("subject", ALICE), ("record", "7")],
						),
						event(
							1,
							"CreditRecords",
							"RecordCreated",
							&[("subject", BOB), ("record", "8")],
						),
					],
				),
				block(
					2,
					vec![
						// Name the record only: Alice's file has them, Bob's does not.
						event(0, "CreditRecords", "ObjectionFiled", &[("record", "7")]),
						event(1, "CreditRecords", "RecordRectified", &[("record", "7")]),
						event(2, "EBills", "BillPaid", &[("bill", "7"), ("subject", BOB)]),
					],
				),
			])
			.await
			.expect("written");
		assert_eq!(store.last_block().await.expect("reads"), Some((2, format!("0x{:064x}", 2))));
		assert_eq!(store.counts().await.expect("counts"), (2, 2, 5));

		let events = |filter: Filter| {
			let store = &store;
			async move {
				let rows = store.events(&filter).await.expect("queries");
				rows.into_iter().map(|e| format!("{}.{}", e.block, e.event)).collect::<Vec<_>>()
			}
		};
		let subject = |s: &str| Filter { subject: Some(s.into()), ..Default::default() };
		assert_eq!(
			events(subject(ALICE)).await,
			["1.RecordCreated", "2.ObjectionFiled", "2.RecordRectified"]
		);
		// A bill numbered like Alice's record is not hers: ownership is per kind.
		assert_eq!(events(subject(BOB)).await, ["1.RecordCreated", "2.BillPaid"]);
		let record = |kind: Option<&str>| Filter {
			record: Some("7".into()),
			record_kind: kind.map(str::to_string),
			..Default::default()
		};
		assert_eq!(events(record(Some("bill"))).await, ["2.BillPaid"]);
		assert_eq!(events(record(None)).await.len(), 4);
		let newest = Filter {
			pallet: Some("CreditRecords".into()),
			newest_first: true,
			limit: Some(2),
			..Default::default()
		};
		assert_eq!(events(newest).await, ["2.RecordRectified", "2.ObjectionFiled"]);
		let late = Filter { from_ms: Some(2_000), ..Default::default() };
		assert_eq!(events(late).await.len(), 3);
		let first = store.events(&subject(ALICE)).await.expect("queries");
		let first = first.first().expect("one");
		assert_eq!(first.amount.as_deref(), Some(u128::MAX.to_string().as_str()));
		assert_eq!(first.signer.as_deref(), Some("5Tax"));
		assert_eq!(first.department, Some(4));
	}

	#[tokio::test]
	async fn an_index_records_its_layout_version_and_refuses_another() {
		let db = TempDb::new("version");
		let mut store = Store::open(&db.url()).await.expect("a new index");
		store.claim_chain("0x01").await.expect("a chain");
		drop(store);
		// Reopened: the same version.
		drop(Store::open(&db.url()).await.expect("the same layout"));
		// An index of a chain written before versions were recorded has layout 1: refused by
		// name, and nothing is written to it.
		db.execute("DELETE FROM schema_version");
		let refused = Store::open(&db.url()).await.err().map(|e| e.to_string()).unwrap_or_default();
		assert!(refused.contains("layout version 1"), "{refused}");
		db.execute("INSERT INTO schema_version (version) VALUES (3)");
		let refused = Store::open(&db.url()).await.err().map(|e| e.to_string()).unwrap_or_default();
		assert!(refused.contains("layout version 3"), "{refused}");
		let db2 = rusqlite::Connection::open(&db.0).expect("opens");
		let versions: i64 = db2
			.query_row("SELECT COUNT(*) FROM schema_version", [], |row| row.get(0))
			.expect("counts");
		assert_eq!(versions, 1);
	}
}
