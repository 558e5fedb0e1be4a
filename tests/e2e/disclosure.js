// Selective disclosure of electronic certificates.
//
// A certificate's on-chain id may be the Merkle root of its salted claims. The holder keeps the
// claims and their salts off chain; to prove one claim (say, the business scope of a licence)
// without revealing the others, it hands the verifier that claim, its salt and a Merkle proof. The
// verifier recomputes the root from them, checks that it equals the certificate id, and asks the
// chain (`civicIdentityApi.verifyCredential(id)`) whether that certificate is valid now.
//
// The construction (also documented in pallets/civic-identity/README.md):
//   leaf = blake2_256(0x00 ++ salt(32 bytes) ++ SCALE(name as bytes) ++ SCALE(value as bytes))
//   node = blake2_256(0x01 ++ left ++ right)
// Leaves are in claim order; each level pairs neighbours left to right, and an odd last node is
// carried up unchanged. The domain bytes 0x00/0x01 keep a leaf from being passed off as a node.
// Every claim has its own random salt, so a revealed proof says nothing about the other claims.

import { compactAddLength, hexToU8a, stringToU8a, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

/** The leaf hash of one salted claim. */
export function claimLeaf({ salt, name, value }) {
  if (salt.length !== 32) throw new Error('a salt is 32 bytes');
  return blake2AsU8a(u8aConcat(
    LEAF, salt, compactAddLength(stringToU8a(name)), compactAddLength(stringToU8a(value))));
}

function parent(left, right) {
  return blake2AsU8a(u8aConcat(NODE, left, right));
}

/** Each level of the tree, leaves first, root last. */
function levels(leaves) {
  if (leaves.length === 0) throw new Error('a certificate has at least one claim');
  const all = [leaves];
  while (all[all.length - 1].length > 1) {
    const below = all[all.length - 1];
    const above = [];
    for (let i = 0; i < below.length; i += 2) {
      above.push(i + 1 < below.length ? parent(below[i], below[i + 1]) : below[i]);
    }
    all.push(above);
  }
  return all;
}

/**
 * Salts `claims` ({ name: value, ... }) and returns the certificate: its id (the Merkle root, hex,
 * to issue on chain) and the salted claims the holder keeps off chain.
 */
export function saltedCertificate(claims, random = randomAsU8a) {
  const salted = Object.entries(claims).map(([name, value]) => ({ name, value, salt: random(32) }));
  const tree = levels(salted.map(claimLeaf));
  return { id: u8aToHex(tree[tree.length - 1][0]), claims: salted };
}

/** What the holder hands a verifier to reveal the claim called `name` and nothing else. */
export function disclose(certificate, name) {
  const index = certificate.claims.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no claim ${name}`);
  const tree = levels(certificate.claims.map(claimLeaf));
  const proof = [];
  let i = index;
  for (const level of tree.slice(0, -1)) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) proof.push({ hash: u8aToHex(level[sibling]), right: i % 2 === 0 });
    i = Math.floor(i / 2);
  }
  return { claim: certificate.claims[index], proof };
}

/** The verifier's check: does the revealed claim belong to the certificate `id`? */
export function verifyDisclosure(id, { claim, proof }) {
  let hash = claimLeaf(claim);
  for (const step of proof) {
    const sibling = hexToU8a(step.hash);
    hash = step.right ? parent(hash, sibling) : parent(sibling, hash);
  }
  return u8aEq(hash, hexToU8a(id));
}
