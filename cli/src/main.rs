//! `civitas`: the city's tools on the command line.

mod audit;
mod bench;

use anyhow::{anyhow, Context, Result};
use civitas_client::{civitas, disclosure, CivitasConfig};
use clap::{Parser, Subcommand};
use subxt::{utils::AccountId32, OnlineClient};

#[derive(Parser)]
#[command(name = "civitas", version, about = "The Civitas city chain's tools")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// The registrar's and holder's identity helpers.
	#[command(subcommand)]
	Identity(Identity),
	/// The access log: who used a subject's records, and why.
	#[command(subcommand)]
	Access(Access),
	/// The auditors' index of the chain's history, its exports and document look-ups.
	#[command(subcommand)]
	Audit(Audit),
	/// The load harness: keeps a dev chain's pool full with a workload for a while and reports
	/// what every block held (extrinsics, bills, fill by weight and length, finality lag).
	Bench(bench::Options),
}

/// The default index: an SQLite file in the working directory.
const DEFAULT_DATABASE: &str = "sqlite://audit.db";

#[derive(Subcommand)]
enum Audit {
	/// Follows the finalized chain into the index (from the genesis, or the block after the last
	/// one indexed) and keeps following it.
	Index {
		/// The node's WebSocket address.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// `sqlite://<file>` or `postgres://user@host/database`.
		#[arg(long, default_value = DEFAULT_DATABASE)]
		database: String,
		/// Stop once the finalized head is indexed.
		#[arg(long)]
		once: bool,
		/// No progress bar (the summary line is still printed).
		#[arg(long)]
		quiet: bool,
	},
	/// Writes the indexed events that pass the filters, oldest first, as CSV or JSON.
	Export {
		#[arg(long, default_value = DEFAULT_DATABASE)]
		database: String,
		#[arg(long, value_enum, default_value = "csv")]
		format: audit::Format,
		#[command(flatten)]
		filter: FilterArgs,
	},
	/// Serves the auditors' portal and the JSON API (`/api/events`) over the index.
	Serve {
		#[arg(long, default_value = DEFAULT_DATABASE)]
		database: String,
		/// The node to read department and purpose names from.
		#[arg(long)]
		url: Option<String>,
		/// The address to listen on.
		#[arg(long, default_value = "127.0.0.1:8080")]
		listen: String,
	},
	/// Which records anchor a document (by its hash): the events, blocks, departments and
	/// officers, and what the chain's state says of it now (with `--url`). Exits 1 if none.
	Verify {
		#[arg(long, default_value = DEFAULT_DATABASE)]
		database: String,
		/// The node to ask for the current state.
		#[arg(long)]
		url: Option<String>,
		/// The document's hash, hex.
		document: String,
	},
}

#[derive(clap::Args)]
struct FilterArgs {
	/// Events of this pallet (`EBills`, `RealEstate`, …).
	#[arg(long)]
	pallet: Option<String>,
	/// Events of this name (`BillIssued`, …).
	#[arg(long)]
	event: Option<String>,
	/// Events naming this department.
	#[arg(long)]
	department: Option<u32>,
	/// Events naming this subject (hex), and those naming its credit records and grant
	/// applications (objections, decisions, reviews, payouts).
	#[arg(long)]
	subject: Option<String>,
	/// Events by this officer (SS58).
	#[arg(long)]
	officer: Option<String>,
	/// Events naming this record (a bill or document hash, a property or grant number, …).
	#[arg(long)]
	record: Option<String>,
	/// From this time (RFC 3339, e.g. 2026-12-01T00:00:00Z), inclusive.
	#[arg(long)]
	from: Option<String>,
	/// Until this time (RFC 3339), exclusive.
	#[arg(long)]
	to: Option<String>,
	/// At most this many events.
	#[arg(long)]
	limit: Option<u64>,
}

impl FilterArgs {
	fn into_filter(self) -> Result<audit::store::Filter> {
		let millis = |text: Option<String>| -> Result<Option<i64>> {
			text.map(|t| {
				let time =
					humantime::parse_rfc3339_weak(&t).with_context(|| format!("time {t}"))?;
				let since = time.duration_since(std::time::UNIX_EPOCH)?;
				Ok(i64::try_from(since.as_millis())?)
			})
			.transpose()
		};
		Ok(audit::store::Filter {
			pallet: self.pallet,
			event: self.event,
			department: self.department,
			subject: self.subject,
			officer: self.officer,
			record: self.record,
			from_ms: millis(self.from)?,
			to_ms: millis(self.to)?,
			limit: self.limit,
			..Default::default()
		})
	}
}

#[derive(Subcommand)]
enum Identity {
	/// The salted subject id of an identifier (`blake2_256(salt ++ identifier)`).
	SubjectId {
		/// The 32-byte salt, hex.
		#[arg(long)]
		salt: String,
		/// The identifier (ID-card number, unified social credit code).
		identifier: String,
	},
	/// The salted commitment to a subject's off-chain record (`blake2_256(salt ++ record)`, the
	/// file's bytes as they are); with `--url` and `--subject`, also whether it is the subject's
	/// commitment on chain now (exits 1 if not).
	Commit {
		/// The 32-byte salt, hex.
		#[arg(long)]
		salt: String,
		/// The record, as the registrar keeps it.
		record: std::path::PathBuf,
		/// The node to compare with.
		#[arg(long, requires = "subject")]
		url: Option<String>,
		/// The subject whose commitment it should be, hex.
		#[arg(long, requires = "url")]
		subject: Option<String>,
	},
	/// The id (Merkle root) of a certificate's salted claims, read as JSON
	/// (`[{"name", "value", "salt": "0x…"}]`) from a file.
	CertificateId {
		/// The salted claims.
		claims: std::path::PathBuf,
	},
	/// The disclosure of one claim (JSON `{claim, proof}`), revealing nothing of the others.
	Disclose {
		/// The salted claims.
		claims: std::path::PathBuf,
		/// The claim to reveal.
		#[arg(long)]
		name: String,
	},
	/// Whether a disclosure (JSON `{claim, proof}`, as `disclose` writes it) belongs to the
	/// certificate `id`; exits 1 if not.
	VerifyDisclosure {
		/// The certificate id, hex.
		#[arg(long)]
		id: String,
		/// The disclosure.
		disclosure: std::path::PathBuf,
	},
}

/// A salted claim as JSON: the shape `tests/e2e/disclosure.js` uses, salts and hashes in hex.
#[derive(serde::Serialize, serde::Deserialize)]
struct ClaimJson {
	name: String,
	value: String,
	salt: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StepJson {
	hash: String,
	right: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct DisclosureJson {
	claim: ClaimJson,
	proof: Vec<StepJson>,
}

fn hex32(bytes: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn claim_from(json: ClaimJson) -> Result<disclosure::SaltedClaim> {
	Ok(disclosure::SaltedClaim { name: json.name, value: json.value, salt: hash32(&json.salt)? })
}

fn claim_json(claim: &disclosure::SaltedClaim) -> ClaimJson {
	ClaimJson { name: claim.name.clone(), value: claim.value.clone(), salt: hex32(&claim.salt) }
}

fn read_claims(path: &std::path::Path) -> Result<Vec<disclosure::SaltedClaim>> {
	let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
	let claims: Vec<ClaimJson> = serde_json::from_str(&text).context("salted claims JSON")?;
	claims.into_iter().map(claim_from).collect()
}

#[derive(Subcommand)]
enum Access {
	/// The accesses to the records of the subject `account` is linked to.
	Mine {
		/// The node's WebSocket address.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// The subject's own account (SS58).
		account: String,
	},
}

fn hash32(text: &str) -> Result<[u8; 32]> {
	let bytes = hex::decode(text.trim_start_matches("0x")).context("not hex")?;
	bytes.try_into().map_err(|_| anyhow!("not 32 bytes"))
}

#[tokio::main]
async fn main() -> Result<()> {
	match Cli::parse().command {
		Command::Identity(Identity::SubjectId { salt, identifier }) => {
			println!("{}", hex32(&disclosure::subject_id(&hash32(&salt)?, &identifier)));
		},
		Command::Identity(Identity::Commit { salt, record, url, subject }) => {
			let bytes = std::fs::read(&record).with_context(|| format!("reading {record:?}"))?;
			let commitment = disclosure::commitment(&hash32(&salt)?, &bytes);
			println!("{}", hex32(&commitment));
			if let (Some(url), Some(subject)) = (url, subject) {
				let api = OnlineClient::<CivitasConfig>::from_url(&url).await?;
				let at = api.at_current_block().await?;
				let call = civitas::runtime_apis()
					.civic_identity_api()
					.subject(subxt::utils::H256(hash32(&subject)?));
				match at.runtime_apis().call(call).await? {
					Some(info) if info.record.commitment.0 == commitment => {
						println!(
							"matches: the subject's commitment on chain at block {}",
							at.block_number()
						);
					},
					Some(info) => {
						println!("differs: the chain holds {:?}", info.record.commitment);
						std::process::exit(1);
					},
					None => {
						println!("no subject {subject} on chain");
						std::process::exit(1);
					},
				}
			}
		},
		Command::Identity(Identity::CertificateId { claims }) => {
			let id = disclosure::certificate_id(&read_claims(&claims)?)
				.ok_or_else(|| anyhow!("a certificate has at least one claim"))?;
			println!("{}", hex32(&id));
		},
		Command::Identity(Identity::Disclose { claims, name }) => {
			let revealed = disclosure::disclose(&read_claims(&claims)?, &name)
				.ok_or_else(|| anyhow!("no claim {name}"))?;
			let json = DisclosureJson {
				claim: claim_json(&revealed.claim),
				proof: revealed
					.proof
					.iter()
					.map(|step| StepJson { hash: hex32(&step.hash), right: step.right })
					.collect(),
			};
			println!("{}", serde_json::to_string_pretty(&json)?);
		},
		Command::Identity(Identity::VerifyDisclosure { id, disclosure: path }) => {
			let text =
				std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
			let json: DisclosureJson = serde_json::from_str(&text).context("disclosure JSON")?;
			let revealed = disclosure::Disclosure {
				claim: claim_from(json.claim)?,
				proof: json
					.proof
					.into_iter()
					.map(|step| {
						Ok(disclosure::ProofStep { hash: hash32(&step.hash)?, right: step.right })
					})
					.collect::<Result<_>>()?,
			};
			if !disclosure::verify_disclosure(&hash32(&id)?, &revealed) {
				println!("invalid: the claim does not belong to certificate {id}");
				std::process::exit(1);
			}
			println!("valid: {} belongs to certificate {id}", revealed.claim.name);
		},
		Command::Access(Access::Mine { url, account }) => {
			let account: AccountId32 = account.parse().map_err(|e| anyhow!("{e:?}"))?;
			let api = OnlineClient::<CivitasConfig>::from_url(&url).await?;
			let at = api.at_current_block().await?;
			let call = civitas::runtime_apis()
				.access_log_api()
				.accesses_of_account(account, None, None, None, 500);
			for access in at.runtime_apis().call(call).await? {
				println!(
					"#{} block {} department {} officer {} purpose {} kinds {:?}",
					access.access,
					access.at,
					access.department,
					access.officer,
					access.purpose,
					access.kinds
				);
			}
		},
		Command::Bench(options) => bench::run(options).await?,
		Command::Audit(Audit::Index { url, database, once, quiet }) => {
			audit::index(audit::IndexOptions { url, database, once, quiet }).await?
		},
		Command::Audit(Audit::Export { database, format, filter }) => {
			audit::export(&database, &filter.into_filter()?, format).await?
		},
		Command::Audit(Audit::Serve { database, url, listen }) => {
			audit::serve::serve(&database, url.as_deref(), &listen).await?
		},
		Command::Audit(Audit::Verify { database, url, document }) => {
			audit::verify(&database, url.as_deref(), &document).await?
		},
	}
	Ok(())
}
