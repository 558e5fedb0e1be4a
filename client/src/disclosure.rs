//! Salted subject ids and selective disclosure of salted-claims certificates: the registrar's and
//! the holder's side of what the chain only proves. The same construction as
//! `tests/e2e/disclosure.js` and `pallets/civic-identity/README.md`:
//!
//! - subject id = `blake2_256(salt(32 bytes) ++ identifier as UTF-8)`;
//! - leaf = `blake2_256(0x00 ++ salt(32 bytes) ++ SCALE(name bytes) ++ SCALE(value bytes))`;
//! - node = `blake2_256(0x01 ++ left ++ right)`; leaves in claim order, neighbours paired left to
//!   right, an odd last node carried up unchanged; the certificate id is the root.

use codec::Encode;
use polkadot_sdk::sp_crypto_hashing::blake2_256;

/// A 32-byte hash or salt.
pub type Hash = [u8; 32];

const LEAF: u8 = 0;
const NODE: u8 = 1;

/// The salted id of a person or an enterprise: what goes on chain instead of the identifier.
pub fn subject_id(salt: &Hash, identifier: &str) -> Hash {
	commitment(salt, identifier.as_bytes())
}

/// The salted commitment to a subject's off-chain record (its bytes as the registrar keeps them):
/// what `register_subject` and `update_commitment` put on chain, so the record can later be shown
/// to match without the chain ever holding it.
pub fn commitment(salt: &Hash, record: &[u8]) -> Hash {
	let mut data = salt.to_vec();
	data.extend_from_slice(record);
	blake2_256(&data)
}

/// One claim of a certificate with its own salt, as the holder keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaltedClaim {
	/// What the claim is about ("business scope").
	pub name: String,
	/// Its value.
	pub value: String,
	/// Its salt: random, one per claim.
	pub salt: Hash,
}

/// The leaf hash of one salted claim.
pub fn claim_leaf(claim: &SaltedClaim) -> Hash {
	let mut data = vec![LEAF];
	data.extend_from_slice(&claim.salt);
	claim.name.as_bytes().encode_to(&mut data);
	claim.value.as_bytes().encode_to(&mut data);
	blake2_256(&data)
}

fn parent(left: &Hash, right: &Hash) -> Hash {
	let mut data = vec![NODE];
	data.extend_from_slice(left);
	data.extend_from_slice(right);
	blake2_256(&data)
}

/// Each level of the tree over `leaves`, leaves first, root last; `None` without leaves.
fn levels(leaves: Vec<Hash>) -> Option<Vec<Vec<Hash>>> {
	if leaves.is_empty() {
		return None;
	}
	let mut all = vec![leaves];
	while let Some(below) = all.last().filter(|level| level.len() > 1) {
		let above = below
			.chunks(2)
			.filter_map(|pair| match pair {
				[left, right] => Some(parent(left, right)),
				[last] => Some(*last),
				_ => None,
			})
			.collect();
		all.push(above);
	}
	Some(all)
}

/// The certificate id (the Merkle root) of `claims`; `None` without claims.
pub fn certificate_id(claims: &[SaltedClaim]) -> Option<Hash> {
	levels(claims.iter().map(claim_leaf).collect())?.last()?.first().copied()
}

/// One step of a proof: the sibling's hash, and whether it is on the right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofStep {
	/// The sibling's hash.
	pub hash: Hash,
	/// Whether the sibling is the right child (the path is the left one).
	pub right: bool,
}

/// What a holder hands a verifier: one claim and the path from it to the certificate id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disclosure {
	/// The revealed claim with its salt.
	pub claim: SaltedClaim,
	/// The siblings from the leaf up.
	pub proof: Vec<ProofStep>,
}

/// The disclosure of the claim called `name`, revealing nothing of the others; `None` if there
/// is no such claim.
pub fn disclose(claims: &[SaltedClaim], name: &str) -> Option<Disclosure> {
	let index = claims.iter().position(|c| c.name == name)?;
	let tree = levels(claims.iter().map(claim_leaf).collect())?;
	let mut proof = Vec::new();
	let mut i = index;
	for level in tree.iter().take(tree.len().saturating_sub(1)) {
		let sibling = i ^ 1;
		if let Some(hash) = level.get(sibling) {
			proof.push(ProofStep { hash: *hash, right: i % 2 == 0 });
		}
		i /= 2;
	}
	Some(Disclosure { claim: claims.get(index)?.clone(), proof })
}

/// The verifier's check: does the revealed claim belong to the certificate `id`?
pub fn verify_disclosure(id: &Hash, disclosure: &Disclosure) -> bool {
	let root = disclosure.proof.iter().fold(claim_leaf(&disclosure.claim), |hash, step| {
		if step.right {
			parent(&hash, &step.hash)
		} else {
			parent(&step.hash, &hash)
		}
	});
	&root == id
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::indexing_slicing)]
mod tests {
	use super::*;

	fn claims(n: usize) -> Vec<SaltedClaim> {
		(0..n)
			.map(|i| SaltedClaim {
				name: format!("claim {i}"),
				value: format!("value {i}"),
				salt: [i as u8; 32],
			})
			.collect()
	}

	#[test]
	fn every_claim_of_every_tree_shape_proves_and_nothing_else_does() {
		for n in 1..=9 {
			let all = claims(n);
			let id = certificate_id(&all).expect("claims");
			for claim in &all {
				let disclosure = disclose(&all, &claim.name).expect("a claim");
				assert!(verify_disclosure(&id, &disclosure), "{n} claims, {}", claim.name);
				let mut forged = disclosure.clone();
				forged.claim.value.push('!');
				assert!(!verify_disclosure(&id, &forged));
				let mut resalted = disclosure;
				resalted.claim.salt[0] ^= 1;
				assert!(!verify_disclosure(&id, &resalted));
			}
		}
		assert_eq!(certificate_id(&[]), None);
		assert_eq!(disclose(&claims(3), "no such claim"), None);
	}

	#[test]
	fn a_leaf_cannot_pass_for_a_node() {
		let all = claims(2);
		let leaves: Vec<Hash> = all.iter().map(claim_leaf).collect();
		let id = certificate_id(&all).expect("claims");
		assert_eq!(id, parent(&leaves[0], &leaves[1]));
		assert_ne!(id, claim_leaf(&all[0]));
	}

	#[test]
	fn a_subject_id_depends_on_salt_and_identifier() {
		let a = subject_id(&[1; 32], "91110108MA01ABCD2X");
		assert_ne!(a, subject_id(&[2; 32], "91110108MA01ABCD2X"));
		assert_ne!(a, subject_id(&[1; 32], "91110108MA01ABCD2Y"));
		let mut data = vec![1u8; 32];
		data.extend_from_slice(b"91110108MA01ABCD2X");
		assert_eq!(a, blake2_256(&data));
	}
}
