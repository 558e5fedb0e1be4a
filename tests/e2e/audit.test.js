// The auditors' index: departments act in every domain on a dev chain (identity, real estate with
// a mortgage and a court's freeze, credit records with an objection and the court's decision, the
// access log, e-bills at load, a grant from program to payout and clawback, a council motion, the
// node registry, the validator set's rules), `civitas audit index` follows the finalized chain into SQLite and into a real
// PostgreSQL server, and the exports, document look-ups and the portal in a real browser answer
// an auditor's questions from it.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';

import { departments, properties, purposes, subjects } from './city.js';
import { findEvent, linkAccounts, submitOk as ok } from './chain.js';
import { electricity } from './bills.js';
import { connectDevChain } from './node.js';
import { startPostgres } from './postgres.js';

const target = process.env.CARGO_TARGET_DIR ?? path.resolve(import.meta.dirname, '../../target');
const CIVITAS = process.env.CIVITAS_CLI ?? path.join(target, 'release', 'civitas');
const civitas = (...args) => execFileSync(CIVITAS, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The load: `BILLS` single bills (one event each), besides one batch of 1,000. */
const BILLS = Number(process.env.CIVITAS_AUDIT_BILLS ?? 5_000);

describe('the auditors\' index', { timeout: 900_000 }, () => {
  let chain;
  let api;
  let k;
  let pg;
  let dir;
  let sqlite;
  const H = (text) => blake2AsHex(text);
  const LICENCE = H('fire safety inspection certificate 2026-0931');
  const CASE = H('(2026) Jing Shui Ji 0522');
  let paidBill;
  let lastBlock;
  let penalty; // the tax bureau's credit record on the enterprise
  let program;
  let application;

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    k = {
      bob: chain.keyring.addFromUri('//Bob'), // Public Security: the people's registrar.
      eve: chain.keyring.addFromUri('//Eve'), // Housing: issues licences.
      tax: chain.keyring.addFromUri('//Ferdie'), // Tax Bureau: TaxAuthority, CreditRecorder.
      power: chain.keyring.addFromUri('//Eve//stash'), // Power company: BillIssuer.
      bank: chain.keyring.addFromUri('//Ferdie//stash'), // Commercial bank: BillIssuer.
    };
    pg = await startPostgres();
    dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-audit-'));
    sqlite = `sqlite://${path.join(dir, 'audit.db')}`;
  });

  after(async () => {
    await chain?.stop();
    pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('departments act in several domains', { timeout: 600_000 }, async () => {
    await ok(api, api.tx.civicIdentity.updateCommitment(subjects.PERSON_1, H('commitment v2')), k.bob);
    const licence = await ok(api, api.tx.realEstate.issueLicence(properties.FLAT, 'ConstructionCompletion', LICENCE, null), k.eve);
    assert.ok(findEvent(licence, 'realEstate', 'LicenceIssued'));
    const recorded = await ok(api, api.tx.creditRecords.record(subjects.ENTERPRISE_1, 'Tax', -50, H('tax decision 2026-301'), 10_000), k.tax);
    penalty = findEvent(recorded, 'creditRecords', 'RecordCreated').data.record.toNumber();
    await ok(api, api.tx.accessLog.logAccess(subjects.PERSON_1, 'Bills', purposes.TAX_AUDIT, CASE), k.tax);

    const batch = Array.from({ length: 1_000 }, (_, i) => electricity('B', i, i % 2 ? subjects.PERSON_2 : subjects.PERSON_1));
    const issued = await ok(api, api.tx.eBills.issueBatch(batch), k.power);
    paidBill = findEvent(issued, 'eBills', 'BatchIssued').data.bills[0].toHex();
    await ok(api, api.tx.eBills.markPaid(paidBill, H('bank transfer 9001')), k.power);

    // The load: single bills from the bank (one `BillIssued` event each), 1,000 `issue` calls to
    // a `utility.batchAll`, all in flight together; the last one's status says when it is final.
    const started = Date.now();
    const nonce = (await api.rpc.system.accountNextIndex(k.bank.address)).toNumber();
    const batches = [];
    for (let from = 0; from < BILLS; from += 1_000) {
      const calls = [];
      for (let i = from; i < Math.min(from + 1_000, BILLS); i += 1) {
        calls.push(api.tx.eBills.issue(electricity('S', i, subjects.PERSON_2)));
      }
      batches.push(await api.tx.utility.batchAll(calls).signAsync(k.bank, { nonce: nonce + batches.length }));
    }
    const last = batches.pop();
    await Promise.all(batches.map((tx) => tx.send()));
    const { blockHash, dispatchError } = await new Promise((resolve, reject) => {
      last.send((result) => {
        if (result.status.isFinalized) resolve({ blockHash: result.status.asFinalized, dispatchError: result.dispatchError });
      }).catch(reject);
    });
    assert.equal(dispatchError, undefined);
    lastBlock = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    console.log(`    ${BILLS} single bills signed, sent and finalized in ${((Date.now() - started) / 1000).toFixed(1)} s, last in block ${lastBlock}`);
  });

  test('and in every other domain: a council motion, the node registry, a grant, due process, encumbrances', { timeout: 600_000 }, async () => {
    const key = (uri) => chain.keyring.addFromUri(uri);
    const m = {
      alice: key('//Alice'), // Governance (sudo on the dev chain), and fee tokens.
      charlie: key('//Charlie'), // Market Regulation: the enterprise's registrar; a council member.
      dave: key('//Dave'), // Planning: LandRegistrar; a council member.
      court: key('//Charlie//stash'), // Court: CreditAdjudicator, freezes.
      chair: key('//Bob//stash'), // Science Commission: admin, FundCommittee.
      treasurer: key('//Alice//stash'), // Finance Bureau: FundTreasurer.
      reviewer2: key('//audit//reviewer//2'),
      reviewer3: key('//audit//reviewer//3'),
      enterprise: key('//Two'), // Enterprise 1's own account.
    };
    // Independent steps of different signers go into the same blocks.
    const motion = api.tx.utility.batchAll([api.tx.departments.registerDepartment('Ecology and Environment Bureau', 'Government')]);
    const [, proposed] = await Promise.all([
      ok(api, api.tx.utility.batchAll([m.reviewer2, m.reviewer3]
        .map((who) => api.tx.balances.transferKeepAlive(who.address, 1_000_000_000_000_000n))), m.alice),
      ok(api, api.tx.council.propose(motion, H('register the ecology bureau'), null), k.bob),
      ok(api, api.tx.realEstate.requestMortgage(properties.FLAT, 150_000_000, H('loan contract 88-2026')), k.bank),
      linkAccounts(api, m.charlie, [[subjects.ENTERPRISE_1, m.enterprise]]),
    ]);
    const motionId = findEvent(proposed, 'council', 'MotionProposed').data.motion.toNumber();
    await Promise.all([
      ok(api, api.tx.utility.batchAll([m.reviewer2, m.reviewer3]
        .map((who) => api.tx.departments.addOfficer(departments.SCIENCE, who.address, false))), m.chair),
      ok(api, api.tx.council.vote(motionId, true), m.charlie),
      ok(api, api.tx.realEstate.registerMortgage(properties.FLAT, departments.BANK), m.dave),
      ok(api, api.tx.creditRecords.object(penalty, H('statement and receipts')), m.enterprise),
    ]);
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const terms = {
      name: 'Key research and development 2026', kind: 'Research', committee: departments.SCIENCE,
      panel: [m.chair.address, m.reviewer2.address, m.reviewer3.address], treasury: departments.FINANCE,
      budget: 10_000_000_000n, maxAward: 2_000_000_000n, opensAt: head, closesAt: head + 100_000,
      minCreditStanding: 'Normal', openToPersons: false, reviewsNeeded: 2,
    };
    const [voted, governed] = await Promise.all([
      ok(api, api.tx.council.vote(motionId, true), m.dave),
      ok(api, api.tx.sudo.sudo(api.tx.utility.batchAll([
        api.tx.fundGrants.createProgram(terms),
        api.tx.nodes.registerNode(`0x002408011220${'09'.repeat(32)}`, departments.AUDIT),
        api.tx.validators.setMinValidators(1),
      ])), m.alice),
      ok(api, api.tx.creditRecords.rectify(penalty, 12), m.court),
    ]);
    assert.equal(findEvent(voted, 'council', 'MotionClosed').data.outcome.toString(), 'Approved');
    assert.ok(findEvent(governed, 'nodes', 'NodeRegistered'));
    assert.ok(findEvent(governed, 'validators', 'MinValidatorsSet'));
    program = findEvent(governed, 'fundGrants', 'ProgramCreated').data.program.toNumber();
    const milestones = [
      { amount: 600_000_000n, due: head + 50_000, description: H('prototype') },
      { amount: 400_000_000n, due: head + 90_000, description: H('pilot line') },
    ];
    const [applied, frozen] = await Promise.all([
      ok(api, api.tx.fundGrants.apply(program, 1_000_000_000n, H('proposal v1'), milestones), m.enterprise),
      ok(api, api.tx.realEstate.freeze(properties.FLAT, H('(2026) Jing 0108 Zhi 1234')), m.court),
    ]);
    application = findEvent(applied, 'fundGrants', 'ApplicationSubmitted').data.application.toNumber();
    const freeze = findEvent(frozen, 'realEstate', 'EncumbranceRegistered').data.encumbrance.id.toNumber();
    await Promise.all([
      ok(api, api.tx.fundGrants.review(application, true, H('sound plan')), m.chair),
      ok(api, api.tx.fundGrants.review(application, true, H('agreed')), m.reviewer2),
      ok(api, api.tx.realEstate.releaseEncumbrance(properties.FLAT, freeze), m.court),
    ]);
    await ok(api, api.tx.fundGrants.submitMilestone(application, 0, H('prototype test report')), m.enterprise);
    await ok(api, api.tx.fundGrants.approveMilestone(application, 0), m.reviewer3);
    await ok(api, api.tx.fundGrants.recordPayout(application, 0, H('bank transfer 2026-0917-88')), m.treasurer);
    const clawed = await ok(api, api.tx.fundGrants.clawBack(application, H('audit finding: pilot line never built'), 100_000_000n), m.chair);
    assert.equal(findEvent(clawed, 'fundGrants', 'GrantClawedBack').data.returned.toBigInt(), 400_000_000n);
    // The index below reads the finalized chain: wait until all of the above is final.
    const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    lastBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    while (await finalized() < lastBlock) await new Promise((resolve) => setTimeout(resolve, 500));
  });

  const summary = (output) => {
    const m = /\((\d+) blocks, (\d+) events\) in ([\d.]+) s: (\d+) events\/s.*writing took [\d.]+ s \((\d+) events\/s\).*holds (\d+) blocks and (\d+) events/s.exec(output);
    assert.ok(m, output);
    return { blocks: +m[1], events: +m[2], seconds: +m[3], rate: +m[4], writeRate: +m[5], heldBlocks: +m[6], heldEvents: +m[7] };
  };

  test('the index follows the finalized chain into SQLite and resumes without duplicates', { timeout: 300_000 }, async () => {
    const first = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', sqlite));
    console.log(`    SQLite: ${first.events} events of ${first.blocks} blocks in ${first.seconds} s (${first.rate} events/s; writing ${first.writeRate} events/s)`);
    assert.ok(first.blocks >= lastBlock + 1, `${first.blocks} blocks indexed, the load ended in #${lastBlock}`);
    assert.ok(first.events >= BILLS + 6, `${first.events} events`);
    // Again: only the blocks finalized since, and nothing twice.
    const second = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', sqlite));
    assert.equal(second.heldBlocks, first.heldBlocks + second.blocks);
    assert.equal(second.heldEvents, first.heldEvents + second.events);
  });

  test('an export answers "what did the power company do"', () => {
    const rows = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
      '--pallet', 'EBills', '--department', String(departments.POWER)));
    assert.deepEqual(rows.map((r) => r.event), ['BatchIssued', 'BillPaid']);
    const [batch, paid] = rows;
    assert.equal(batch.officer, k.power.address);
    assert.equal(batch.signer, k.power.address);
    assert.equal(batch.fields.bills.length, 1_000);
    assert.equal(paid.record, paidBill);
    assert.equal(paid.record_kind, 'bill');
    assert.ok(paid.block > batch.block && paid.time_ms >= batch.time_ms);
    assert.match(paid.extrinsic_hash, /^0x[0-9a-f]{64}$/);

    // One bill's life, by its id: issued in the batch, then paid.
    const life = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json', '--record', paidBill));
    assert.deepEqual(life.map((r) => r.event), ['BatchIssued', 'BillPaid']);

    // A subject's file: the new commitment and the tax bureau's access to its bills.
    const person = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
      '--subject', subjects.PERSON_1, '--pallet', 'CivicIdentity'));
    assert.deepEqual(person.map((r) => [r.event, r.department]), [['CommitmentUpdated', departments.PUBLIC_SECURITY]]);
    const accessed = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
      '--subject', subjects.PERSON_1, '--pallet', 'AccessLog'));
    assert.deepEqual(accessed.map((r) => [r.event, r.department, r.document]), [['AccessLogged', departments.TAX, CASE]]);

    // The enterprise's credit file: the tax record, its objection and the court's decision (which
    // names the record only), and the record the grant's clawback left.
    const credit = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
      '--subject', subjects.ENTERPRISE_1, '--pallet', 'CreditRecords'));
    assert.deepEqual(credit.map((r) => [r.event, r.record, r.department]), [
      ['RecordCreated', String(penalty), departments.TAX],
      ['ObjectionFiled', String(penalty), null],
      ['RecordRectified', String(penalty), departments.COURT],
      ['RecordCreated', credit[3]?.record, departments.SCIENCE],
    ]);
    // Its grant, from submission to clawback, though most of those events name the application only.
    const grant = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
      '--subject', subjects.ENTERPRISE_1, '--pallet', 'FundGrants'));
    assert.deepEqual(grant.map((r) => r.event), ['ApplicationSubmitted', 'ApplicationReviewed', 'ApplicationReviewed',
      'ApplicationApproved', 'MilestoneSubmitted', 'MilestoneApproved', 'MilestonePaid', 'GrantClawedBack']);

    // CSV, limited; a time range after the last block is empty.
    const csv = civitas('audit', 'export', '--database', sqlite, '--pallet', 'EBills', '--event', 'BillIssued', '--limit', '5').trim().split('\n');
    assert.equal(csv.length, 6);
    assert.match(csv[0], /^block,block_hash,time_ms,event_index,/);
    assert.ok(csv.slice(1).every((line) => line.includes(',EBills,BillIssued,')));
    const future = civitas('audit', 'export', '--database', sqlite, '--format', 'json', '--from', '2100-01-01T00:00:00Z');
    assert.deepEqual(JSON.parse(future), []);
  });

  test('verify names the record that anchors a document, and what the chain says now', () => {
    const licence = civitas('audit', 'verify', '--database', sqlite, '--url', chain.node.wsUrl, LICENCE);
    assert.match(licence, new RegExp(`RealEstate.LicenceIssued in block \\d+ .* by department ${departments.HOUSING} officer ${k.eve.address}`));
    assert.match(licence, /now: licence of property 0: valid now/);
    // A bill's document, anchored by the batch that issued it (from the call's arguments).
    const billDocument = civitas('audit', 'verify', '--database', sqlite, H('bill document B/7'));
    assert.match(billDocument, /EBills.BatchIssued in block \d+/);
    const payment = civitas('audit', 'verify', '--database', sqlite, '--url', chain.node.wsUrl, H('bank transfer 9001'));
    assert.match(payment, /EBills.BillPaid .*\n {2}now: bill 0x[0-9a-f]{64}: Paid/);
    const unknown = spawnSync(CIVITAS, ['audit', 'verify', '--database', sqlite, H('never anchored')], { encoding: 'utf8' });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stdout, /not anchored/);
  });

  test('PostgreSQL holds the same index', { timeout: 300_000 }, async () => {
    const run = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', pg.url));
    console.log(`    PostgreSQL: ${run.events} events of ${run.blocks} blocks in ${run.seconds} s (${run.rate} events/s; writing ${run.writeRate} events/s)`);
    const upTo = (rows) => rows.filter((r) => r.block <= lastBlock);
    for (const filter of [['--pallet', 'EBills'], ['--subject', subjects.PERSON_1], ['--record', paidBill], ['--pallet', 'RealEstate'],
      ['--pallet', 'FundGrants'], ['--subject', subjects.ENTERPRISE_1], ['--pallet', 'Council'], ['--pallet', 'Nodes'], ['--pallet', 'Validators']]) {
      const fromSqlite = upTo(JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json', ...filter)));
      const fromPostgres = upTo(JSON.parse(civitas('audit', 'export', '--database', pg.url, '--format', 'json', ...filter)));
      assert.ok(fromSqlite.length > 0, filter.join(' '));
      assert.deepEqual(fromPostgres, fromSqlite, filter.join(' '));
    }
    const again = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', pg.url));
    assert.equal(again.heldEvents, run.heldEvents + again.events);
    // An index belongs to one chain: another chain's node is refused.
    const other = await connectDevChain();
    try {
      const refused = spawnSync(CIVITAS, ['audit', 'index', '--once', '--quiet', '--url', other.node.wsUrl, '--database', sqlite], { encoding: 'utf8' });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /belongs to another chain|is not on the chain/);
    } finally {
      await other.stop();
    }
  });

  /** `civitas audit serve` on `database` at a free port; resolves once it listens. */
  const serve = async (database) => {
    const server = spawn(CIVITAS, ['audit', 'serve', '--database', database, '--url', chain.node.wsUrl, '--listen', '127.0.0.1:0'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const base = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /http:\/\/(127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(`http://${m[1]}`);
      });
      server.on('exit', (code) => reject(new Error(`civitas audit serve exited with ${code}`)));
    });
    return { server, base };
  };

  /** Debian's Chromium, headless, offline. */
  const launchBrowser = () => chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });

  test('the auditors\' portal, in a real browser', { timeout: 300_000 }, async () => {
    // Screenshots: docs/portal/ with CIVITAS_BLESS_SCREENSHOTS=1 (the README shows them), else
    // the test's temporary directory.
    const shots = process.env.CIVITAS_BLESS_SCREENSHOTS
      ? path.resolve(import.meta.dirname, '../../docs/portal') : path.join(dir, 'shots');
    mkdirSync(shots, { recursive: true });
    const { server, base } = await serve(sqlite);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
      const text = (selector) => page.locator(selector).innerText();

      // The overview: the index's counts and a chart of events by domain.
      await page.goto(base);
      const held = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', sqlite));
      await page.reload();
      assert.ok(Number(await text('#events')) >= held.heldEvents - 50, 'the overview counts the indexed events');
      // One bar per domain: all ten of the city's pallets acted.
      assert.equal(await page.locator('svg rect.bar').count(), 10);
      assert.match(await page.content(), /EBills/);
      await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: false });

      // The power company's page: bills issued over time, and its activity feed.
      await page.click(`a[href="/department/${departments.POWER}"]`);
      assert.match(await text('h1'), /Power/);
      assert.ok(await page.locator('#bills-chart svg rect.column').count() >= 1);
      assert.match(await text('table.events'), /EBills\.BatchIssued/);
      await page.screenshot({ path: path.join(shots, 'department.png'), fullPage: false });

      // One bill's life, by searching for its id: issued, then paid; every row links to its block.
      await page.fill('input[name=q]', paidBill);
      await page.press('input[name=q]', 'Enter');
      await page.waitForSelector('#bill-life');
      assert.deepEqual(await page.locator('#bill-life li.done').allInnerTexts(), ['Issued', 'Paid']);
      assert.equal(await page.locator('table.events tbody tr').count(), 2);
      await page.screenshot({ path: path.join(shots, 'bill.png'), fullPage: false });
      await page.locator('table.events tbody tr').nth(1).locator('a[href^="/block/"]').first().click();
      assert.match(await text('h1'), /^Block #\d+$/);
      assert.match(await text('main'), /EBills\.mark_paid/);

      // The flat's title history on a timeline: its licence, the bank's mortgage, the court's
      // freeze and its release.
      await page.goto(`${base}/record/${properties.FLAT}?kind=property`);
      assert.match(await text('h1'), /^Property 0/);
      const title = await text('table.events');
      for (const event of ['LicenceIssued', 'MortgageRequested', 'EncumbranceRegistered', 'EncumbranceReleased']) {
        assert.match(title, new RegExp(`RealEstate\\.${event}`));
      }
      assert.ok(await page.locator('#timeline svg circle.dot').count() >= 5);
      // The title register as the chain keeps it: the genesis registration to its owner with
      // the whole share, the mortgage, the freeze and its release.
      const register = page.locator('#title tbody tr');
      assert.deepEqual(await register.locator('td:nth-child(4)').allInnerTexts(),
        ['Registered', 'Encumbered', 'Encumbered', 'Released']);
      assert.match(await register.first().innerText(), new RegExp(`${subjects.PERSON_1.slice(0, 12)}… 100\\.0 %`));
      assert.match(await register.nth(1).innerText(), /Mortgage/);
      assert.match(await register.nth(2).innerText(), /CourtFreeze/);
      await page.screenshot({ path: path.join(shots, 'property.png'), fullPage: false });

      // The grant: its program's budget against what was allocated, paid out and clawed back, on
      // the application's page and on the program's.
      for (const [kind, id] of [['application', application], ['program', program]]) {
        await page.goto(`${base}/record/${id}?kind=${kind}`);
        assert.match(await text('h1'), new RegExp(`^${kind[0].toUpperCase()}${kind.slice(1)} ${id}`));
        const bars = await page.locator('#budget svg rect.bar title').allTextContents();
        assert.deepEqual(bars.map((t) => t.trim()), [
          'budget: 10000000000', 'allocated: 1000000000', 'paid out: 600000000', 'clawed back: 400000000']);
      }
      assert.match(await text('table.events'), /FundGrants\.ProgramCreated/);
      await page.goto(`${base}/record/${application}?kind=application`);
      const grant = await text('table.events');
      for (const event of ['ApplicationSubmitted', 'ApplicationReviewed', 'ApplicationApproved', 'MilestonePaid', 'GrantClawedBack']) {
        assert.match(grant, new RegExp(`FundGrants\\.${event}`));
      }
      await page.screenshot({ path: path.join(shots, 'grant.png'), fullPage: true });

      // The enterprise's credit file: the record, its objection and the court's decision.
      await page.goto(`${base}/subject/${subjects.ENTERPRISE_1}`);
      const credit = await page.locator('table.events').first().innerText();
      for (const event of ['RecordCreated', 'ObjectionFiled', 'RecordRectified']) {
        assert.match(credit, new RegExp(`CreditRecords\\.${event}`));
      }

      // A document, by its hash: the licence that anchors it.
      await page.fill('input[name=q]', LICENCE);
      await page.press('input[name=q]', 'Enter');
      await page.waitForSelector('table.events');
      assert.match(await text('table.events'), /RealEstate\.LicenceIssued/);

      // Who used my data: the citizen's page lists the tax bureau's access, with its purpose.
      await page.goto(`${base}/subject/${subjects.PERSON_1}`);
      const accesses = await text('#accesses');
      assert.match(accesses, /Tax/);
      assert.match(accesses, /Bills/);
      assert.match(accesses, new RegExp(CASE.slice(0, 10)));
      await page.screenshot({ path: path.join(shots, 'subject.png'), fullPage: false });

      // The JSON API answers what the export does.
      const api = await (await fetch(`${base}/api/events?record=${paidBill}`)).json();
      assert.deepEqual(api.map((e) => e.event), ['BatchIssued', 'BillPaid']);
      assert.equal((await fetch(`${base}/record/${H('nothing')}`)).status, 404);
    } finally {
      await browser.close();
      server.kill('SIGINT');
    }
  });

  test('the index follows the chain as it grows, and stops cleanly on Ctrl-C', { timeout: 180_000 }, async () => {
    const follower = spawn(CIVITAS, ['audit', 'index', '--quiet', '--url', chain.node.wsUrl, '--database', sqlite],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    follower.stdout.on('data', (chunk) => { output += chunk; });
    const exited = new Promise((resolve) => follower.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const access = H('(2026) Jing Shui Ji 0777');
      await ok(api, api.tx.accessLog.logAccess(subjects.PERSON_2, 'Bills', purposes.TAX_AUDIT, access), k.tax);
      const started = Date.now();
      let rows = [];
      while (rows.length === 0 && Date.now() - started < 90_000) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        rows = JSON.parse(civitas('audit', 'export', '--database', sqlite, '--format', 'json',
          '--subject', subjects.PERSON_2, '--pallet', 'AccessLog'));
      }
      assert.deepEqual(rows.map((r) => [r.event, r.document]), [['AccessLogged', access]]);
      console.log(`    the follower indexed a new access ${((Date.now() - started) / 1000).toFixed(1)} s after its block`);
      assert.equal(follower.exitCode, null, 'still following');
    } finally {
      follower.kill('SIGINT');
    }
    // Ctrl-C ends it after the last whole chunk, with its summary, and exit code 0.
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.match(output, /the index holds \d+ blocks/);
  });

  test('the portal reads the PostgreSQL index too', { timeout: 120_000 }, async () => {
    const { server, base } = await serve(pg.url);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(base);
      assert.equal(await page.locator('svg rect.bar').count(), 10);
      await page.goto(`${base}/record/${application}?kind=application`);
      const bars = await page.locator('#budget svg rect.bar title').allTextContents();
      assert.equal(bars.length, 4);
      assert.equal(bars[2].trim(), 'paid out: 600000000');
      await page.goto(`${base}/record/${paidBill}`);
      assert.deepEqual(await page.locator('#bill-life li.done').allInnerTexts(), ['Issued', 'Paid']);
    } finally {
      await browser.close();
      server.kill('SIGINT');
    }
  });
});
