// The `civitas` command line agrees with the chain's JavaScript helpers: salted subject ids,
// certificate ids, disclosures made by one side and verified by the other. And the metadata the
// tools are generated from (client/artifacts/civitas.scale) is what the production node serves.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

import { disclose, saltedCertificate, verifyDisclosure } from './disclosure.js';
import { submit } from './chain.js';
import { subjects } from './city.js';
import { connectDevChain } from './node.js';

const target = process.env.CARGO_TARGET_DIR ?? path.resolve(import.meta.dirname, '../../target');
const CIVITAS = process.env.CIVITAS_CLI ?? path.join(target, 'release', 'civitas');
const civitas = (...args) => execFileSync(CIVITAS, args, { encoding: 'utf8' }).trim();

const LICENCE = {
  'unified social credit code': '91110108MA01ABCD2X',
  'business scope': 'software development; data processing services',
  'registered capital': '5000000 CNY',
};

describe('the civitas command line agrees with the JavaScript helpers', () => {
  let dir;
  let certificate;
  let claimsFile;
  let chain; // one dev chain for the tests that need one

  before(async () => {
    await cryptoWaitReady();
    chain = await connectDevChain();
    dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-cli-'));
    certificate = saltedCertificate(LICENCE);
    claimsFile = path.join(dir, 'claims.json');
    writeFileSync(claimsFile, JSON.stringify(certificate.claims.map(
      ({ name, value, salt }) => ({ name, value, salt: u8aToHex(salt) }))));
  });

  after(async () => {
    await chain?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the tools\' checked-in metadata is the node\'s', { timeout: 120_000 }, async () => {
    const file = path.resolve(import.meta.dirname, '../../client/artifacts/civitas.scale');
    const served = (await chain.api.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
    if (process.env.CIVITAS_BLESS_METADATA) writeFileSync(file, served);
    assert.ok(Buffer.from(served).equals(readFileSync(file)),
      'client/artifacts/civitas.scale is not the runtime\'s metadata: rerun this test with CIVITAS_BLESS_METADATA=1');
  });

  test('a salted subject id', () => {
    const salt = `0x${'5a'.repeat(32)}`;
    const expected = blake2AsHex(u8aConcat(new Uint8Array(32).fill(0x5a), stringToU8a('110101199003071234')));
    assert.equal(civitas('identity', 'subject-id', '--salt', salt, '110101199003071234'), expected);
  });

  test('a salted commitment to a subject\'s record, and whether the chain holds it', { timeout: 120_000 }, async () => {
    // The registrar's convention (civic-identity.test.js): blake2_256(salt ++ the record's bytes).
    const salt = new Uint8Array(32).fill(0x17);
    const record = JSON.stringify({ name: 'Zhang San', address: 'Haidian' });
    const file = path.join(dir, 'record.json');
    writeFileSync(file, record);
    const expected = blake2AsHex(u8aConcat(salt, stringToU8a(record)));
    assert.equal(civitas('identity', 'commit', '--salt', u8aToHex(salt), file), expected);

    const { api, keyring } = chain;
    const person = subjects.PERSON_2;
    const check = () => spawnSync(CIVITAS, ['identity', 'commit', '--salt', u8aToHex(salt), file,
      '--url', chain.node.wsUrl, '--subject', person], { encoding: 'utf8' });
    const before = check();
    assert.equal(before.status, 1, before.stdout + before.stderr);
    assert.match(before.stdout, /differs: the chain holds 0x/);
    const { dispatchError } = await submit(api, api.tx.civicIdentity.updateCommitment(person, expected),
      keyring.addFromUri('//Bob'), { until: 'finalized' });
    assert.equal(dispatchError, undefined);
    const after = check();
    assert.equal(after.status, 0, after.stdout + after.stderr);
    assert.match(after.stdout, /matches: the subject's commitment on chain/);
  });

  test('a certificate id', () => {
    assert.equal(civitas('identity', 'certificate-id', claimsFile), certificate.id);
  });

  test('a disclosure made by one side verifies on the other, a forged one on neither', () => {
    const fromRust = JSON.parse(civitas('identity', 'disclose', claimsFile, '--name', 'business scope'));
    const asJs = { claim: { ...fromRust.claim, salt: Uint8Array.from(Buffer.from(fromRust.claim.salt.slice(2), 'hex')) }, proof: fromRust.proof };
    assert.equal(verifyDisclosure(certificate.id, asJs), true);

    const fromJs = disclose(certificate, 'registered capital');
    const file = path.join(dir, 'disclosure.json');
    writeFileSync(file, JSON.stringify({ claim: { ...fromJs.claim, salt: u8aToHex(fromJs.claim.salt) }, proof: fromJs.proof }));
    assert.match(civitas('identity', 'verify-disclosure', '--id', certificate.id, file), /^valid/);

    writeFileSync(file, JSON.stringify({ claim: { ...fromJs.claim, value: '1 CNY', salt: u8aToHex(fromJs.claim.salt) }, proof: fromJs.proof }));
    const forged = spawnSync(CIVITAS, ['identity', 'verify-disclosure', '--id', certificate.id, file], { encoding: 'utf8' });
    assert.equal(forged.status, 1);
    assert.match(forged.stdout, /^invalid/);
  });
});
