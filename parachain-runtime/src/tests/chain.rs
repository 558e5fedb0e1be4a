//! A city chain run in-process, as its collator builds blocks and as the relay chain carries its
//! messages: blocks through the runtime's `Executive` with the inherents a collator puts in (the
//! relay chain's validation data and state proof from a `RelayStateSproofBuilder`, then the
//! time), signed transactions, an Aura seal, and the storage proof of each block against its
//! parent's state, recorded while it is built. HRMP channels connect every city of the presets
//! both ways; [`deliver`] hands one chain's outbound messages to another's next block, with the
//! message queue chain heads the relay chain would prove.

use std::collections::BTreeMap;

use codec::Encode;
use polkadot_sdk::{
	cumulus_pallet_parachain_system,
	cumulus_primitives_core::{
		relay_chain::{HeadData, InboundHrmpMessage, OutboundHrmpMessage},
		ParaId, PersistedValidationData,
	},
	cumulus_primitives_parachain_inherent::{MessageQueueChain, ParachainInherentData},
	cumulus_test_relay_sproof_builder::RelayStateSproofBuilder,
	frame_system, pallet_aura, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{Pair, H256},
	sp_inherents::InherentData,
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		generic::Era,
		traits::{Block as BlockT, Header as HeaderT},
		ApplyExtrinsicResult, BuildStorage, Digest, DigestItem,
	},
	sp_state_machine::StorageProof,
	sp_trie::{proof_size_extension::ProofSizeExt, recorder::Recorder},
};

use super::presets::preset_config;
use crate::{
	genesis_config_presets::CITIES, Block, Executive, Header, ParachainInfo, ParachainSystem,
	Runtime, RuntimeCall, RuntimeEvent, SignedPayload, System, TxExtension, UncheckedExtrinsic,
	SLOT_DURATION,
};

/// A block as its collator built it.
pub struct Built {
	/// The block, sealed by its Aura author.
	pub block: Block,
	/// Its author: the collator whose slot it was.
	pub author: Sr25519Keyring,
	/// What each of its transactions (after the inherents) returned, in order.
	pub results: Vec<ApplyExtrinsicResult>,
	/// The events of the block.
	pub events: Vec<RuntimeEvent>,
	/// The HRMP messages the block sends.
	pub outbound: Vec<OutboundHrmpMessage<ParaId>>,
	/// The storage the block read from its parent's state, with proof.
	pub proof: StorageProof,
	/// The validation data the block carries (its parent's head, the relay parent).
	pub validation_data: PersistedValidationData,
}

/// A city chain: its state, its last block, and the messages the relay chain holds for it.
pub struct City {
	/// Its para id.
	pub para: ParaId,
	/// Its state after its last block.
	pub ext: TestExternalities,
	/// Its last block's header (the genesis header at first).
	pub head: Header,
	/// Its genesis block's hash.
	genesis: H256,
	/// The message queue chain of each inbound channel, as the relay chain keeps it.
	inbound: BTreeMap<ParaId, MessageQueueChain>,
	/// Messages sent to it and not yet delivered in a block, by sender.
	inbox: BTreeMap<ParaId, Vec<InboundHrmpMessage>>,
	/// Transactions signed since its last block, by signer: the next one's nonce follows them.
	signed: BTreeMap<Sr25519Keyring, u32>,
}

impl City {
	/// The chain of genesis preset `preset`.
	pub fn new(preset: &str) -> Self {
		Self::from_config(preset_config(preset))
	}

	/// The chain of genesis `config`.
	pub fn from_config(config: crate::RuntimeGenesisConfig) -> Self {
		let storage = config.build_storage().expect("genesis builds");
		let mut ext = TestExternalities::new(storage);
		ext.commit_all().expect("genesis commits");
		let para = ext.execute_with(ParachainInfo::parachain_id);
		let state_root = *ext.as_backend().root();
		let head = Header::new(0, H256::zero(), state_root, H256::zero(), Digest::default());
		let genesis = head.hash();
		City {
			para,
			ext,
			head,
			genesis,
			inbound: BTreeMap::new(),
			inbox: BTreeMap::new(),
			signed: BTreeMap::new(),
		}
	}

	/// Runs `f` on the chain's current state.
	pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// `call` signed by `who` with its next nonce (after the transactions it signed for the next
	/// block): a transaction as Polkadot.js would send it, immortal, for this chain's genesis
	/// block.
	pub fn sign(&mut self, who: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
		let genesis = self.genesis;
		let pending = self.signed.entry(who).or_default();
		let ahead = *pending;
		*pending += 1;
		self.execute_with(|| {
			let account = who.to_account_id();
			let nonce = System::account_nonce(&account) + ahead;
			let extension: TxExtension = (
				frame_system::AuthorizeCall::new(),
				frame_system::CheckNonZeroSender::new(),
				frame_system::CheckSpecVersion::new(),
				frame_system::CheckTxVersion::new(),
				frame_system::CheckGenesis::new(),
				frame_system::CheckEra::from(Era::Immortal),
				frame_system::CheckNonce::from(nonce),
				frame_system::CheckWeight::new(),
				polkadot_sdk::pallet_transaction_payment::ChargeTransactionPayment::from(0),
				frame_system::WeightReclaim::new(),
			);
			// What the extensions add to the signed payload: the versions, and the genesis hash
			// (for the genesis check and as an immortal transaction's checkpoint), which the
			// chain's state knows only from its first block on.
			let version = crate::VERSION;
			let implicit = (
				(),
				(),
				version.spec_version,
				version.transaction_version,
				genesis,
				genesis,
				(),
				(),
				(),
				(),
			);
			let payload = SignedPayload::from_raw(call, extension, implicit);
			let signature = payload.using_encoded(|bytes| who.sign(bytes));
			let (call, extension, _) = payload.deconstruct();
			UncheckedExtrinsic::new_signed(call, account.into(), signature.into(), extension)
		})
	}

	/// The relay chain's state as this chain's next block sees it at relay block
	/// `relay_number`: this chain's last block included, the relay slot of that block, and HRMP
	/// channels to and from every other city of the presets, the inbound ones' heads after the
	/// messages waiting for this chain.
	fn relay_state(&self, relay_number: u32) -> RelayStateSproofBuilder {
		let mut sproof = RelayStateSproofBuilder {
			para_id: self.para,
			included_para_head: Some(HeadData(self.head.encode())),
			current_slot: Slot::from(u64::from(relay_number)),
			..Default::default()
		};
		for (other, _) in CITIES.iter().filter(|(id, _)| ParaId::from(*id) != self.para) {
			let other = ParaId::from(*other);
			let outbound = sproof.upsert_outbound_channel(other);
			outbound.max_capacity = 8;
			outbound.max_total_size = 64 * 1024;
			outbound.max_message_size = 16 * 1024;
			let mut chain = self.inbound.get(&other).cloned().unwrap_or_default();
			for message in self.inbox.get(&other).into_iter().flatten() {
				chain.extend_hrmp(message);
			}
			let inbound = sproof.upsert_inbound_channel(other);
			inbound.max_capacity = 8;
			inbound.max_total_size = 64 * 1024;
			inbound.max_message_size = 16 * 1024;
			inbound.mqc_head = Some(chain.head());
		}
		sproof
	}

	/// The collator whose turn slot `slot` is: Aura's round robin over the authorities of the
	/// parent's state (which `AuraExt` keeps for checking the next block's seal), a development
	/// key.
	pub fn author(&mut self, slot: Slot) -> Sr25519Keyring {
		let authorities = self.execute_with(pallet_aura::Authorities::<Runtime>::get);
		let index = u64::from(slot) % authorities.len() as u64;
		let key = &authorities[index as usize];
		Sr25519Keyring::iter()
			.find(|k| AsRef::<[u8]>::as_ref(&k.public()) == key.as_ref() as &[u8])
			.expect("the collators are development keys")
	}

	/// Builds, seals and imports the next block at relay block `relay_number` (also its slot,
	/// relay and parachain slots being of the same length) with `transactions` after the
	/// inherents, delivering the messages waiting for this chain, sealed by the slot's collator.
	pub fn block(&mut self, relay_number: u32, transactions: Vec<UncheckedExtrinsic>) -> Built {
		let (relay_parent_storage_root, relay_chain_state) =
			self.relay_state(relay_number).into_state_root_and_proof();
		let validation_data = PersistedValidationData {
			parent_head: HeadData(self.head.encode()),
			relay_parent_number: relay_number,
			relay_parent_storage_root,
			max_pov_size: 5 * 1024 * 1024,
		};
		let horizontal_messages = std::mem::take(&mut self.inbox);
		self.signed.clear();
		for (sender, messages) in &horizontal_messages {
			let chain = self.inbound.entry(*sender).or_default();
			for message in messages {
				chain.extend_hrmp(message);
			}
		}
		let inherent = ParachainInherentData {
			validation_data: validation_data.clone(),
			relay_chain_state,
			downward_messages: Vec::new(),
			horizontal_messages,
			relay_parent_descendants: Vec::new(),
			collator_peer_id: None,
		};

		let slot = Slot::from(u64::from(relay_number));
		let author = self.author(slot);
		let number = self.head.number + 1;
		let header = Header::new(
			number,
			H256::zero(),
			H256::zero(),
			self.head.hash(),
			Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] },
		);

		// The proof covers what the block reads from its parent's state: everything committed.
		// As on a collator, the runtime sees the size of the proof recorded so far (Cumulus
		// weighs blocks by it), which `validate_block` measures again from the proof itself.
		self.ext.commit_all().expect("state commits");
		let recorder = Recorder::<polkadot_sdk::sp_core::Blake2Hasher>::default();
		self.ext.register_extension(ProofSizeExt::new(recorder.clone()));
		let (header, extrinsics, results, events, outbound) =
			self.ext.execute_with_recorder(recorder.clone(), || {
				Executive::initialize_block(&header);
				let mut data = InherentData::new();
				data.put_data(
					polkadot_sdk::cumulus_primitives_parachain_inherent::INHERENT_IDENTIFIER,
					&inherent,
				)
				.expect("the inherent encodes");
				let validation = UncheckedExtrinsic::new_bare(RuntimeCall::ParachainSystem(
					<ParachainSystem as polkadot_sdk::frame_support::inherent::ProvideInherent>::create_inherent(&data)
						.expect("the parachain inherent is made"),
				));
				let now = u64::from(relay_number).saturating_mul(SLOT_DURATION);
				let time =
					UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
						now,
					}));
				for inherent in [&validation, &time] {
					let result = Executive::apply_extrinsic(inherent.clone());
					assert!(matches!(result, Ok(Ok(()))), "inherent failed: {result:?}");
				}
				let results: Vec<_> =
					transactions.iter().map(|tx| Executive::apply_extrinsic(tx.clone())).collect();
				let header = Executive::finalize_block();
				let events = System::events().into_iter().map(|record| record.event).collect();
				let outbound = cumulus_pallet_parachain_system::HrmpOutboundMessages::<Runtime>::get();
				let extrinsics: Vec<UncheckedExtrinsic> = [validation, time]
					.into_iter()
					.chain(transactions.iter().cloned())
					.collect();
				(header, extrinsics, results, events, outbound)
			});
		let proof = recorder.drain_storage_proof();

		let sealed = seal(header, author);
		self.head = sealed.clone();
		Built {
			block: Block::new(sealed, extrinsics),
			author,
			results,
			events,
			outbound,
			proof,
			validation_data,
		}
	}
}

/// `header` sealed by Aura author `author`: its signature of the header's hash as the last
/// digest item.
pub fn seal(mut header: Header, author: Sr25519Keyring) -> Header {
	let signature = author.pair().sign(header.hash().as_ref());
	header.digest_mut().push(DigestItem::Seal(AURA_ENGINE_ID, signature.encode()));
	header
}

/// Hands the messages `from` sent in `built` to `to`, as the relay chain would at relay block
/// `sent_at`: `to` receives them in its next block.
pub fn deliver(from: &City, built: &Built, to: &mut City, sent_at: u32) {
	for message in built.outbound.iter().filter(|m| m.recipient == to.para) {
		to.inbox
			.entry(from.para)
			.or_default()
			.push(InboundHrmpMessage { sent_at, data: message.data.clone() });
	}
}
