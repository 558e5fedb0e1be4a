//! `validate_block` proven in-process, as a relay chain's validators run it: the parachain
//! runtime's WASM, executed by the Substrate executor with only the host functions Polkadot's
//! PVF host provides (no storage: the block's own storage proof is the state), given the
//! candidate a collator would submit (the sealed block and the compact proof of what it read
//! from its parent's state) and the validation parameters the relay chain supplies (the parent's
//! head, the relay parent's number and storage root). A valid block yields its head and the
//! messages it sends; a tampered one does not validate.

use std::sync::OnceLock;

use codec::{Decode, Encode};
use polkadot_sdk::{
	cumulus_primitives_core::{relay_chain::HeadData, ParachainBlockData, ValidationParams},
	pallet_balances,
	polkadot_parachain_primitives::primitives::{BlockData, ValidationResult},
	sc_executor::WasmExecutor,
	sp_core::{
		traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode},
		H256,
	},
	sp_io,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Eve},
	sp_runtime::traits::{BlakeTwo256, Block as BlockT, Hash as _, Header as HeaderT},
};

use super::chain::{seal, Built, City};
use crate::{Block, RuntimeCall};

/// The host functions of Polkadot's PVF host: no storage, no offchain, no tracing. Any other
/// import of the runtime is a stub that fails if called.
type PvfHostFunctions = (
	sp_io::misc::HostFunctions,
	sp_io::crypto::HostFunctions,
	sp_io::hashing::HostFunctions,
	sp_io::allocator::HostFunctions,
	sp_io::logging::HostFunctions,
	sp_io::trie::HostFunctions,
);

/// One executor for every test: it compiles the runtime once and keeps it (by code hash), as a
/// validator's PVF worker keeps a prepared artifact.
fn executor() -> &'static WasmExecutor<PvfHostFunctions> {
	static EXECUTOR: OnceLock<WasmExecutor<PvfHostFunctions>> = OnceLock::new();
	EXECUTOR.get_or_init(|| {
		WasmExecutor::<PvfHostFunctions>::builder().with_allow_missing_host_functions(true).build()
	})
}

/// Runs the runtime's `validate_block` on `block` (with `proof`) after `parent_head`, at the
/// relay parent `built` was built on. The validation result, or the executor's error (the
/// runtime panics on an invalid block).
pub fn validate(
	block: &Block,
	built: &Built,
	parent_head: &HeadData,
	parent_state_root: H256,
) -> Result<ValidationResult, String> {
	let proof = built
		.proof
		.clone()
		.into_compact_proof::<BlakeTwo256>(parent_state_root)
		.map_err(|e| format!("compacting the proof: {e:?}"))?;
	let candidate = ParachainBlockData::<Block>::new(vec![block.clone()], proof, None);
	let params = ValidationParams {
		parent_head: parent_head.clone(),
		block_data: BlockData(candidate.encode()),
		relay_parent_number: built.validation_data.relay_parent_number,
		relay_parent_storage_root: built.validation_data.relay_parent_storage_root,
	};
	let wasm = crate::WASM_BINARY.expect("the parachain runtime's WASM is built");
	let code = WrappedRuntimeCode(wasm.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &code,
		heap_pages: None,
		hash: BlakeTwo256::hash(wasm).encode(),
	};
	let mut ext = sp_io::TestExternalities::default();
	let mut ext = ext.ext();
	let context = CallContext::Onchain { import: false };
	let output = executor()
		.call(&mut ext, &runtime_code, "validate_block", &params.encode(), context)
		.0
		.map_err(|e| e.to_string())?;
	ValidationResult::decode(&mut &output[..]).map_err(|e| e.to_string())
}

/// A transfer of `amount` to `//Charlie`.
fn transfer(amount: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Charlie.to_account_id().into(),
		value: amount,
	})
}

/// Two blocks of Civitas transactions on the Beijing chain, each with its parent's head and
/// state root: block 1 records a notarisation for Tianjin's chain and moves fees (a chain's
/// first block sends no messages: it learns the relay chain's limits in it); block 2 notarises
/// another record, which leaves as an HRMP message, and moves more.
fn two_blocks() -> (City, [(Built, HeadData, H256); 2]) {
	let mut city = City::new("development");
	let genesis = (HeadData(city.head.encode()), *city.head.state_root());
	let notarise = |byte: u8| {
		RuntimeCall::CrossCity(pallet_cross_city::Call::notarise {
			city: 2001,
			record_hash: H256::repeat_byte(byte),
		})
	};
	let txs = vec![city.sign(Eve, notarise(9)), city.sign(Bob, transfer(1_000))];
	let first = city.block(1, txs);
	assert_eq!(first.results, vec![Ok(Ok(())), Ok(Ok(()))]);
	let after_first = (HeadData(city.head.encode()), *city.head.state_root());
	let txs = vec![city.sign(Eve, notarise(10)), city.sign(Bob, transfer(2_000))];
	let second = city.block(2, txs);
	assert_eq!(second.results, vec![Ok(Ok(())), Ok(Ok(()))]);
	(city, [(first, genesis.0, genesis.1), (second, after_first.0, after_first.1)])
}

#[test]
fn validators_accept_the_collators_blocks_and_agree_on_their_heads() {
	let (_, blocks) = two_blocks();
	for (n, (built, parent_head, parent_root)) in blocks.iter().enumerate() {
		let result = validate(&built.block, built, parent_head, *parent_root)
			.unwrap_or_else(|e| panic!("block {} does not validate: {e}", n + 1));
		assert_eq!(result.head_data, HeadData(built.block.header().encode()), "block {}", n + 1);
		assert_eq!(result.new_validation_code, None);
		assert_eq!(result.hrmp_watermark, built.validation_data.relay_parent_number);
		let sent: Vec<_> = result
			.horizontal_messages
			.iter()
			.map(|m| (u32::from(m.recipient), m.data.clone()))
			.collect();
		let expected: Vec<_> =
			built.outbound.iter().map(|m| (u32::from(m.recipient), m.data.clone())).collect();
		assert_eq!(sent, expected, "block {}", n + 1);
	}
	// Block 2's notarisation leaves as one message to Tianjin (block 1's waits in the queue).
	assert!(blocks[0].0.outbound.is_empty());
	assert_eq!(blocks[1].0.outbound.len(), 1);
}

#[test]
fn a_tampered_block_does_not_validate() {
	let (_, [(first, parent_head, parent_root), _]) = two_blocks();
	let valid = first.block.clone();
	let (header, extrinsics) = valid.clone().deconstruct();
	let mut unsealed = header.clone();
	unsealed.digest_mut().pop();
	let check = |block: &Block| validate(block, &first, &parent_head, parent_root);
	assert!(check(&valid).is_ok());

	// A transaction changed: the transfer's amount, validly signed by its sender, but not the
	// transaction the header commits to.
	let mut changed = extrinsics.clone();
	changed[3] = City::new("development").sign(Bob, transfer(999_999));
	assert!(check(&Block::new(header.clone(), changed)).is_err(), "changed transaction");

	// A transaction left out.
	let mut fewer = extrinsics.clone();
	fewer.pop();
	assert!(check(&Block::new(header.clone(), fewer)).is_err(), "missing transaction");

	// A different state root, sealed by the slot's author.
	let mut root = unsealed.clone();
	root.set_state_root(H256::repeat_byte(1));
	assert!(
		check(&Block::new(seal(root, Alice), extrinsics.clone())).is_err(),
		"state root sealed by the author"
	);

	// Sealed by a key that is not the slot's author, or not sealed at all.
	assert!(check(&Block::new(seal(unsealed.clone(), Bob), extrinsics.clone())).is_err(), "seal");
	assert!(check(&Block::new(unsealed, extrinsics.clone())).is_err(), "no seal");

	// The right block after the wrong parent.
	let wrong_parent = HeadData(header.encode());
	assert!(validate(&valid, &first, &wrong_parent, parent_root).is_err(), "parent");
}
