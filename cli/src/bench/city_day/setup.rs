//! What the waiting streams need on chain before the day starts.

use std::{collections::BTreeMap, time::Duration};

use anyhow::{anyhow, Result};
use civitas_client::civitas::{
	self,
	runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		civitas_primitives::identity::SubjectKind,
		pallet_real_estate::types::{LicenceKind, Usage},
	},
};
use subxt::utils::{AccountId32, MultiAddress};
use subxt_signer::sr25519::Keypair;

use super::{
	run_hash, uri, Conveyances, Day, Grants, Stream, ACCOUNTS, FEES, FINANCE, PLANNING, WHOLE,
};
use crate::bench::{best_block, keypair, params, sign, At, Client};

/// Signs and submits the setup's transactions, counting each account's nonces from the chain's
/// next one (an account's next transaction may be sent before its last is in a block).
#[derive(Default)]
struct Submitter {
	nonces: BTreeMap<[u8; 32], u64>,
}

impl Submitter {
	/// Submits `call` signed by `key`, at `at`.
	async fn submit(
		&mut self,
		at: &At,
		call: &impl subxt::transactions::Payload,
		key: &Keypair,
	) -> Result<()> {
		let account: AccountId32 = key.public_key().into();
		let nonce = match self.nonces.get(&account.0) {
			Some(nonce) => *nonce,
			None => at.transactions().account_nonce(&account).await?,
		};
		at.transactions().from_bytes(sign(at, call, params(nonce), key)?).submit().await?;
		self.nonces.insert(account.0, nonce.saturating_add(1));
		Ok(())
	}
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

/// An account's free balance at `at`.
async fn free(at: &At, account: &AccountId32) -> Result<u128> {
	let query = civitas::storage().system().account();
	Ok(match at.storage().try_fetch(query, (*account,)).await? {
		Some(value) => value.decode()?.data.free,
		None => 0,
	})
}

/// Makes what the waiting streams need, and says what it made:
/// - for the grants, a new enterprise registered by Market Regulation (`//Charlie`) with this
///   run's grantee account linked to it, and a Finance officer to pay out who is not the claims
///   officer (`//Alice//stash//fund`, added by Finance's admin once per chain);
/// - for the conveyances, two new people, the first linked to this run's party account, a flat
///   the land registry (`//Dave`) registers in the first one's name, the flat's construction
///   completion accepted by the Housing Commission (`//Eve`), and a second land registrar
///   (`//Dave//land`, added by Planning's admin once per chain).
///
/// `//Alice` gives the new accounts their fees. A link is the registrar's offer accepted by the
/// account.
pub async fn setup(api: &Client, run: &str) -> Result<Day> {
	let account_of = |stream: Stream| -> Result<Keypair> {
		let (base, _) = ACCOUNTS
			.iter()
			.find(|(_, s)| *s == stream)
			.ok_or_else(|| anyhow!("no account for {stream:?}"))?;
		keypair(&uri(stream, base, run))
	};
	let (grantee_key, party_key) = (account_of(Stream::Grantee)?, account_of(Stream::Party)?);
	let (finance, registrar, land) = (
		account_of(Stream::Claims)?,
		account_of(Stream::Registration)?,
		account_of(Stream::Conveyancing)?,
	);
	let (funder, housing) = (keypair("//Alice")?, keypair("//Eve")?);
	let id = |key: &Keypair| -> AccountId32 { key.public_key().into() };
	let (treasurer, second_registrar) =
		(id(&account_of(Stream::Treasury)?), id(&account_of(Stream::Completion)?));
	let (grantee_account, party_account) = (id(&grantee_key), id(&party_key));
	let hash = |label: &str| run_hash(run, label);
	let (grantee, keyed, paper) = (hash("grantee"), hash("owner"), hash("paper owner"));
	let cadastral_ref = || BoundedVec(format!("BENCH-{run}").into_bytes());

	let storage = civitas::storage();
	let (officers, pending, links) = (
		storage.departments().officers(),
		storage.civic_identity().pending_links(),
		storage.civic_identity().links(),
	);
	let tx = civitas::transactions();
	let mut submitter = Submitter::default();
	let new_accounts = [grantee_account, treasurer, party_account, second_registrar];

	let at = best_block(api).await?.at().await?;
	for account in &new_accounts {
		if free(&at, account).await? < FEES / 2 {
			let call = tx.balances().transfer_keep_alive(MultiAddress::Id(*account), FEES);
			submitter.submit(&at, &call, &funder).await?;
		}
	}
	let new_officers = [(&finance, FINANCE, treasurer), (&land, PLANNING, second_registrar)];
	for (admin, department, officer) in new_officers {
		if at.storage().try_fetch(officers.clone(), (officer,)).await?.is_none() {
			let call = tx.departments().add_officer(department, officer, false);
			submitter.submit(&at, &call, admin).await?;
		}
	}
	for (subject, kind, label) in [
		(grantee, SubjectKind::Enterprise, "grantee"),
		(keyed, SubjectKind::Person, "owner"),
		(paper, SubjectKind::Person, "paper owner"),
	] {
		let commitment = hash(&format!("{label}/commitment"));
		let call = tx.civic_identity().register_subject(subject, kind, commitment, None);
		submitter.submit(&at, &call, &registrar).await?;
	}
	let linked = [(grantee, grantee_account, &grantee_key), (keyed, party_account, &party_key)];
	for (subject, account, _) in linked {
		let call = tx.civic_identity().propose_link(subject, account);
		submitter.submit(&at, &call, &registrar).await?;
	}

	let at = until(api, "the link offers and the new accounts' fees", async |at| {
		for (_, account, _) in linked {
			if at.storage().try_fetch(pending.clone(), (account,)).await?.is_none() {
				return Ok(false);
			}
		}
		for account in &new_accounts {
			if free(at, account).await? < FEES / 2 {
				return Ok(false);
			}
		}
		Ok(true)
	})
	.await?;
	for (subject, _, key) in linked {
		submitter.submit(&at, &tx.civic_identity().accept_link(subject), key).await?;
	}
	let register = tx.real_estate().register_property(
		cadastral_ref(),
		hash("flat/location"),
		89,
		Usage::Residential,
		BoundedVec(vec![(keyed, WHOLE)]),
		hash("flat/title"),
	);
	submitter.submit(&at, &register, &land).await?;

	let by_cadastre = storage.real_estate().property_by_cadastre();
	let at = until(api, "the links, the second officers and the flat", async |at| {
		for (subject, account, _) in linked {
			let link = at.storage().try_fetch(links.clone(), (account,)).await?;
			if link.map(|value| value.decode()).transpose()? != Some(subject) {
				return Ok(false);
			}
		}
		for (_, _, officer) in new_officers {
			if at.storage().try_fetch(officers.clone(), (officer,)).await?.is_none() {
				return Ok(false);
			}
		}
		Ok(at.storage().try_fetch(by_cadastre.clone(), (cadastral_ref(),)).await?.is_some())
	})
	.await?;
	let property = at.storage().fetch(by_cadastre, (cadastral_ref(),)).await?.decode()?;
	let acceptance = tx.real_estate().issue_licence(
		property,
		LicenceKind::ConstructionCompletion,
		hash("flat/completion acceptance"),
		None,
	);
	submitter.submit(&at, &acceptance, &housing).await?;

	let licences = storage.real_estate().licences();
	let at = until(api, "the flat's completion acceptance", async |at| {
		let held = at.storage().try_fetch(licences.clone(), (property,)).await?;
		Ok(held.map(|value| value.decode()).transpose()?.is_some_and(|held| !held.0.is_empty()))
	})
	.await?;
	let query = storage.fund_grants().next_application_id();
	let first_application = at.storage().fetch(query, ()).await?.decode()?;
	let query = storage.real_estate().next_transfer_id();
	let first_transfer = at.storage().fetch(query, ()).await?.decode()?;
	Ok(Day {
		grants: Grants { first_application, start: u32::try_from(at.block_number())? },
		conveyances: Conveyances { property, first_transfer, keyed, paper },
	})
}
