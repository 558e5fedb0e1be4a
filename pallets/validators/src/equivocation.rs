//! Aura equivocations: a validator that seals two different blocks for one slot, proven on chain
//! from the two headers and a key-ownership proof.
//!
//! FRAME's Aura pallet has no equivocation report (BABE and GRANDPA have theirs); this is ours,
//! built the same way: the proof is checked here, the key's owner in the session of the offence
//! comes from the session pallet's `historical` proofs, and the offence goes to the offences
//! pallet, which hands it back to this pallet's offence handler.

use alloc::{vec, vec::Vec};
use codec::{Decode, Encode};
use polkadot_sdk::{
	sp_consensus_aura::AURA_ENGINE_ID,
	sp_consensus_slots::{EquivocationProof, Slot},
	sp_runtime::{traits::Header as HeaderT, DigestItem, Perbill, RuntimeAppPublic},
	sp_staking::{
		offence::{Kind, Offence},
		SessionIndex,
	},
};

/// An Aura equivocation: one validator sealed two different blocks for the same slot.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuraEquivocationOffence<Offender> {
	/// The slot of both blocks.
	pub slot: Slot,
	/// The session the offender's key was proven in.
	pub session_index: SessionIndex,
	/// How many validators that session had.
	pub validator_set_count: u32,
	/// The offender, as the key-ownership proof identifies it.
	pub offender: Offender,
}

impl<Offender: Clone> Offence<Offender> for AuraEquivocationOffence<Offender> {
	const ID: Kind = *b"aura:equivocatio";
	type Slot = Slot;

	fn offenders(&self) -> Vec<Offender> {
		vec![self.offender.clone()]
	}

	fn session_index(&self) -> SessionIndex {
		self.session_index
	}

	fn validator_set_count(&self) -> u32 {
		self.validator_set_count
	}

	fn slot(&self) -> Slot {
		self.slot
	}

	/// A city's validators have no stake: the session pallet disables the offender, the council
	/// decides whether it stays.
	fn slash_fraction(&self, _: u32) -> Perbill {
		Perbill::zero()
	}
}

/// The slot of an Aura-sealed header, the hash its seal signs (the header without the seal) and
/// the seal's signature; `None` for a header without an Aura pre-digest and seal.
fn sealed<H: HeaderT, S: Decode>(header: &H) -> Option<(Slot, H::Hash, S)> {
	let mut header = header.clone();
	let signature = header.digest_mut().pop()?.seal_try_to::<S>(&AURA_ENGINE_ID)?;
	let slot = header
		.digest()
		.logs()
		.iter()
		.find_map(|item| item.pre_runtime_try_to::<Slot>(&AURA_ENGINE_ID))?;
	Some((slot, header.hash(), signature))
}

/// Whether `proof` shows its offender sealing two different headers for `proof.slot`: two
/// signature checks and two header hashes.
pub fn is_aura_equivocation<H: HeaderT, Id: RuntimeAppPublic>(
	proof: &EquivocationProof<H, Id>,
) -> bool {
	let (Some((slot1, hash1, sig1)), Some((slot2, hash2, sig2))) = (
		sealed::<H, Id::Signature>(&proof.first_header),
		sealed::<H, Id::Signature>(&proof.second_header),
	) else {
		return false;
	};
	slot1 == proof.slot
		&& slot2 == proof.slot
		&& hash1 != hash2
		&& proof.offender.verify(&hash1, &sig1)
		&& proof.offender.verify(&hash2, &sig2)
}

/// `header` as `author` would seal it for `slot`: an Aura pre-digest, then the seal signing the
/// hash of the header with the pre-digest. `None` if the keystore holds no key for `author`. For
/// tests, benchmarks and tools that build proofs.
pub fn seal_header<H: HeaderT, Id: RuntimeAppPublic>(
	mut header: H,
	slot: Slot,
	author: &Id,
) -> Option<H> {
	header.digest_mut().push(DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode()));
	let signature = author.sign(&header.hash())?;
	header.digest_mut().push(DigestItem::Seal(AURA_ENGINE_ID, signature.encode()));
	Some(header)
}
