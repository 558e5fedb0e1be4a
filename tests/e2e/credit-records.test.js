// Credit records on a dev chain through Polkadot.js: the tax bureau records a penalty, the
// enterprise objects through its own linked account, the court rectifies and the score returns;
// a record published for a few blocks expires by itself.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import { departments, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

const { TAX: TAX_BUREAU, COURT } = departments;
// A seeded enterprise (registered by Market Regulation, commended: +60 over the baseline 1000).
const ENTERPRISE = subjects.ENTERPRISE_1;


describe('credit records through Polkadot.js', { timeout: 600_000 }, () => {
  let chain;
  let api;
  let k;
  let penalty;

  const profile = async () => api.call.creditRecordsApi.creditProfile(ENTERPRISE);
  const record = async (id) => (await api.call.creditRecordsApi.record(id)).unwrap().record;

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation: the enterprise's registrar.
      ferdie: keyring.addFromUri('//Ferdie'), // Tax Bureau: CreditRecorder.
      court: keyring.addFromUri('//Charlie//stash'), // Court: CreditAdjudicator.
      two: keyring.addFromUri('//Two'), // The enterprise's own account.
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the seeded profile and the enterprise account are ready', { timeout: 120_000 }, async () => {
    const seeded = await profile();
    assert.equal(seeded.score.toNumber(), 1060);
    assert.equal(seeded.standing.toString(), 'Normal');
    assert.equal((await api.call.creditRecordsApi.publicationLimit('Other')).toNumber(), 90 * 14_400);

    await linkAccounts(api, k.charlie, [[ENTERPRISE, k.two]]);
  });

  test('the tax bureau records a penalty and the score falls', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.creditRecords.record(
      ENTERPRISE, 'Tax', -200, blake2AsHex('tax decision 2026-117'), 10_000), k.ferdie);
    const recorded = findEvent(events, 'creditRecords', 'RecordCreated');
    penalty = recorded.data.record.toNumber();
    assert.equal(recorded.data.department.toNumber(), TAX_BUREAU);
    assert.equal(recorded.data.source.asOfficer.toString(), k.ferdie.address);
    assert.equal((await profile()).score.toNumber(), 860);
    const listed = await api.call.creditRecordsApi.recordsOf(ENTERPRISE);
    assert.ok(listed.some((r) => r.id.toNumber() === penalty));
  });

  test('the enterprise objects through its linked account', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.creditRecords.object(
      penalty, blake2AsHex('statement and receipts')), k.two);
    assert.equal(findEvent(events, 'creditRecords', 'ObjectionFiled').data.account.toString(), k.two.address);
    assert.equal((await record(penalty)).status.toString(), 'UnderObjection');
    const now = await profile();
    assert.equal(now.score.toNumber(), 1060);
    assert.equal(now.underObjection.toNumber(), 1);
  });

  test('the recorder and strangers may not decide, with named errors', { timeout: 120_000 }, async () => {
    const [tax, citizen] = await Promise.all([
      submit(api, api.tx.creditRecords.rectify(penalty, 1), k.ferdie),
      submit(api, api.tx.creditRecords.uphold(penalty, 1), k.two),
    ]);
    assert.equal(errorName(api, tax.dispatchError), 'departments.RoleNotHeld');
    assert.equal(errorName(api, citizen.dispatchError), 'departments.NotOfficer');
    assert.equal((await record(penalty)).status.toString(), 'UnderObjection');
  });

  test('the court rectifies and the score stays restored', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.creditRecords.rectify(penalty, 12), k.court);
    const rectified = findEvent(events, 'creditRecords', 'RecordRectified');
    assert.equal(rectified.data.department.toNumber(), COURT);
    assert.equal(rectified.data.officer.toString(), k.court.address);
    const stored = await record(penalty);
    assert.equal(stored.status.toString(), 'Rectified');
    assert.equal(stored.reason.unwrap().toNumber(), 12);
    assert.equal((await profile()).score.toNumber(), 1060);
  });

  test('a record published for three blocks expires by itself', { timeout: 180_000 }, async () => {
    const events = await ok(api, api.tx.creditRecords.record(
      ENTERPRISE, 'Other', -50, blake2AsHex('late filing notice'), 3), k.ferdie);
    const recorded = findEvent(events, 'creditRecords', 'RecordCreated');
    const id = recorded.data.record.toNumber();
    const expiresAt = recorded.data.expiresAt.toNumber();

    const deadline = Date.now() + 120_000;
    let status = (await record(id)).status.toString();
    while (status !== 'Expired' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2_000));
      status = (await record(id)).status.toString();
    }
    assert.equal(status, 'Expired', `record ${id} due at block ${expiresAt} has not expired`);
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(head >= expiresAt);
    assert.equal((await profile()).score.toNumber(), 1060);
  });
});
