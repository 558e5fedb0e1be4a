// The selective-disclosure helper on its own (no node needed).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { cryptoWaitReady } from '@polkadot/util-crypto';

import { disclose, saltedCertificate, verifyDisclosure } from './disclosure.js';

const LICENCE = {
  'unified social credit code': '91110000MA00000000',
  'business scope': 'software development; data processing',
  'registered capital': '10000000 CNY',
  'legal representative': 'subject:0x0101',
  'valid until': 'long-term',
};

describe('selective disclosure of a salted-claims certificate', () => {
  test('every claim of certificates of 1 to 5 claims verifies against the root', async () => {
    await cryptoWaitReady();
    const entries = Object.entries(LICENCE);
    for (let n = 1; n <= entries.length; n += 1) {
      const certificate = saltedCertificate(Object.fromEntries(entries.slice(0, n)));
      assert.match(certificate.id, /^0x[0-9a-f]{64}$/);
      for (const [name] of entries.slice(0, n)) {
        const revealed = disclose(certificate, name);
        assert.equal(verifyDisclosure(certificate.id, revealed), true, `${n} claims, ${name}`);
        // Only the one claim is handed over.
        assert.equal(revealed.claim.name, name);
        assert.ok(revealed.proof.length <= Math.ceil(Math.log2(n)));
      }
    }
  });

  test('a changed value, salt or name, or another certificate, does not verify', () => {
    const certificate = saltedCertificate(LICENCE);
    const revealed = disclose(certificate, 'business scope');
    const tampered = (claim) => verifyDisclosure(certificate.id, { ...revealed, claim });
    assert.equal(tampered({ ...revealed.claim, value: 'banking' }), false);
    assert.equal(tampered({ ...revealed.claim, name: 'registered capital' }), false);
    const salt = Uint8Array.from(revealed.claim.salt);
    salt[0] ^= 1;
    assert.equal(tampered({ ...revealed.claim, salt }), false);

    const other = saltedCertificate(LICENCE);
    assert.notEqual(other.id, certificate.id, 'fresh salts give a fresh id');
    assert.equal(verifyDisclosure(other.id, revealed), false);
  });

  test('a proof step moved to the other side does not verify', () => {
    const certificate = saltedCertificate(LICENCE);
    const revealed = disclose(certificate, 'registered capital');
    const flipped = revealed.proof.map((s, i) => (i === 0 ? { ...s, right: !s.right } : s));
    assert.equal(verifyDisclosure(certificate.id, { ...revealed, proof: flipped }), false);
  });
});
