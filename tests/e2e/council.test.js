// The council of departments through Polkadot.js, on a dev chain whose council is the first five
// departments (councillors //Bob, //Charlie, //Dave, //Eve, //Ferdie): a majority is three, two
// thirds is four, an emergency pause needs two. Nothing here uses Sudo.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { u8aToString } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { council, departmentCount, departments, properties, subjects } from './city.js';
import { errorName, findEvent, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

const MEMBERS = council;
const { FINANCE } = departments; // no member, no Councillor role at genesis
const SEEDED_DEPARTMENTS = departmentCount;
const { FLAT } = properties; // kept by the Planning Commission (//Dave)

describe('the council through Polkadot.js', { timeout: 600_000 }, () => {
  let chain;
  let api;
  let k;

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      bob: keyring.addFromUri('//Bob'), // Public Security Bureau (0)
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation (1)
      dave: keyring.addFromUri('//Dave'), // Planning (2), the flat's registrar
      eve: keyring.addFromUri('//Eve'), // Housing (3)
      ferdie: keyring.addFromUri('//Ferdie'), // Tax (4)
      finance: keyring.addFromUri('//Alice//stash'), // Finance Bureau (5)
    };
  });

  after(async () => {
    await chain?.stop();
  });

  /** `who` proposes `call`; resolves with the motion id and the events. */
  async function propose(who, call, reason) {
    const events = await ok(api, api.tx.council.propose(call, blake2AsHex(reason), null), who);
    const proposed = findEvent(events, 'council', 'MotionProposed');
    assert.ok(proposed, 'MotionProposed');
    return { motion: proposed.data.motion.toNumber(), events, proposed };
  }

  /** `who` votes on `motion`; resolves with the events of its block. */
  const vote = (who, motion, aye = true) => ok(api, api.tx.council.vote(motion, aye), who);

  async function blockNumber() {
    return (await api.rpc.chain.getHeader()).number.toNumber();
  }

  async function waitForBlock(n) {
    while (await blockNumber() < n) await new Promise((r) => setTimeout(r, 1000));
  }

  test('auditors read the members and the policy table through CouncilApi', async () => {
    const members = await api.call.councilApi.members();
    assert.deepEqual(members.map((m) => m.toNumber()), MEMBERS);
    const policy = Object.fromEntries((await api.call.councilApi.policy())
      .map((row) => [row.class.toString(), row.required.toNumber()]));
    assert.deepEqual(policy, {
      Ordinary: 3, Departments: 3, Council: 4, Network: 4, Upgrade: 4, Emergency: 2, Policy: 4,
    });
    assert.equal((await api.query.sudo.key()).isSome, true, 'the dev chain keeps its Sudo key');
  });

  test('auditors read the validator set with its operating departments through ValidatorsApi', async () => {
    const set = await api.call.validatorsApi.validatorSet();
    const alice = chain.keyring.addFromUri('//Alice').address;
    assert.deepEqual(set.current.map((v) => [v.account.toString(), v.department.unwrap().toNumber()]),
      [[alice, 0]]);
    assert.deepEqual(set.admitted.map((v) => v.department.toNumber()), [0]);
    assert.equal(set.minValidators.toNumber(), 1);
    assert.equal(set.sessionLength.toNumber(), 600);
  });

  test('a majority registers a department and grants the council role in one motion', async () => {
    const call = api.tx.utility.batchAll([
      api.tx.departments.registerDepartment('Ecology and Environment Bureau', 'Government'),
      api.tx.departments.grantRole(FINANCE, 'Councillor', null),
    ]);
    // Alone, an officer cannot make the call.
    const alone = await submit(api, call, k.bob);
    assert.ok(alone.dispatchError?.isBadOrigin, 'an officer alone gets BadOrigin');

    const { motion, proposed } = await propose(k.bob, call, 'register the ecology bureau');
    assert.equal(proposed.data.class.toString(), 'Departments');
    assert.equal(proposed.data.threshold.toNumber(), 3);
    assert.equal(proposed.data.department.toNumber(), 0);
    assert.equal(proposed.data.officer.toString(), k.bob.address);

    const second = await vote(k.charlie, motion);
    assert.equal(findEvent(second, 'council', 'MotionClosed'), undefined);
    const open = (await api.call.councilApi.motion(motion)).unwrap();
    assert.deepEqual(open.ayes.map((d) => d.toNumber()), [0, 1]);
    assert.equal(open.required.toNumber(), 3);
    assert.equal(open.callHash.toHex(), call.method.hash.toHex());

    const third = await vote(k.dave, motion);
    const closed = findEvent(third, 'council', 'MotionClosed');
    assert.equal(closed.data.outcome.toString(), 'Approved');
    assert.equal(closed.data.ayes.toNumber(), 3);
    const executed = findEvent(third, 'council', 'MotionExecuted');
    assert.ok(executed.data.result.isOk, executed.data.result.toString());
    assert.equal(executed.data.department.toNumber(), 0);
    const registered = findEvent(third, 'departments', 'DepartmentRegistered');
    assert.equal(registered.data.department.toNumber(), SEEDED_DEPARTMENTS);
    assert.equal(u8aToString(registered.data.name), 'Ecology and Environment Bureau');
    assert.equal((await api.call.councilApi.motion(motion)).isNone, true);
  });

  test('an officer of a non-member department cannot propose, even holding the role', async () => {
    const call = api.tx.departments.suspendDepartment(departments.BANK);
    const { dispatchError } = await submit(
      api, api.tx.council.propose(call, blake2AsHex('x'), null), k.finance);
    assert.equal(errorName(api, dispatchError), 'council.NotMember');
    assert.equal((await api.call.councilApi.motions()).length, 0);
  });

  test('a motion short of its threshold is rejected and never dispatched', async () => {
    const { motion } = await propose(
      k.bob, api.tx.departments.suspendDepartment(departments.BANK), 'suspend the bank');
    await vote(k.charlie, motion, false);
    await vote(k.dave, motion, false);
    // One aye and one member left to vote cannot reach three.
    const last = await vote(k.eve, motion, false);
    const closed = findEvent(last, 'council', 'MotionClosed');
    assert.equal(closed.data.outcome.toString(), 'Rejected');
    assert.equal(findEvent(last, 'council', 'MotionExecuted'), undefined);
    assert.equal((await api.query.departments.departments(departments.BANK)).unwrap().status.toString(), 'Active');
  });

  test('a runtime upgrade is authorized by two thirds, not by a majority', async () => {
    const codeHash = blake2AsHex('civitas runtime v2');
    const { motion, proposed } = await propose(
      k.bob, api.tx.council.authorizeUpgrade(codeHash), 'runtime v2');
    assert.equal(proposed.data.class.toString(), 'Upgrade');
    await vote(k.charlie, motion);
    const majority = await vote(k.dave, motion);
    assert.equal(findEvent(majority, 'council', 'MotionClosed'), undefined);
    assert.equal((await api.query.system.authorizedUpgrade()).isNone, true);

    const twoThirds = await vote(k.eve, motion);
    assert.ok(findEvent(twoThirds, 'council', 'MotionExecuted').data.result.isOk);
    const authorized = findEvent(twoThirds, 'system', 'UpgradeAuthorized');
    assert.equal(authorized.data.codeHash.toHex(), codeHash);
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash);
  });

  test('two members pause real estate; a transfer is refused until the pause ends', async () => {
    const cancel = () => api.tx.realEstate.cancelTransfer(FLAT);
    const before = await submit(api, cancel(), k.dave);
    assert.equal(errorName(api, before.dispatchError), 'realEstate.TransferNotFound');

    const { motion } = await propose(
      k.bob, api.tx.council.pause('RealEstate', 5), 'court order across the city');
    const events = await vote(k.ferdie, motion);
    const paused = findEvent(events, 'council', 'PalletPaused');
    assert.ok(paused, 'two members suffice');
    const until = paused.data.until.toNumber();
    const [pause] = await api.call.councilApi.paused();
    assert.equal(u8aToString(pause.pallet), 'RealEstate');

    const during = await submit(api, cancel(), k.dave);
    assert.equal(errorName(api, during.dispatchError), 'system.CallFiltered');
    // Nesting it in a batch does not get it through.
    const batched = await submit(api, api.tx.utility.batchAll([cancel()]), k.dave);
    assert.equal(errorName(api, batched.dispatchError), 'system.CallFiltered');
    // Other pallets keep working.
    await ok(api, api.tx.civicIdentity.updateCommitment(
      subjects.PERSON_1, blake2AsHex('new commitment')), k.bob);

    await waitForBlock(until + 1);
    assert.equal((await api.call.councilApi.paused()).length, 0);
    const after = await submit(api, cancel(), k.dave);
    assert.equal(errorName(api, after.dispatchError), 'realEstate.TransferNotFound');
  });
});
