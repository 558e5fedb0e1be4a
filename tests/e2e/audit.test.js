// The auditors' index: departments act in several domains on a dev chain, `civitas audit index`
// follows the finalized chain into SQLite and into a real PostgreSQL server, and the exports and
// document look-ups answer an auditor's questions from it.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';

import { departments, properties, purposes, subjects } from './city.js';
import { findEvent, submitOk as ok } from './chain.js';
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
    await ok(api, api.tx.creditRecords.record(subjects.ENTERPRISE_1, 'Tax', -50, H('tax decision 2026-301'), 10_000), k.tax);
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
    for (const filter of [['--pallet', 'EBills'], ['--subject', subjects.PERSON_1], ['--record', paidBill], ['--pallet', 'RealEstate']]) {
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

  test('the auditors\' portal, in a real browser', { timeout: 300_000 }, async () => {
    // Screenshots: docs/portal/ with CIVITAS_BLESS_SCREENSHOTS=1 (the README shows them), else
    // the test's temporary directory.
    const shots = process.env.CIVITAS_BLESS_SCREENSHOTS
      ? path.resolve(import.meta.dirname, '../../docs/portal') : path.join(dir, 'shots');
    mkdirSync(shots, { recursive: true });
    const server = spawn(CIVITAS, ['audit', 'serve', '--database', sqlite, '--url', chain.node.wsUrl, '--listen', '127.0.0.1:0'],
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
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
      const text = (selector) => page.locator(selector).innerText();

      // The overview: the index's counts and a chart of events by domain.
      await page.goto(base);
      const held = summary(civitas('audit', 'index', '--once', '--quiet', '--url', chain.node.wsUrl, '--database', sqlite));
      await page.reload();
      assert.ok(Number(await text('#events')) >= held.heldEvents - 50, 'the overview counts the indexed events');
      assert.ok(await page.locator('svg rect.bar').count() >= 4, 'one bar per domain');
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

      // The flat's title history: its licences on a timeline.
      await page.goto(`${base}/record/${properties.FLAT}?kind=property`);
      assert.match(await text('h1'), /^Property 0/);
      assert.match(await text('table.events'), /RealEstate\.LicenceIssued/);
      assert.ok(await page.locator('#timeline svg circle.dot').count() >= 1);
      await page.screenshot({ path: path.join(shots, 'property.png'), fullPage: false });

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
});
