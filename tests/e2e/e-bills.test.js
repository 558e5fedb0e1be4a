// Electronic bills on a dev chain through Polkadot.js: the power company issues a batch of
// electricity bills, one is paid and reimbursed by the employer its payer authorised and a
// department the payer did not authorise is refused, an unpaid bill is voided, the tax bureau enables an enterprise whose own account
// issues an invoice (and cannot reuse its number). Last, the throughput: how many bills fit in a
// block by the runtime's weights, and six batches of 1,000 bills submitted at once.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { compactAddLength, hexToU8a, stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { departments, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { electricity } from './bills.js';
import { connectDevChain } from './node.js';

const { TAX: TAX_BUREAU, FINANCE: FINANCE_BUREAU, POWER } = departments;
const PERSON_1 = subjects.PERSON_1;
const PERSON_2 = subjects.PERSON_2;
const ENTERPRISE_1 = subjects.ENTERPRISE_1; // enabled to invoice at genesis
const ENTERPRISE_2 = subjects.ENTERPRISE_2;

describe('e-bills through Polkadot.js', { timeout: 900_000 }, () => {
  let chain;
  let api;
  let k;
  const batch = [];
  /** What the chain computes: blake2_256(SCALE((issuer, number))). */
  const billId = (issuer, number) => blake2AsHex(u8aConcat(
    'Department' in issuer ? u8aConcat([0], api.createType('u32', issuer.Department).toU8a())
      : u8aConcat([1], hexToU8a(issuer.Enterprise)),
    compactAddLength(stringToU8a(number)),
  ));
  const bill = async (id) => (await api.call.eBillsApi.bill(id)).unwrap();

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      alice: keyring.addFromUri('//Alice'), // Governance, and the fee tokens for new accounts.
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation: the enterprises' registrar.
      ferdie: keyring.addFromUri('//Ferdie'), // Tax Bureau: TaxAuthority and BillIssuer.
      finance: keyring.addFromUri('//Alice//stash'), // Finance Bureau: a public employer.
      power: keyring.addFromUri('//Eve//stash'), // Municipal Power Supply Company: BillIssuer.
      bank: keyring.addFromUri('//Ferdie//stash'), // City Commercial Bank: BillIssuer.
      employer: keyring.addFromUri('//Two'), // Enterprise 1's own account.
      shop: keyring.addFromUri('//e-bills//shop'), // Enterprise 2's own account, funded below.
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the seeded bills are readable, with their reimbursement status', async () => {
    const seeded = billId({ Department: POWER }, 'E-2026-10-000001');
    const info = await bill(seeded);
    assert.equal(info.kind.toString(), 'Electricity');
    assert.equal(info.status.toString(), 'Paid');
    assert.equal(info.payer.unwrap().toHex(), PERSON_1);
    const status = (await api.call.eBillsApi.reimbursementStatus(seeded)).unwrap();
    assert.equal(status.remaining.toNumber(), 23_456);
    const invoices = await api.call.eBillsApi.billsOfIssuer({ Enterprise: ENTERPRISE_1 }, null, 10);
    assert.deepEqual(invoices.map((b) => b.number.toUtf8()), ['INV-2026-0001']);
  });

  test('the accounts of both enterprises are linked by their registrar', { timeout: 240_000 }, async () => {
    await ok(api, api.tx.balances.transferKeepAlive(k.shop.address, 1_000_000_000_000_000n), k.alice);
    await linkAccounts(api, k.charlie, [[ENTERPRISE_1, k.employer], [ENTERPRISE_2, k.shop]]);
  });

  test('the power company issues a batch of electricity bills', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 200; i += 1) batch.push(electricity('2026-10', i, i % 2 ? PERSON_2 : PERSON_1));
    const events = await ok(api, api.tx.eBills.issueBatch(batch), k.power);
    const issued = findEvent(events, 'eBills', 'BatchIssued');
    assert.equal(issued.data.issuer.asDepartment.toNumber(), POWER);
    assert.equal(issued.data.by.toString(), k.power.address);
    assert.equal(issued.data.bills.length, 200);
    assert.equal(issued.data.bills[7].toHex(), billId({ Department: POWER }, batch[7].number));

    // Person 2's bills, paged: 100 from the batch plus one seeded bill of each issuer.
    const seen = new Set();
    let page = await api.call.eBillsApi.billsOfPayer(PERSON_2, null, 40);
    while (page.length > 0) {
      page.forEach((b) => seen.add(b.id.toHex()));
      page = await api.call.eBillsApi.billsOfPayer(PERSON_2, page[page.length - 1].id, 40);
    }
    assert.equal(seen.size, 102);
    assert.ok(seen.has(billId({ Department: POWER }, batch[7].number)));
  });

  test('a batch with one bad bill changes nothing', { timeout: 120_000 }, async () => {
    const bad = [electricity('2026-11', 0, PERSON_1), { ...electricity('2026-11', 1, PERSON_1), taxAmount: 10 ** 9 }];
    const { dispatchError } = await submit(api, api.tx.eBills.issueBatch(bad), k.power);
    assert.equal(errorName(api, dispatchError), 'eBills.TaxExceedsAmount');
    const first = await api.call.eBillsApi.bill(billId({ Department: POWER }, bad[0].number));
    assert.ok(first.isNone, 'the good bill of a failed batch must not exist');
  });

  test('a paid bill is reimbursed once; an unentitled department is refused', { timeout: 180_000 }, async () => {
    const id = billId({ Department: POWER }, batch[3].number);
    const amount = batch[3].amount;
    const paid = await ok(api, api.tx.eBills.markPaid(id, blake2AsHex('bank transfer 7781')), k.power);
    assert.equal(findEvent(paid, 'eBills', 'BillPaid').data.by.toString(), k.power.address);

    const early = await submit(api, api.tx.eBills.claimReimbursement(
      billId({ Department: POWER }, batch[5].number), 100, blake2AsHex('claim 0')), k.employer);
    assert.equal(errorName(api, early.dispatchError), 'eBills.NotPaid');

    const events = await ok(api, api.tx.eBills.claimReimbursement(
      id, amount, blake2AsHex('expense claim 2026-117')), k.employer);
    const claimed = findEvent(events, 'eBills', 'ReimbursementClaimed');
    assert.equal(claimed.data.claimant.asEnterprise.toHex(), ENTERPRISE_1);
    assert.equal(claimed.data.by.toString(), k.employer.address);
    assert.equal(claimed.data.remaining.toNumber(), 0);
    assert.equal((await bill(id)).status.toString(), 'Reimbursed');

    const [second, again] = await Promise.all([
      submit(api, api.tx.eBills.claimReimbursement(id, amount, blake2AsHex('claim 2')), k.finance),
      submit(api, api.tx.eBills.claimReimbursement(id, 1, blake2AsHex('claim 3')), k.employer),
    ]);
    // Person 2 authorised its employer (enterprise 1), not the Finance Bureau.
    assert.equal(errorName(api, second.dispatchError), 'eBills.NotEntitled');
    assert.equal(errorName(api, again.dispatchError), 'eBills.AlreadyReimbursed');
    const status = (await api.call.eBillsApi.reimbursementStatus(id)).unwrap();
    assert.equal(status.reimbursed.toNumber(), amount);
  });

  test('partial claims of two employers never exceed the bill', { timeout: 180_000 }, async () => {
    const id = billId({ Department: POWER }, batch[4].number);
    const amount = batch[4].amount;
    await ok(api, api.tx.eBills.markPaid(id, blake2AsHex('bank transfer 7782')), k.power);
    const part = await ok(api, api.tx.eBills.claimReimbursement(id, 6_000, blake2AsHex('insurer')), k.finance);
    const claimed = findEvent(part, 'eBills', 'ReimbursementClaimed');
    assert.equal(claimed.data.claimant.asDepartment.toNumber(), FINANCE_BUREAU);
    assert.equal((await bill(id)).status.toString(), 'PartiallyReimbursed');

    const over = await submit(api, api.tx.eBills.claimReimbursement(id, amount - 5_999, blake2AsHex('x')), k.employer);
    assert.equal(errorName(api, over.dispatchError), 'eBills.ClaimExceedsRemaining');
    await ok(api, api.tx.eBills.claimReimbursement(id, amount - 6_000, blake2AsHex('rest')), k.employer);
    const status = (await api.call.eBillsApi.reimbursementStatus(id)).unwrap();
    assert.equal(status.status.toString(), 'Reimbursed');
    assert.equal(status.reimbursed.toNumber(), amount);
  });

  test('an unpaid bill is voided; a reversed one can no longer be claimed', { timeout: 180_000 }, async () => {
    const unpaid = billId({ Department: POWER }, batch[5].number);
    const voided = await ok(api, api.tx.eBills.void(unpaid), k.power);
    assert.equal(findEvent(voided, 'eBills', 'BillVoided').data.by.toString(), k.power.address);
    const claim = await submit(api, api.tx.eBills.claimReimbursement(unpaid, 1, blake2AsHex('c')), k.employer);
    assert.equal(errorName(api, claim.dispatchError), 'eBills.NotReimbursable');
    const foreign = await submit(api, api.tx.eBills.markPaid(unpaid, blake2AsHex('p')), k.ferdie);
    assert.equal(errorName(api, foreign.dispatchError), 'eBills.NotBillIssuer');

    const paid = billId({ Department: POWER }, batch[6].number);
    await ok(api, api.tx.eBills.markPaid(paid, blake2AsHex('bank transfer 7783')), k.power);
    const events = await ok(api, api.tx.eBills.reverse(paid, 'R-2026-10-0000006', blake2AsHex('credit note')), k.power);
    const reversed = findEvent(events, 'eBills', 'BillReversed');
    const note = await bill(reversed.data.creditNote);
    assert.equal(note.kind.toString(), 'CreditNote');
    assert.equal(note.reverses.unwrap().toHex(), paid);
    assert.equal((await bill(paid)).status.toString(), 'Reversed');
    const late = await submit(api, api.tx.eBills.claimReimbursement(paid, 1, blake2AsHex('c')), k.employer);
    assert.equal(errorName(api, late.dispatchError), 'eBills.NotReimbursable');
  });

  test('an enterprise enabled by the tax bureau issues an invoice once per number', { timeout: 180_000 }, async () => {
    const invoice = {
      number: 'INV-2026-000042', payer: PERSON_1, kind: 'Invoice', amount: 56_500, taxAmount: 6_500,
      currency: 'CNY', contentHash: blake2AsHex('invoice 42'), due: null,
    };
    const before = await submit(api, api.tx.eBills.issue(invoice), k.shop);
    assert.equal(errorName(api, before.dispatchError), 'eBills.IssuerNotEnabled');

    const enabled = await ok(api, api.tx.eBills.enableIssuer(ENTERPRISE_2), k.ferdie);
    const event = findEvent(enabled, 'eBills', 'IssuerEnabled');
    assert.equal(event.data.department.toNumber(), TAX_BUREAU);
    assert.equal(event.data.officer.toString(), k.ferdie.address);

    const events = await ok(api, api.tx.eBills.issue(invoice), k.shop);
    const issued = findEvent(events, 'eBills', 'BillIssued');
    assert.equal(issued.data.issuer.asEnterprise.toHex(), ENTERPRISE_2);
    assert.equal(issued.data.by.toString(), k.shop.address);
    assert.equal(issued.data.bill.toHex(), billId({ Enterprise: ENTERPRISE_2 }, invoice.number));

    const duplicate = await submit(api, api.tx.eBills.issue({ ...invoice, amount: 1_000, taxAmount: 0 }), k.shop);
    assert.equal(errorName(api, duplicate.dispatchError), 'eBills.NumberAlreadyExists');
    assert.equal((await bill(issued.data.bill)).amount.toNumber(), 56_500);
  });

  test('throughput: bills per block by weight, and 6,000 bills submitted at once', { timeout: 300_000 }, async () => {
    const run = (prefix, n) => Array.from({ length: n }, (_, i) => electricity(prefix, i, i % 2 ? PERSON_2 : PERSON_1));
    const normal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const weightOf = async (n) => (await api.tx.eBills.issueBatch(run('probe', n)).paymentInfo(k.power))
      .weight.refTime.toBigInt();
    const [w1, w1000] = [await weightOf(1), await weightOf(1000)];
    const perBill = Number(w1000 - w1) / 999 / 1_000; // ns
    const perBlock = Number((normal / w1000) * 1000n);
    console.log(`    issue_batch: ${(perBill / 1000).toFixed(1)} us of weight per bill; `
      + `${perBlock} bills per block in batches of 1,000 (${(perBlock / 6).toFixed(0)} per second)`);
    assert.ok(perBill <= 250_000, `a bill weighs ${perBill} ns, more than 250 us`);
    assert.ok(perBlock >= 6_000, `only ${perBlock} bills fit in a block`);

    // Six batches of 1,000 from two issuers, in flight together.
    const started = Date.now();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const jobs = [];
    for (const [who, signer] of [['P', k.power], ['B', k.bank]]) {
      const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
      for (let j = 0; j < 3; j += 1) {
        const tx = api.tx.eBills.issueBatch(run(`${who}${j}`, 1000));
        jobs.push(submit(api, tx, signer, { nonce: nonce + j, timeoutMs: 240_000, until: 'finalized' }));
      }
    }
    const results = await Promise.all(jobs);
    const blocks = new Set();
    for (const { events, dispatchError, blockHash } of results) {
      assert.equal(dispatchError, undefined, dispatchError && errorName(api, dispatchError));
      assert.equal(findEvent(events, 'eBills', 'BatchIssued').data.bills.length, 1000);
      blocks.add(blockHash.toHex());
    }
    const numbers = await Promise.all([...blocks].map(async (h) => (await api.rpc.chain.getHeader(h)).number.toNumber()));
    console.log(`    6,000 bills landed in block(s) ${numbers.sort((a, b) => a - b).join(', ')} `
      + `(head was #${head}), finalized ${((Date.now() - started) / 1000).toFixed(1)} s after submission`);
    assert.ok(blocks.size <= 2, `6,000 bills took ${blocks.size} blocks`);
    const issued = await api.call.eBillsApi.billsOfIssuer({ Department: departments.BANK }, null, 500);
    assert.equal(issued.length, 500);
  });
});
