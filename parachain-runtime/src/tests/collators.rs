//! The collators are the council's decision, as the standalone chain's validators are (the same
//! validators pallet and session pallet): two thirds of the council admit a department's machine,
//! its operator sets its Aura key, and from the session after next it collates in turn with the
//! genesis collators. The relay chain's validators accept its blocks, and refuse a block of its
//! slot sealed by the other collator.

use codec::Encode;
use polkadot_sdk::{
	cumulus_primitives_core::relay_chain::HeadData,
	pallet_aura, pallet_session,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_core::H256,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie},
	sp_keystore::{testing::MemoryKeystore, KeystoreExt},
	sp_runtime::{
		traits::{Block as BlockT, Header as HeaderT},
		DispatchError,
	},
};

use super::{
	chain::{seal, City},
	presets::preset_config,
	validate_block::validate,
};
use crate::{
	genesis_config_presets::{collator_keys, demo_city::block_authors},
	Block, Runtime, RuntimeCall, RuntimeEvent, Session, SessionKeys,
};

/// Sessions of six blocks, so that a change takes effect within the test.
const SESSION_LENGTH: u32 = 6;

fn aura(key: Sr25519Keyring) -> AuraId {
	AuraId::from(key.public())
}

fn sorted(mut keys: Vec<AuraId>) -> Vec<AuraId> {
	keys.sort();
	keys
}

fn authorities(city: &mut City) -> Vec<AuraId> {
	city.execute_with(|| pallet_aura::Authorities::<Runtime>::get().into_inner())
}

#[test]
fn two_thirds_of_the_council_admit_a_collator_that_collates_in_turn() {
	// Three collators at genesis (the Public Security Bureau's, Market Regulation's and
	// Planning's machines): a newcomer must stay under a third of the new set.
	let genesis = [Alice, Bob, Charlie];
	let mut config = preset_config(DEV_RUNTIME_PRESET);
	config.validators = block_authors(&genesis, SESSION_LENGTH);
	config.session.keys = collator_keys(&genesis);
	let mut city = City::from_config(config);
	city.ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	assert_eq!(sorted(authorities(&mut city)), sorted(genesis.map(aura).to_vec()));
	city.block(1, vec![]);

	// Housing's machine: an officer alone may not admit it; the council's motion, carried by two
	// thirds of its members (the proposer and three votes), does. The last vote executes the
	// motion and is weighed with the largest call a motion may carry: it takes a block of its own.
	let machine = Ferdie.to_account_id();
	let add = RuntimeCall::Validators(pallet_validators::Call::add_validator {
		account: machine.clone(),
		department: 3,
	});
	let motion = city.execute_with(pallet_council::NextMotionId::<Runtime>::get);
	let propose = RuntimeCall::Council(pallet_council::Call::propose {
		call: Box::new(add.clone()),
		reason: H256::repeat_byte(1),
		duration: None,
	});
	let vote = RuntimeCall::Council(pallet_council::Call::vote { motion, aye: true });
	let txs = vec![city.sign(Bob, add)];
	let refused = city.block(2, txs);
	assert_eq!(refused.results, vec![Ok(Err(DispatchError::BadOrigin))]);
	let txs = vec![
		city.sign(Bob, propose),
		city.sign(Charlie, vote.clone()),
		city.sign(Dave, vote.clone()),
	];
	let proposed = city.block(3, txs);
	assert_eq!(proposed.results, vec![Ok(Ok(())); 3]);
	assert!(!city.execute_with(|| pallet_validators::Pallet::<Runtime>::is_validator(&machine)));
	let txs = vec![city.sign(Eve, vote)];
	let admitted = city.block(4, txs);
	assert_eq!(admitted.results, vec![Ok(Ok(()))]);
	assert!(admitted.events.contains(&RuntimeEvent::Validators(
		pallet_validators::Event::ValidatorAdded { account: machine.clone(), department: 3 }
	)));

	// Its operator generates the Aura key on the machine and sets it, with the proof that it
	// holds it (no motion); an account that is no collator cannot set keys.
	let generated =
		city.execute_with(|| SessionKeys::generate(&machine.encode(), Some(b"//Ferdie".to_vec())));
	assert_eq!(generated.keys.aura, aura(Ferdie));
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys {
		keys: generated.keys.clone(),
		proof: generated.proof.encode(),
	});
	let txs = vec![city.sign(Eve, set_keys.clone()), city.sign(Ferdie, set_keys)];
	let keyed = city.block(5, txs);
	assert!(matches!(keyed.results[0], Ok(Err(_))), "{:?}", keyed.results);
	assert_eq!(keyed.results[1], Ok(Ok(())));

	// The session after next: block 6 starts session 1 with the set of genesis and queues the new
	// one with its keys, block 12 starts session 2 with it.
	let mut relay = 6;
	while city.execute_with(Session::current_index) < 2 {
		assert!(!authorities(&mut city).contains(&aura(Ferdie)), "before session 2");
		let built = city.block(relay, vec![]);
		assert_ne!(built.author, Ferdie);
		relay += 1;
	}
	assert_eq!(city.head.number, 2 * SESSION_LENGTH);
	let mut all = genesis.to_vec();
	all.push(Ferdie);
	assert_eq!(sorted(authorities(&mut city)), sorted(all.iter().copied().map(aura).collect()));

	// All four collate in turn (Aura's round robin by slot); the relay chain's validators accept
	// the new collator's block, and not the same block sealed by another collator.
	let mut authors = Vec::new();
	let mut ferdies = None;
	for _ in 0..all.len() {
		let parent = (HeadData(city.head.encode()), *city.head.state_root());
		let built = city.block(relay, vec![]);
		relay += 1;
		authors.push(built.author);
		if built.author == Ferdie {
			ferdies = Some((built, parent));
		}
	}
	assert!(all.iter().all(|k| authors.contains(k)), "{authors:?}");
	let (built, (parent_head, parent_root)) = ferdies.expect("the new collator authored a block");
	let result = validate(&built.block, &built, &parent_head, parent_root)
		.expect("the new collator's block validates");
	assert_eq!(result.head_data, HeadData(built.block.header().encode()));

	let (header, extrinsics) = built.block.clone().deconstruct();
	let mut unsealed = header;
	unsealed.digest_mut().pop();
	let by_alice = Block::new(seal(unsealed, Alice), extrinsics);
	assert!(validate(&by_alice, &built, &parent_head, parent_root).is_err(), "sealed out of turn");
}
