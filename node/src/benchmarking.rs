//! What the node's `benchmark overhead` and `benchmark extrinsic` need: signed transactions of
//! the dev chain's accounts, and the inherents and digest of a block built now. The SDK executes
//! those benchmarks' blocks on the genesis state, so they run on a new chain
//! (`scripts/benchmark-machine.sh`); `benchmark storage` is the one that reads a grown database.

use std::time::Duration;

use civitas_primitives::BillKind;
use civitas_runtime::{
	configs::BlockHashCount, pallet_e_bills::NewBill, Runtime, RuntimeCall, SignedPayload,
	TxExtension, UncheckedExtrinsic, SLOT_DURATION, VERSION,
};
use polkadot_sdk::{
	frame_benchmarking_cli::ExtrinsicBuilder,
	frame_system, pallet_balances, pallet_transaction_payment,
	sc_cli::Result,
	sp_blockchain::HeaderBackend,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{crypto::Pair as _, sr25519, Encode, H256},
	sp_inherents::{InherentData, InherentDataProvider},
	sp_io::hashing::blake2_256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		generic::Era, traits::IdentifyAccount, BoundedVec, DigestItem, MultiSigner, OpaqueExtrinsic,
	},
	sp_timestamp,
};

use crate::service::FullClient;

/// A transaction `benchmark overhead` or `benchmark extrinsic` fills blocks with: one call,
/// signed by one dev account with increasing nonces, mortal from the chain's best block.
pub struct Builder {
	pallet: &'static str,
	extrinsic: &'static str,
	signer: Sr25519Keyring,
	call: fn(u32) -> std::result::Result<RuntimeCall, &'static str>,
	genesis: H256,
	best: (H256, u32),
}

impl Builder {
	fn new(
		client: &FullClient,
		(pallet, extrinsic): (&'static str, &'static str),
		signer: Sr25519Keyring,
		call: fn(u32) -> std::result::Result<RuntimeCall, &'static str>,
	) -> Result<Self> {
		let genesis = client.hash(0).ok().flatten().ok_or("the chain has no genesis block")?;
		let info = client.info();
		Ok(Self {
			pallet,
			extrinsic,
			signer,
			call,
			genesis,
			best: (info.best_hash, info.best_number),
		})
	}

	/// `system.remark` with an empty remark, signed by Alice: what `benchmark overhead` fills a
	/// block with to measure a transaction's base cost.
	pub fn remark(client: &FullClient) -> Result<Self> {
		Self::new(client, ("system", "remark"), Sr25519Keyring::Alice, |_| {
			Ok(frame_system::Call::remark { remark: vec![] }.into())
		})
	}

	/// `balances.transfer_keep_alive` of the existential deposit from Bob to a new account each
	/// time.
	pub fn transfer_keep_alive(client: &FullClient) -> Result<Self> {
		Self::new(client, ("balances", "transfer_keep_alive"), Sr25519Keyring::Bob, |nonce| {
			let dest = sr25519::Public::from_raw(blake2_256(&(b"transfer", nonce).encode()));
			Ok(pallet_balances::Call::transfer_keep_alive {
				dest: account_of(dest).into(),
				value: civitas_runtime::EXISTENTIAL_DEPOSIT,
			}
			.into())
		})
	}

	/// `e_bills.issue` of a new electricity bill by the Power Supply Bureau's officer
	/// (`//Eve//stash`, a bill issuer on the dev chain): the city's most frequent write.
	pub fn bill(client: &FullClient) -> Result<Self> {
		Self::new(client, ("e_bills", "issue"), Sr25519Keyring::EveStash, |nonce| {
			// A number no workload uses, so the bill is new on any state.
			let number = format!("BENCH-{nonce:010}");
			let amount = 10_000u128.saturating_add(u128::from(nonce % 97).saturating_mul(113));
			let bill = NewBill::<Runtime> {
				content_hash: H256(blake2_256(number.as_bytes())),
				number: BoundedVec::try_from(number.into_bytes())
					.map_err(|_| "bill number too long")?,
				payer: None,
				kind: BillKind::Electricity,
				amount,
				tax_amount: amount.saturating_mul(13) / 113,
				currency: *b"CNY",
				due: Some(432_000),
			};
			Ok(civitas_runtime::pallet_e_bills::Call::issue { bill }.into())
		})
	}
}

impl ExtrinsicBuilder for Builder {
	fn pallet(&self) -> &str {
		self.pallet
	}

	fn extrinsic(&self) -> &str {
		self.extrinsic
	}

	/// The call signed with `nonce`, no tip.
	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call = (self.call)(nonce)?;
		let sender = self.signer.pair();
		let (best_hash, best_number) = self.best;
		let period =
			u64::from(BlockHashCount::get()).checked_next_power_of_two().map_or(2, |c| c / 2);
		let tx_ext: TxExtension = (
			frame_system::AuthorizeCall::<Runtime>::new(),
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::mortal(period, best_number.into())),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let payload = SignedPayload::from_raw(
			call.clone(),
			tx_ext.clone(),
			(
				(),
				(),
				VERSION.spec_version,
				VERSION.transaction_version,
				self.genesis,
				best_hash,
				(),
				(),
				(),
				(),
			),
		);
		let signature = payload.using_encoded(|payload| sender.sign(payload));
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			account_of(sender.public()).into(),
			signature.into(),
			tx_ext,
		);
		Ok(extrinsic.into())
	}
}

/// The account of an sr25519 key.
fn account_of(public: sr25519::Public) -> civitas_runtime::AccountId {
	MultiSigner::from(public).into_account()
}

/// The inherents of a block built now: the time, which must follow the best block's.
pub fn inherent_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	futures::executor::block_on(
		sp_timestamp::InherentDataProvider::new(now().into())
			.provide_inherent_data(&mut inherent_data),
	)
	.map_err(|e| format!("the timestamp inherent: {e}"))?;
	Ok(inherent_data)
}

/// The Aura slot of a block built now, which the runtime checks against the timestamp.
pub fn digest() -> Vec<DigestItem> {
	let slot = Slot::from(now().as_millis() as u64 / SLOT_DURATION);
	vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())]
}

/// The start of the current slot: the timestamp and the slot agree.
fn now() -> Duration {
	let now = sp_timestamp::Timestamp::current().as_millis();
	Duration::from_millis(now - now % SLOT_DURATION)
}
