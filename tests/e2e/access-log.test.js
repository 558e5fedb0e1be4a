// The access log on a dev chain through Polkadot.js: the Tax Bureau's officer logs that it uses a
// citizen's bills for a tax audit (with the case's hash) and a batch of two enterprises' records;
// a Housing officer's attempt under the tax-audit purpose is refused (its department holds no
// tax role), as is a kind of record its own purpose does not cover; governance retires a purpose
// and nobody may invoke it any more. The citizen, through its own linked account, reads exactly
// the one access to its records; an auditor reads the Tax Bureau's accesses by purpose, and a
// data gateway's check finds the covering access for the Tax Bureau and none for Housing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { u8aToString } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { departments, purposes, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

const { TAX, HOUSING } = departments;
const { TAX_AUDIT, LICENSING, CREDIT_SUPERVISION } = purposes;
const CITIZEN = subjects.PERSON_1;
const CASE = blake2AsHex('(2026) Jing Shui Ji 0417');

describe('the access log through Polkadot.js', { timeout: 600_000 }, () => {
  let chain;
  let api;
  let k;
  let logged; // the block of the citizen's access

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      alice: keyring.addFromUri('//Alice'), // Governance (the dev chain's Sudo).
      bob: keyring.addFromUri('//Bob'), // Public Security: the citizen's registrar.
      tax: keyring.addFromUri('//Ferdie'), // Tax Bureau: TaxAuthority, CreditRecorder.
      housing: keyring.addFromUri('//Eve'), // Housing: CredentialIssuer.
      citizen: keyring.addFromUri('//Two'), // The citizen's own account.
      stranger: keyring.addFromUri('//One'), // Linked to nobody.
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the catalogue names each purpose\'s legal basis, roles and kinds', async () => {
    const catalogue = await api.call.accessLogApi.purposes();
    const taxAudit = catalogue.find((p) => p.purpose.toNumber() === TAX_AUDIT);
    assert.equal(u8aToString(taxAudit.name), 'Tax audit');
    assert.match(u8aToString(taxAudit.legalBasis), /Tax Collection/);
    assert.deepEqual(taxAudit.roles.map((r) => r.toString()), ['TaxAuthority']);
    assert.deepEqual(taxAudit.kinds.map((r) => r.toString()), ['Identity', 'Credit', 'Property', 'Bills']);
    assert.equal(taxAudit.status.toString(), 'Active');
  });

  test('the citizen links its own account', { timeout: 120_000 }, async () => {
    await linkAccounts(api, k.bob, [[CITIZEN, k.citizen]]);
  });

  test('a tax officer logs a tax-audit access to the citizen\'s bills', { timeout: 120_000 }, async () => {
    const { events, dispatchError, blockHash } = await submit(
      api, api.tx.accessLog.logAccess(CITIZEN, 'Bills', TAX_AUDIT, CASE), k.tax);
    assert.equal(dispatchError, undefined);
    const event = findEvent(events, 'accessLog', 'AccessLogged');
    assert.equal(event.data.department.toNumber(), TAX);
    assert.equal(event.data.officer.toString(), k.tax.address);
    assert.equal(event.data.purpose.toNumber(), TAX_AUDIT);
    assert.equal(event.data.case.unwrap().toHex(), CASE);
    assert.deepEqual(event.data.subjects.map(([s, kind]) => [s.toHex(), kind.toString()]), [[CITIZEN, 'Bills']]);
    logged = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  });

  test('a batch covers two enterprises in one access', { timeout: 120_000 }, async () => {
    const entries = [
      [subjects.ENTERPRISE_1, 'Bills'],
      [subjects.ENTERPRISE_1, 'Property'],
      [subjects.ENTERPRISE_2, 'Bills'],
    ];
    const events = await ok(api, api.tx.accessLog.logBatch(entries, TAX_AUDIT, null), k.tax);
    const event = findEvent(events, 'accessLog', 'AccessLogged');
    assert.equal(event.data.subjects.length, 3);
    assert.equal(event.data.case.isNone, true);

    const duplicate = await submit(
      api, api.tx.accessLog.logBatch([entries[0], entries[0]], TAX_AUDIT, null), k.tax);
    assert.equal(errorName(api, duplicate.dispatchError), 'accessLog.DuplicateEntry');
  });

  test('a housing officer may not invoke the tax audit, nor use bills under licensing', { timeout: 120_000 }, async () => {
    const attempts = [
      [api.tx.accessLog.logAccess(CITIZEN, 'Bills', TAX_AUDIT, null), 'departments.RoleNotHeld'],
      [api.tx.accessLog.logAccess(CITIZEN, 'Bills', LICENSING, null), 'accessLog.KindNotCovered'],
      [api.tx.accessLog.logAccess(blake2AsHex('nobody'), 'Property', LICENSING, null), 'accessLog.SubjectNotFound'],
    ];
    // One block for all three: consecutive nonces.
    const first = (await api.rpc.system.accountNextIndex(k.housing.address)).toNumber();
    const results = await Promise.all(attempts.map(([tx], i) => submit(api, tx, k.housing, { nonce: first + i })));
    results.forEach(({ dispatchError }, i) => assert.equal(errorName(api, dispatchError), attempts[i][1]));
  });

  test('the citizen\'s account reads the one access to its records, and nothing else', async () => {
    const mine = await api.call.accessLogApi.accessesOfAccount(k.citizen.address, null, null, null, 100);
    assert.equal(mine.length, 1);
    const [access] = mine;
    assert.equal(access.department.toNumber(), TAX);
    assert.equal(access.officer.toString(), k.tax.address);
    assert.equal(access.purpose.toNumber(), TAX_AUDIT);
    assert.equal(access.case.unwrap().toHex(), CASE);
    assert.equal(access.at.toNumber(), logged);
    assert.deepEqual(access.kinds.map((kind) => kind.toString()), ['Bills']);

    // By time range: nothing after the block it was logged in.
    assert.equal((await api.call.accessLogApi.accessesOfAccount(k.citizen.address, logged + 1, null, null, 100)).length, 0);
    assert.equal((await api.call.accessLogApi.accessesOfAccount(k.citizen.address, logged, logged, null, 100)).length, 1);
    // An account linked to no subject reads nothing.
    assert.equal((await api.call.accessLogApi.accessesOfAccount(k.stranger.address, null, null, null, 100)).length, 0);
  });

  test('the citizen reads the same through the civitas tool', { timeout: 120_000 }, async () => {
    const target = process.env.CARGO_TARGET_DIR ?? path.resolve(import.meta.dirname, '../../target');
    const cli = process.env.CIVITAS_CLI ?? path.join(target, 'release', 'civitas');
    // The tool reads the finalized block: wait until the access is final.
    while ((await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() < logged) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    const mine = (account) => execFileSync(cli, ['access', 'mine', '--url', chain.node.wsUrl, account],
      { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    const lines = mine(k.citizen.address);
    assert.equal(lines.length, 1);
    assert.match(lines[0], new RegExp(`block ${logged} department ${TAX} officer ${k.tax.address} purpose ${TAX_AUDIT} kinds \\[Bills\\]`));
    assert.deepEqual(mine(k.stranger.address), []);
  });

  test('an auditor reads the Tax Bureau\'s accesses by purpose; a gateway checks coverage', async () => {
    const byTax = await api.call.accessLogApi.accessesByDepartment(TAX, TAX_AUDIT, null, 100);
    assert.deepEqual(byTax.map((a) => a.subjects.length), [1, 3]);
    const second = await api.call.accessLogApi.accessesByDepartment(TAX, TAX_AUDIT, byTax[0].access, 100);
    assert.deepEqual(second.map((a) => a.access.toNumber()), [byTax[1].access.toNumber()]);
    assert.equal((await api.call.accessLogApi.accessesByDepartment(HOUSING, LICENSING, null, 100)).length, 0);

    const covered = await api.call.accessLogApi.coveringAccess(CITIZEN, 'Bills', TAX, logged);
    assert.equal(covered.unwrap().access.toNumber(), byTax[0].access.toNumber());
    assert.equal((await api.call.accessLogApi.coveringAccess(CITIZEN, 'Bills', HOUSING, 0)).isNone, true);
    assert.equal((await api.call.accessLogApi.coveringAccess(CITIZEN, 'Property', TAX, 0)).isNone, true);
  });

  test('governance retires a purpose; nobody may invoke it any more', { timeout: 120_000 }, async () => {
    const { events } = await submit(api, api.tx.sudo.sudo(api.tx.accessLog.retirePurpose(CREDIT_SUPERVISION)), k.alice);
    assert.ok(findEvent(events, 'sudo', 'Sudid').data.sudoResult.isOk);
    assert.equal(findEvent(events, 'accessLog', 'PurposeRetired').data.purpose.toNumber(), CREDIT_SUPERVISION);
    const refused = await submit(
      api, api.tx.accessLog.logAccess(CITIZEN, 'Credit', CREDIT_SUPERVISION, null), k.tax);
    assert.equal(errorName(api, refused.dispatchError), 'accessLog.PurposeNotActive');
    // Only governance keeps the catalogue.
    const unsigned = await submit(api, api.tx.accessLog.retirePurpose(TAX_AUDIT), k.tax);
    assert.equal(unsigned.dispatchError.isBadOrigin, true);
  });
});
