//! `civitas`: the city's tools on the command line.

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
			let id = disclosure::subject_id(&hash32(&salt)?, &identifier);
			println!("0x{}", hex::encode(id));
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
	}
	Ok(())
}
