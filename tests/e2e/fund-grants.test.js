// The special fund on a dev chain through Polkadot.js: governance opens a research program
// managed by the Finance Bureau and reviewed by a panel of three Science Commission officers, an
// enterprise applies with two milestones, two of the panel approve (an officer added to the
// commission afterwards has no vote), milestone one is submitted, approved and paid, the committee claws back the grant on
// milestone two, the program's budget shows the allocation returned, and the enterprise's credit
// profile shows the GrantCompliance record.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import { departments, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

const { FINANCE: FINANCE_BUREAU, SCIENCE: SCIENCE_COMMISSION } = departments; // treasury, FundCommittee
const ENTERPRISE = subjects.ENTERPRISE_1; // credit score 1060 at genesis
const BUDGET = 10_000_000_000n;

describe('fund grants through Polkadot.js', { timeout: 900_000 }, () => {
  let chain;
  let api;
  let k;
  let program;
  let application;

  const programInfo = async () => (await api.call.fundGrantsApi.program(program)).unwrap();
  const applicationInfo = async () => (await api.call.fundGrantsApi.application(application)).unwrap();

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      alice: keyring.addFromUri('//Alice'), // Governance, and fee tokens for new officers.
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation: the enterprise's registrar.
      treasurer: keyring.addFromUri('//Alice//stash'), // Finance Bureau: FundTreasurer.
      chair: keyring.addFromUri('//Bob//stash'), // Science Commission: admin, FundCommittee.
      reviewer2: keyring.addFromUri('//fund//reviewer//2'),
      reviewer3: keyring.addFromUri('//fund//reviewer//3'),
      newcomer: keyring.addFromUri('//fund//reviewer//4'), // added to the commission, not the panel
      enterprise: keyring.addFromUri('//Two'), // The enterprise's own account.
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the seeded program is open', async () => {
    const seeded = (await api.call.fundGrantsApi.program(0)).unwrap();
    assert.equal(seeded.id.toNumber(), 0);
    assert.equal(seeded.kind.toString(), 'RentSubsidy');
    assert.equal(seeded.committee.toNumber(), SCIENCE_COMMISSION);
    assert.equal(seeded.unallocated.toBigInt(), seeded.budget.toBigInt());
  });

  test('the committee gets three officers; the enterprise links its account', { timeout: 180_000 }, async () => {
    for (const officer of [k.reviewer2, k.reviewer3, k.newcomer]) {
      await ok(api, api.tx.balances.transferKeepAlive(officer.address, 1_000_000_000_000_000n), k.alice);
      await ok(api, api.tx.departments.addOfficer(SCIENCE_COMMISSION, officer.address, false), k.chair);
    }
    const committee = await api.call.departmentsApi.department(SCIENCE_COMMISSION);
    assert.equal(committee.unwrap().officers.toNumber(), 4);
    await linkAccounts(api, k.charlie, [[ENTERPRISE, k.enterprise]]);
  });

  test('governance opens a research program with its panel and treasury', { timeout: 120_000 }, async () => {
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const terms = {
      name: 'Key research and development 2026',
      kind: 'Research',
      committee: SCIENCE_COMMISSION,
      panel: [k.chair.address, k.reviewer2.address, k.reviewer3.address],
      treasury: FINANCE_BUREAU,
      budget: BUDGET,
      maxAward: 2_000_000_000n,
      opensAt: head,
      closesAt: head + 100_000,
      minCreditStanding: 'Normal',
      openToPersons: false,
      reviewsNeeded: 2,
    };
    const events = await ok(api, api.tx.sudo.sudo(api.tx.fundGrants.createProgram(terms)), k.alice);
    const created = findEvent(events, 'fundGrants', 'ProgramCreated').data;
    program = created.program.toNumber();
    assert.ok(created.by.isGovernance);
    // Creating a program is governance's alone, the treasury's officers included.
    for (const who of [k.treasurer, k.enterprise]) {
      const refused = await submit(api, api.tx.fundGrants.createProgram(terms), who);
      assert.ok(refused.dispatchError?.isBadOrigin, 'only governance creates programs');
    }
  });

  test('the enterprise applies with two milestones', { timeout: 120_000 }, async () => {
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const milestones = [
      { amount: 600_000_000n, due: head + 50_000, description: blake2AsHex('prototype') },
      { amount: 400_000_000n, due: head + 90_000, description: blake2AsHex('pilot line') },
    ];
    const wrong = await submit(api, api.tx.fundGrants.apply(
      program, 1_100_000_000n, blake2AsHex('proposal'), milestones), k.enterprise);
    assert.equal(errorName(api, wrong.dispatchError), 'fundGrants.MilestonesMismatch');
    const events = await ok(api, api.tx.fundGrants.apply(
      program, 1_000_000_000n, blake2AsHex('proposal v1'), milestones), k.enterprise);
    const applied = findEvent(events, 'fundGrants', 'ApplicationSubmitted').data;
    application = applied.application.toNumber();
    assert.equal(applied.applicant.toHex(), ENTERPRISE);
    assert.equal(applied.account.toString(), k.enterprise.address);
  });

  test('two of the three committee officers approve; the amount is allocated', { timeout: 180_000 }, async () => {
    await ok(api, api.tx.fundGrants.review(application, true, blake2AsHex('sound plan')), k.chair);
    assert.equal((await applicationInfo()).status.toString(), 'Pending');
    const outsider = await submit(api, api.tx.fundGrants.review(application, true, blake2AsHex('x')), k.treasurer);
    assert.equal(errorName(api, outsider.dispatchError), 'departments.RoleNotHeld');
    const newcomer = await submit(api, api.tx.fundGrants.review(application, true, blake2AsHex('x')), k.newcomer);
    assert.equal(errorName(api, newcomer.dispatchError), 'fundGrants.NotOnPanel');
    const twice = await submit(api, api.tx.fundGrants.review(application, true, blake2AsHex('x')), k.chair);
    assert.equal(errorName(api, twice.dispatchError), 'fundGrants.AlreadyVoted');

    const events = await ok(api, api.tx.fundGrants.review(application, true, blake2AsHex('agreed')), k.reviewer2);
    const reviewed = findEvent(events, 'fundGrants', 'ApplicationReviewed').data;
    assert.equal(reviewed.department.toNumber(), SCIENCE_COMMISSION);
    assert.equal(reviewed.officer.toString(), k.reviewer2.address);
    assert.equal(reviewed.comment.toHex(), blake2AsHex('agreed'));
    assert.equal(findEvent(events, 'fundGrants', 'ApplicationApproved').data.allocated.toBigInt(), 1_000_000_000n);
    const info = await programInfo();
    assert.equal(info.allocated.toBigInt(), 1_000_000_000n);
    assert.equal(info.unallocated.toBigInt(), BUDGET - 1_000_000_000n);
  });

  test('milestone one is submitted, approved and paid', { timeout: 180_000 }, async () => {
    const early = await submit(api, api.tx.fundGrants.submitMilestone(application, 1, blake2AsHex('e')), k.enterprise);
    assert.equal(errorName(api, early.dispatchError), 'fundGrants.MilestoneOutOfOrder');
    await ok(api, api.tx.fundGrants.submitMilestone(application, 0, blake2AsHex('prototype test report')), k.enterprise);
    const unpaid = await submit(api, api.tx.fundGrants.recordPayout(application, 0, blake2AsHex('t')), k.treasurer);
    assert.equal(errorName(api, unpaid.dispatchError), 'fundGrants.MilestoneNotApproved');
    await ok(api, api.tx.fundGrants.approveMilestone(application, 0), k.reviewer3);
    const events = await ok(api, api.tx.fundGrants.recordPayout(
      application, 0, blake2AsHex('bank transfer 2026-0917-88')), k.treasurer);
    const paid = findEvent(events, 'fundGrants', 'MilestonePaid').data;
    assert.equal(paid.amount.toBigInt(), 600_000_000n);
    assert.equal(paid.department.toNumber(), FINANCE_BUREAU);
    const twice = await submit(api, api.tx.fundGrants.recordPayout(application, 0, blake2AsHex('t')), k.treasurer);
    assert.equal(errorName(api, twice.dispatchError), 'fundGrants.AlreadyPaid');
    assert.equal((await programInfo()).disbursed.toBigInt(), 600_000_000n);
  });

  test('the committee claws back on milestone two; the allocation returns', { timeout: 180_000 }, async () => {
    const before = (await api.call.creditRecordsApi.creditProfile(ENTERPRISE)).score.toNumber();
    const events = await ok(api, api.tx.fundGrants.clawBack(
      application, blake2AsHex('audit finding: pilot line never built'), 100_000_000n), k.chair);
    const clawed = findEvent(events, 'fundGrants', 'GrantClawedBack').data;
    assert.equal(clawed.returned.toBigInt(), 400_000_000n);
    assert.equal(clawed.toRecover.toBigInt(), 100_000_000n);
    assert.equal(clawed.officer.toString(), k.chair.address);

    const app = await applicationInfo();
    assert.equal(app.status.toString(), 'ClawedBack');
    assert.deepEqual(app.milestones.map((m) => m.status.type), ['Paid', 'Cancelled']);
    const info = await programInfo();
    assert.equal(info.allocated.toBigInt(), 600_000_000n);
    assert.equal(info.disbursed.toBigInt(), 600_000_000n);
    assert.equal(info.unallocated.toBigInt(), BUDGET - 600_000_000n);

    const record = (await api.call.creditRecordsApi.record(clawed.creditRecord)).unwrap().record;
    assert.equal(record.category.toString(), 'GrantCompliance');
    assert.equal(record.department.toNumber(), SCIENCE_COMMISSION);
    const records = await api.call.creditRecordsApi.recordsOf(ENTERPRISE);
    assert.ok(records.some((r) => r.record.category.toString() === 'GrantCompliance'));
    const after = (await api.call.creditRecordsApi.creditProfile(ENTERPRISE)).score.toNumber();
    assert.equal(after, before - 150);
    const mine = await api.call.fundGrantsApi.applicationsOf(ENTERPRISE, null, 10);
    assert.deepEqual(mine.map((a) => a.id.toNumber()), [application]);
  });
});
