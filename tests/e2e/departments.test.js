// The Civitas dev chain as departments and auditors use it, through Polkadot.js.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { u8aToString } from '@polkadot/util';

import { departments } from './city.js';
import { errorName, findEvent, submit } from './chain.js';
import { connectDevChain } from './node.js';

const SEEDED = [
  'Public Security Bureau',
  'Market Regulation Administration',
  'Planning and Natural Resources Commission',
  'Housing and Urban-Rural Development Commission',
  'Tax Bureau',
  'Finance Bureau',
  'Science and Technology Commission',
  "Intermediate People's Court",
  'Audit Office',
  'Municipal Power Supply Company',
  'City Commercial Bank',
];

describe('Civitas dev chain through Polkadot.js', { timeout: 600_000 }, () => {
  let chain;
  let api;
  let keyring;
  let alice;
  let bob;
  let two;

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    keyring = chain.keyring;
    alice = keyring.addFromUri('//Alice'); // Sudo: governance.
    bob = keyring.addFromUri('//Bob'); // Admin officer of the Public Security Bureau.
    two = keyring.addFromUri('//Two'); // Nobody's officer.
  });

  after(async () => {
    await chain?.stop();
  });

  test('the node produces and finalizes blocks', { timeout: 60_000 }, async () => {
    const deadline = Date.now() + 50_000;
    let finalized = 0;
    while (finalized < 2 && Date.now() < deadline) {
      const head = await api.rpc.chain.getFinalizedHead();
      finalized = (await api.rpc.chain.getHeader(head)).number.toNumber();
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(finalized >= 2, `finalized height only ${finalized}`);

    // Operators scrape the node's Prometheus metrics.
    const metrics = await (await fetch(`http://127.0.0.1:${chain.node.prometheusPort}/metrics`)).text();
    assert.match(metrics, /substrate_block_height\{[^}]*status="finalized"/);
  });

  test('the metadata decodes and exposes the Departments pallet', async () => {
    assert.ok(api.runtimeMetadata.version >= 14);
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    assert.deepEqual(versions, [14, 15, 16]);
    assert.equal(api.runtimeVersion.specName.toString(), 'civitas');
    for (const call of ['registerDepartment', 'grantRole', 'revokeRole', 'suspendDepartment',
      'reinstateDepartment', 'addOfficer', 'removeOfficer']) {
      assert.equal(typeof api.tx.departments[call], 'function', `departments.${call}`);
    }
    assert.ok(api.consts.departments.maxNameLength.toNumber() > 0);
    assert.equal(typeof api.call.departmentsApi.departments, 'function');
  });

  test('storage lists the seeded departments with their officers', async () => {
    const entries = await api.query.departments.departments.entries();
    const names = entries.map(([, d]) => u8aToString(d.unwrap().name)).sort();
    assert.deepEqual(names, [...SEEDED].sort());

    const bobsPost = (await api.query.departments.officers(bob.address)).unwrap();
    assert.equal(bobsPost.department.toNumber(), 0);
    assert.equal(bobsPost.admin.isTrue, true);
    assert.equal((await api.query.departments.officers(two.address)).isNone, true);
  });

  test('the DepartmentsApi runtime API answers auditors', async () => {
    const all = await api.call.departmentsApi.departments();
    assert.deepEqual(all.map((d) => u8aToString(d.name)), SEEDED);
    const tax = all[4];
    assert.deepEqual(tax.rolesInForce.map((r) => r.toString()),
      ['CreditRecorder', 'TaxAuthority', 'BillIssuer', 'Councillor']);

    const post = await api.call.departmentsApi.departmentOf(bob.address);
    assert.equal(post.unwrap().department.toNumber(), 0);
    assert.deepEqual((await api.call.departmentsApi.rolesOf(0)).map((r) => r.toString()),
      ['IdentityRegistrar', 'Councillor', 'NodeOperator']);
    const officers = await api.call.departmentsApi.officersOf(1);
    assert.equal(officers.length, 2);
    assert.ok(officers.every((o) => o.department.toNumber() === 1));
    assert.equal(officers.filter((o) => o.admin.isTrue).length, 1);
    assert.equal((await api.call.departmentsApi.canActAs(bob.address, 'IdentityRegistrar')).unwrap().toNumber(), 0);
    assert.equal((await api.call.departmentsApi.canActAs(bob.address, 'Court')).isNone, true);
    assert.equal((await api.call.departmentsApi.canActAs(two.address, 'IdentityRegistrar')).isNone, true);
  });

  test('governance (sudo) registers a department and grants it a role', { timeout: 120_000 }, async () => {
    const call = api.tx.utility.batchAll([
      api.tx.departments.registerDepartment('Ecology and Environment Bureau', 'Government'),
      api.tx.departments.grantRole(SEEDED.length, 'CreditRecorder', null),
    ]);
    const { events, dispatchError } = await submit(api, api.tx.sudo.sudo(call), alice);
    assert.equal(dispatchError, undefined);
    const sudid = findEvent(events, 'sudo', 'Sudid');
    assert.ok(sudid.data.sudoResult.isOk, `sudo call failed: ${sudid.data.sudoResult.toString()}`);
    const registered = findEvent(events, 'departments', 'DepartmentRegistered');
    assert.equal(registered.data.department.toNumber(), SEEDED.length);
    assert.equal(u8aToString(registered.data.name), 'Ecology and Environment Bureau');
    assert.ok(findEvent(events, 'departments', 'RoleGranted'));

    const roles = await api.call.departmentsApi.rolesOf(SEEDED.length);
    assert.deepEqual(roles.map((r) => r.toString()), ['CreditRecorder']);
  });

  test('an admin officer adds an officer to its own department', { timeout: 120_000 }, async () => {
    const clerk = keyring.addFromUri('//Civitas//PublicSecurityBureau//clerk');
    const { events, dispatchError } = await submit(
      api, api.tx.departments.addOfficer(0, clerk.address, false), bob);
    assert.equal(dispatchError, undefined);
    const added = findEvent(events, 'departments', 'OfficerAdded');
    assert.equal(added.data.department.toNumber(), 0);
    assert.equal(added.data.officer.toString(), clerk.address);
    assert.equal(added.data.by.asAccount.toString(), bob.address);

    const can = await api.call.departmentsApi.canActAs(clerk.address, 'IdentityRegistrar');
    assert.equal(can.unwrap().toNumber(), 0);
  });

  test("a non-officer's attempt fails with the pallet's named error", { timeout: 120_000 }, async () => {
    const stranger = keyring.addFromUri('//Civitas//stranger');
    const { events, dispatchError } = await submit(
      api, api.tx.departments.addOfficer(0, stranger.address, true), two);
    assert.equal(errorName(api, dispatchError), 'departments.NotAuthorized');
    assert.ok(findEvent(events, 'system', 'ExtrinsicFailed'));
    assert.equal((await api.query.departments.officers(stranger.address)).isNone, true);
  });

  test('a department call without sudo is rejected as BadOrigin', { timeout: 120_000 }, async () => {
    const { dispatchError } = await submit(
      api, api.tx.departments.suspendDepartment(departments.PUBLIC_SECURITY), bob);
    assert.ok(dispatchError?.isBadOrigin, `expected BadOrigin, got ${dispatchError?.toString()}`);
    assert.equal((await api.query.departments.departments(departments.PUBLIC_SECURITY)).unwrap().status.toString(), 'Active');
  });

  test('a balance transfer works and fees are quoted over RPC', { timeout: 120_000 }, async () => {
    const receiver = keyring.addFromUri('//Civitas//receiver');
    const amount = 10n ** 15n;
    const tx = api.tx.balances.transferKeepAlive(receiver.address, amount);
    const info = await tx.paymentInfo(alice);
    assert.ok(info.partialFee.toBigInt() > 0n);
    const nonce = await api.rpc.system.accountNextIndex(alice.address);
    assert.ok(nonce.toNumber() >= 1);

    const { dispatchError } = await submit(api, tx, alice);
    assert.equal(dispatchError, undefined);
    const account = await api.query.system.account(receiver.address);
    assert.equal(account.data.free.toBigInt(), amount);
  });
});
