// Who may act, through Polkadot.js on a dev chain: every privileged call of every pallet is tried
// by an account that is nobody's officer and by an officer of a department without the role (or
// of a suspended department); each gets its named error and the pallet's state does not change.
// Last, reimbursement exactly once is worth only what its entitlement is worth: an unrelated
// enterprise's claim on a person's bill is refused while the employer the person authorised is
// reimbursed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { compactAddLength, stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';

import { credentials, departments, licences, properties, purposes, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

const { MARKET_REGULATION, POWER } = departments;
const PERSON_1 = subjects.PERSON_1;
const PERSON_2 = subjects.PERSON_2;
const ENTERPRISE_1 = subjects.ENTERPRISE_1;
const ENTERPRISE_2 = subjects.ENTERPRISE_2;
const SEEDED_BILL = 'E-2026-10-000001'; // the power company's, to person 1, paid
const { FLAT } = properties; // person 1's seeded flat, kept by the Planning Commission
const FLAT_COMPLETION = licences.FLAT_COMPLETION;
const BUSINESS_LICENCE_1 = credentials.BUSINESS_LICENCE_1;
const H = (label) => blake2AsHex(label);

/** The name of a failed dispatch: `section.Name` for a pallet error, else its kind. */
function failure(api, dispatchError) {
  assert.ok(dispatchError, 'the call was expected to fail');
  return dispatchError.isModule ? errorName(api, dispatchError) : dispatchError.type;
}

/**
 * Every storage item of `pallet` at block `at`, as `key=value` lines, but for the bookkeeping a
 * pallet's hook moves on every block (credit records' due-queue cursor).
 */
async function palletState(api, pallet, at) {
  const prefix = xxhashAsHex(pallet, 128);
  const hookKeys = new Set([api.query.creditRecords.dueCursor.key()]);
  const keys = [];
  for (let start = prefix; ;) {
    const page = await api.rpc.state.getKeysPaged(prefix, 1000, start, at);
    keys.push(...page.map((key) => key.toHex()));
    if (page.length < 1000) break;
    start = page[page.length - 1].toHex();
  }
  const lines = [];
  for (const key of keys.filter((k) => !hookKeys.has(k))) {
    lines.push(`${key}=${(await api.rpc.state.getStorage(key, at)).toHex()}`);
  }
  return lines.sort().join('\n');
}

describe('permissions through Polkadot.js', { timeout: 900_000 }, () => {
  let chain;
  let api;
  let k;

  /**
   * Submits every `[tx, expected]` of `attempts` signed by `signer` at once (consecutive nonces),
   * checks each error, and that none of `pallets` changed between the block before and the last
   * block the attempts landed in.
   */
  async function refused(signer, attempts, pallets) {
    const before = await api.rpc.chain.getBlockHash();
    const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
    const results = await Promise.all(attempts.map(([tx], i) => submit(api, tx, signer, { nonce: first + i })));
    results.forEach((result, i) => {
      const [tx, expected] = attempts[i];
      assert.equal(failure(api, result.dispatchError), expected,
        `${tx.method.section}.${tx.method.method} by ${signer.address}`);
    });
    const latest = results.map((r) => r.blockHash.toHex());
    const last = (await Promise.all(latest.map((h) => api.rpc.chain.getHeader(h))))
      .reduce((a, b) => (a.number.toNumber() >= b.number.toNumber() ? a : b)).hash;
    for (const pallet of pallets) {
      assert.equal(await palletState(api, pallet, last), await palletState(api, pallet, before),
        `${pallet} must not change`);
    }
  }

  const billId = (department, number) => blake2AsHex(u8aConcat(
    u8aConcat([0], api.createType('u32', department).toU8a()),
    compactAddLength(stringToU8a(number)),
  ));

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      alice: keyring.addFromUri('//Alice'), // Governance (Sudo on the dev chain).
      bob: keyring.addFromUri('//Bob'), // Public Security Bureau: the people's registrar.
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation: the enterprises' registrar.
      one: keyring.addFromUri('//One'), // Market Regulation, not admin.
      ferdie: keyring.addFromUri('//Ferdie'), // Tax Bureau: no adjudicator role.
      audit: keyring.addFromUri('//Dave//stash'), // Audit Office: Auditor, CreditAdjudicator.
      stranger: keyring.addFromUri('//permissions//stranger'), // nobody's officer, linked to nobody
      person: keyring.addFromUri('//permissions//person-1'), // person 1's own account
      employer: keyring.addFromUri('//permissions//enterprise-1'), // enterprise 1's own account
      rival: keyring.addFromUri('//permissions//enterprise-2'), // enterprise 2's own account
    };
    const fund = [k.stranger, k.person, k.employer, k.rival]
      .map((who) => api.tx.balances.transferKeepAlive(who.address, 1_000_000_000_000_000n));
    await ok(api, api.tx.utility.batchAll(fund), k.alice);
    // Person 1's own account, so that unlinking it is a call on a real record.
    await linkAccounts(api, k.bob, [[PERSON_1, k.person]]);
  });

  after(async () => {
    await chain?.stop();
  });

  /** The privileged calls with the role-holding officer's permission, by pallet. */
  const officerCalls = () => [
    ['CivicIdentity', api.tx.civicIdentity.registerSubject(H('p/new'), 'Person', H('c'), null)],
    ['CivicIdentity', api.tx.civicIdentity.updateCommitment(PERSON_1, H('c2'))],
    ['CivicIdentity', api.tx.civicIdentity.setStatus(PERSON_1, 'Suspended', 1)],
    ['CivicIdentity', api.tx.civicIdentity.setLegalRepresentative(ENTERPRISE_1, PERSON_2)],
    ['CivicIdentity', api.tx.civicIdentity.proposeLink(PERSON_1, k.stranger.address)],
    ['CivicIdentity', api.tx.civicIdentity.issueCredential(H('cred/new'), 0, ENTERPRISE_2, 1, null)],
    ['CivicIdentity', api.tx.civicIdentity.revokeCredential(BUSINESS_LICENCE_1, 1)],
    ['CivicIdentity', api.tx.civicIdentity.suspendCredential(BUSINESS_LICENCE_1, 1)],
    ['CivicIdentity', api.tx.civicIdentity.reinstateCredential(BUSINESS_LICENCE_1)],
    ['CreditRecords', api.tx.creditRecords.record(ENTERPRISE_2, 'Tax', -10, H('ev'), 100)],
    ['CreditRecords', api.tx.creditRecords.revoke(1, 1)],
    ['EBills', api.tx.eBills.enableIssuer(ENTERPRISE_2)],
    ['EBills', api.tx.eBills.disableIssuer(ENTERPRISE_1)],
    ['EBills', api.tx.eBills.recordClaimantAuthorisation(PERSON_2, { Enterprise: ENTERPRISE_2 }, H('mandate'))],
    ['RealEstate', api.tx.realEstate.registerProperty('BJ-X-1', H('loc'), 80, 'Residential', [[PERSON_2, 1000]], H('cert'))],
    ['RealEstate', api.tx.realEstate.retireProperty(FLAT, [1])],
    ['RealEstate', api.tx.realEstate.openTransfer(FLAT, [[PERSON_2, 1000]], 1_000_000, H('deed'))],
    ['RealEstate', api.tx.realEstate.recordConsent(FLAT, 0, H('terms'), PERSON_2, H('paper'))],
    ['RealEstate', api.tx.realEstate.completeTransfer(FLAT, H('cert'))],
    ['RealEstate', api.tx.realEstate.cancelTransfer(FLAT)],
    ['RealEstate', api.tx.realEstate.registerMortgage(FLAT, 10)],
    ['RealEstate', api.tx.realEstate.registerEncumbrance(FLAT, { Easement: { note: H('way') } })],
    ['RealEstate', api.tx.realEstate.revokeLicence(FLAT, FLAT_COMPLETION)],
    ['RealEstate', api.tx.realEstate.requestMortgage(1, 500_000, H('contract'))],
    ['RealEstate', api.tx.realEstate.freeze(0, H('case'))],
    ['RealEstate', api.tx.realEstate.assessTax(0, 2027, 1_000)],
    ['RealEstate', api.tx.realEstate.issueLicence(0, 'FireSafety', H('licence'), null)],
    ['FundGrants', api.tx.fundGrants.topUp(0, 1_000)],
    ['FundGrants', api.tx.fundGrants.closeProgram(0)],
    ['FundGrants', api.tx.fundGrants.review(0, true, H('comment'))],
    ['FundGrants', api.tx.fundGrants.approveMilestone(0, 0)],
    ['FundGrants', api.tx.fundGrants.rejectMilestone(0, 0, H('reason'))],
    ['FundGrants', api.tx.fundGrants.recordPayout(0, 0, H('ref'))],
    ['FundGrants', api.tx.fundGrants.clawBack(0, H('reason'), 1)],
    ['Council', api.tx.council.propose(api.tx.departments.suspendDepartment(departments.TAX), H('reason'), null)],
    ['Council', api.tx.council.vote(0, true)],
    ['AccessLog', api.tx.accessLog.logAccess(PERSON_1, 'Bills', purposes.TAX_AUDIT, null)],
    ['AccessLog', api.tx.accessLog.logBatch([[PERSON_1, 'Bills'], [ENTERPRISE_1, 'Property']], purposes.TAX_AUDIT, H('case'))],
  ];

  /** Calls that also accept a subject's linked account, with what a stranger is told. */
  const mixedCalls = () => [
    ['EBills', api.tx.eBills.issue({
      number: 'X-1', payer: PERSON_1, kind: 'Fee', amount: 1, taxAmount: 0, currency: 'CNY',
      contentHash: H('doc'), due: null,
    }), 'eBills.NotIssuer'],
    ['EBills', api.tx.eBills.markPaid(billId(POWER, 'E-2026-10-000002'), H('p')), 'eBills.NotIssuer'],
    ['EBills', api.tx.eBills.void(billId(POWER, 'E-2026-10-000002')), 'eBills.NotIssuer'],
    ['EBills', api.tx.eBills.issueBatch([]), 'eBills.NotIssuer'],
    ['EBills', api.tx.eBills.reverse(billId(POWER, SEEDED_BILL), 'R-1', H('note')), 'eBills.NotIssuer'],
    ['EBills', api.tx.eBills.claimReimbursement(billId(POWER, SEEDED_BILL), 1, H('c')), 'eBills.NotClaimant'],
    ['EBills', api.tx.eBills.revokeClaimant(PERSON_1, { Enterprise: ENTERPRISE_1 }), 'eBills.NotPayer'],
  ];

  /** Governance's calls: refused to every signed account. */
  const governanceCalls = () => [
    ['Departments', api.tx.departments.registerDepartment('Rogue Office', 'Government')],
    ['Departments', api.tx.departments.grantRole(departments.AUDIT, 'LandRegistrar', null)],
    ['Departments', api.tx.departments.suspendDepartment(departments.TAX)],
    ['CivicIdentity', api.tx.civicIdentity.registerSchema('Rogue permit', 'Auditor', [departments.AUDIT], null, true)],
    ['CivicIdentity', api.tx.civicIdentity.setSchemaIssuers(0, [departments.AUDIT])],
    ['CreditRecords', api.tx.creditRecords.setPublicationLimit('Tax', 1)],
    ['EBills', api.tx.eBills.setReimbursers('Medical', [departments.AUDIT])],
    ['Departments', api.tx.departments.revokeRole(departments.TAX, 'TaxAuthority')],
    ['Departments', api.tx.departments.reinstateDepartment(departments.TAX)],
    ['EBills', api.tx.eBills.resolveUnpaid(billId(POWER, 'E-2026-10-000002'), 'Voided')],
    ['RealEstate', api.tx.realEstate.setLicenceRule('FireSafety', { role: 'CredentialIssuer', departments: [departments.AUDIT] })],
    ['RealEstate', api.tx.realEstate.setRequiredLicences('Residential', [])],
    ['RealEstate', api.tx.realEstate.setRegistry(FLAT, 8)],
    ['FundGrants', api.tx.fundGrants.setPanel(0, [])],
    ['FundGrants', api.tx.fundGrants.createProgram({
      name: 'Rogue fund', kind: 'Other', committee: 6, panel: [], treasury: 5, budget: 1_000,
      maxAward: 1_000, opensAt: 0, closesAt: 1_000_000, minCreditStanding: 'Normal',
      openToPersons: false, reviewsNeeded: 1,
    })],
    ['Council', api.tx.council.setMembers([departments.AUDIT])],
    ['Council', api.tx.council.setThreshold('Upgrade', { AtLeast: 1 })],
    ['Council', api.tx.council.authorizeUpgrade(H('rogue runtime'))],
    ['Council', api.tx.council.pause('RealEstate', 10)],
    ['Council', api.tx.council.unpause('RealEstate')],
    ['Validators', api.tx.validators.addValidator(k.stranger.address, 8)],
    ['Validators', api.tx.validators.removeValidator(k.alice.address)],
    ['Validators', api.tx.validators.setMinValidators(1)],
    ['Nodes', api.tx.nodes.registerNode(`0x002408011220${'07'.repeat(32)}`, 8)],
    ['Nodes', api.tx.nodes.deregisterNode(`0x002408011220${'07'.repeat(32)}`)],
    ['AccessLog', api.tx.accessLog.setPurpose(90, 'Rogue purpose', 'None', ['Auditor'], ['Identity'])],
    ['AccessLog', api.tx.accessLog.retirePurpose(purposes.TAX_AUDIT)],
  ];

  /**
   * Calls whose permission depends on the record (the account's own link, an officer list), with
   * what a signer that is no party to the record is told.
   */
  const recordCalls = () => [
    ['CivicIdentity', api.tx.civicIdentity.unlinkAccount(k.person.address), 'civicIdentity.NotAuthorized'],
    ['Departments', api.tx.departments.removeOfficer(k.bob.address), 'departments.NotAuthorized'],
  ];

  const palletsOf = (calls) => [...new Set(calls.map(([pallet]) => pallet))];

  test('an account that is nobody\'s officer is refused everywhere', { timeout: 300_000 }, async () => {
    const calls = [
      ...officerCalls().map(([pallet, tx]) => [pallet, tx, 'departments.NotOfficer']),
      ...mixedCalls(),
      ...governanceCalls().map(([pallet, tx]) => [pallet, tx, 'BadOrigin']),
      ...recordCalls(),
      ['Departments', api.tx.departments.addOfficer(0, k.stranger.address, true), 'departments.NotAuthorized'],
    ];
    await refused(k.stranger, calls.map(([, tx, expected]) => [tx, expected]), palletsOf(calls));
  });

  test('an officer of a department without the role is refused everywhere', { timeout: 300_000 }, async () => {
    // The Audit Office holds Auditor and CreditAdjudicator only.
    const calls = [
      ...officerCalls().map(([pallet, tx]) => [pallet, tx, 'departments.RoleNotHeld']),
      ...mixedCalls().map(([pallet, tx]) => [pallet, tx, 'departments.RoleNotHeld']),
      ...governanceCalls().map(([pallet, tx]) => [pallet, tx, 'BadOrigin']),
      ...recordCalls(),
      ['Departments', api.tx.departments.addOfficer(0, k.stranger.address, false), 'departments.NotAuthorized'],
    ];
    await refused(k.audit, calls.map(([, tx, expected]) => [tx, expected]), palletsOf(calls));
    // The adjudicator's calls, by the Tax Bureau (a recorder, no adjudicator).
    const adjudication = [
      [api.tx.creditRecords.uphold(1, 1), 'departments.RoleNotHeld'],
      [api.tx.creditRecords.rectify(1, 1), 'departments.RoleNotHeld'],
    ];
    await refused(k.ferdie, adjudication, ['CreditRecords']);
  });

  test('an officer of a suspended department loses its roles at once', { timeout: 300_000 }, async () => {
    await ok(api, api.tx.sudo.sudo(api.tx.departments.suspendDepartment(MARKET_REGULATION)), k.alice);
    await refused(k.one, [
      [api.tx.civicIdentity.registerSubject(H('p/suspended'), 'Person', H('c'), null), 'departments.DepartmentNotActive'],
      [api.tx.civicIdentity.issueCredential(H('cred/suspended'), 0, ENTERPRISE_2, 1, null), 'departments.DepartmentNotActive'],
      [api.tx.creditRecords.record(ENTERPRISE_2, 'Tax', -10, H('ev2'), 100), 'departments.DepartmentNotActive'],
      [api.tx.accessLog.logAccess(ENTERPRISE_2, 'Credit', purposes.CREDIT_SUPERVISION, null), 'departments.DepartmentNotActive'],
    ], ['CivicIdentity', 'CreditRecords', 'AccessLog']);
    await ok(api, api.tx.sudo.sudo(api.tx.departments.reinstateDepartment(MARKET_REGULATION)), k.alice);
    await ok(api, api.tx.civicIdentity.registerSubject(H('p/reinstated'), 'Enterprise', H('c'), null), k.one);
  });

  test('an unrelated enterprise cannot claim a person\'s bill; the authorised employer can', { timeout: 300_000 }, async () => {
    await linkAccounts(api, k.charlie, [[ENTERPRISE_1, k.employer], [ENTERPRISE_2, k.rival]]);
    const bill = billId(POWER, SEEDED_BILL);

    const rival = await submit(api, api.tx.eBills.claimReimbursement(bill, 1_000, H('rival claim')), k.rival);
    assert.equal(failure(api, rival.dispatchError), 'eBills.NotEntitled');
    assert.equal((await api.call.eBillsApi.reimbursementStatus(bill)).unwrap().reimbursed.toNumber(), 0);

    // Person 1 authorised enterprise 1 at genesis; it withdraws that and authorises it again
    // with its own key, then the employer is reimbursed in full.
    const revoked = await ok(api, api.tx.eBills.revokeClaimant(PERSON_1, { Enterprise: ENTERPRISE_1 }), k.person);
    assert.equal(findEvent(revoked, 'eBills', 'ClaimantRevoked').data.by.toString(), k.person.address);
    const refusedNow = await submit(api, api.tx.eBills.claimReimbursement(bill, 1, H('early')), k.employer);
    assert.equal(failure(api, refusedNow.dispatchError), 'eBills.NotEntitled');
    const authorised = await ok(api, api.tx.eBills.authoriseClaimant({ Enterprise: ENTERPRISE_1 }), k.person);
    const event = findEvent(authorised, 'eBills', 'ClaimantAuthorised');
    assert.equal(event.data.payer.toHex(), PERSON_1);
    assert.equal(event.data.claimant.asEnterprise.toHex(), ENTERPRISE_1);

    const claimed = await ok(api, api.tx.eBills.claimReimbursement(bill, 23_456, H('expense claim')), k.employer);
    assert.equal(findEvent(claimed, 'eBills', 'ReimbursementClaimed').data.claimant.asEnterprise.toHex(), ENTERPRISE_1);
    const status = (await api.call.eBillsApi.reimbursementStatus(bill)).unwrap();
    assert.equal(status.status.toString(), 'Reimbursed');
    assert.equal(status.reimbursed.toNumber(), 23_456);
  });
});
