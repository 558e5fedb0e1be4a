// The load harness's short runs: `civitas bench` keeps a fresh dev chain's pool full of bill
// batches for 30 seconds, and fails if a full block holds fewer bills, or a bill weighs more,
// than the committed reference run (bench/reference/ci-bill-batches.json) allows; it reads each
// block's authoring time from the dev node's metrics and its import time from a second node that
// only imports, and draws the run. Then 20 seconds of single bills, every one of them included,
// and 40 seconds of a city's day (eight departments' work in proportions; a grant going through
// the special fund and a flat's conveyances with the parties' consents, at the chain's pace),
// none of it failing.
// CIVITAS_BLESS_BENCH=1 makes the bill-batches run the reference.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { nodeBinary, startNode } from './node.js';

const target = process.env.CARGO_TARGET_DIR ?? path.resolve(import.meta.dirname, '../../target');
const CIVITAS = process.env.CIVITAS_CLI ?? path.join(target, 'release', 'civitas');
const REFERENCE = path.resolve(import.meta.dirname, '../../bench/reference/ci-bill-batches.json');

/** Runs `civitas` with `args` without blocking the event loop (the node's logs keep flowing). */
function civitas(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(CIVITAS, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Waits until the node's Prometheus endpoint reports a best block of at least `number`. */
async function bestBlock(prometheusPort, number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = await (await fetch(`http://127.0.0.1:${prometheusPort}/metrics`)).text();
    const best = Number(/substrate_block_height\{status="best"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
    if (best >= number) return best;
    assert.ok(Date.now() < deadline, `the importing node is at #${best}, not #${number}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

describe('the load harness', { timeout: 420_000 }, () => {
  let node;
  let importer;
  let dir;
  const metrics = (n) => `http://127.0.0.1:${n.prometheusPort}/metrics`;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-'));
    const key = path.join(dir, 'node-key');
    execFileSync(nodeBinary(), ['key', 'generate-node-key', '--file', key], { stdio: 'ignore' });
    const peer = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', key], { encoding: 'utf8' }).trim();
    // Room in the pool for three blocks of single bills waiting and four not yet finalized.
    node = await startNode(['--dev', '--tmp', '--node-key-file', key, '--pool-limit', '20000']);
    // A full node of the same chain that imports every block and authors none.
    importer = await startNode(['--chain', 'dev', '--tmp',
      '--bootnodes', `/ip4/127.0.0.1/tcp/${node.p2pPort}/p2p/${peer}`]);
    await bestBlock(importer.prometheusPort, 1);
  });

  after(async () => {
    await importer?.stop();
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('bill batches fill the blocks, within the reference figures', { timeout: 240_000 }, async () => {
    const report = path.join(dir, 'report.json');
    const bless = Boolean(process.env.CIVITAS_BLESS_BENCH);
    const chart = path.join(dir, 'chart.png');
    const run = await civitas(['bench', '--quiet', '--url', node.wsUrl, '--workload', 'bill-batches',
      '--duration', '30s', '--report', report, '--chart', chart, '--metrics', metrics(node),
      '--import-metrics', metrics(importer), '--pool-limit', '20000',
      ...(bless ? [] : ['--check', REFERENCE, '--tolerance', '5'])]);
    console.log(`    ${run.stdout.trim().split('\n').join('\n    ')}`);
    assert.equal(run.status, 0, run.stderr);
    const { summary, blocks } = JSON.parse(readFileSync(report, 'utf8'));
    // The chain was kept busy: several blocks full by weight, and each of them holds whole batches.
    assert.ok(summary.full_blocks >= 3, `${summary.full_blocks} full blocks`);
    assert.ok(summary.bills_per_s >= 1_000, `${summary.bills_per_s} bills/s`);
    const held = blocks.filter((b) => b.extrinsics > 0);
    assert.ok(held.every((b) => b.bills === b.extrinsics * 1000), JSON.stringify(held));
    assert.ok(summary.max_finality_lag <= 3, `finality lag ${summary.max_finality_lag}`);
    // Every full block's authoring and import time, measured on the two nodes: a full block takes
    // real time to build and to import (hundreds of ms here), an empty one far less.
    // Full as the harness counts it: 90 % of the weight or length, or no room for one more.
    const full = held.filter((b) => [b.weight_fill, b.length_fill]
      .some((fill) => fill >= 0.9 || fill * (1 + 1 / b.extrinsics) > 1));
    assert.equal(full.length, summary.full_blocks);
    assert.ok(full.length >= 3, JSON.stringify(held));
    for (const b of full) {
      assert.ok(b.authoring_ms > 50 && b.authoring_ms < 6_000, `#${b.number} authored in ${b.authoring_ms} ms`);
      assert.ok(b.import_ms > 50 && b.import_ms < 6_000, `#${b.number} imported in ${b.import_ms} ms`);
    }
    const empty = blocks.filter((b) => b.extrinsics === 0 && b.authoring_ms != null);
    assert.ok(empty.every((b) => b.authoring_ms < full[0].authoring_ms), JSON.stringify(empty));
    assert.ok(summary.authoring_ms_mean > 50 && summary.import_ms_mean > 50, JSON.stringify(summary));
    assert.equal(summary.budget_ms, 2_000);
    // The chart: a PNG of the size the harness draws.
    const png = readFileSync(chart);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 1300]);
    if (bless) copyFileSync(report, REFERENCE);
  });

  test('single bills: the pool stays within its limit and every bill is included', { timeout: 180_000 }, async () => {
    const report = path.join(dir, 'single.json');
    const run = await civitas(['bench', '--quiet', '--url', node.wsUrl, '--workload', 'single-bills',
      '--duration', '20s', '--report', report, '--pool-limit', '20000']);
    console.log(`    ${run.stdout.trim().split('\n').join('\n    ')}`);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /pool's limit/);
    const { submitted, rejected, summary } = JSON.parse(readFileSync(report, 'utf8'));
    assert.equal(rejected, 0, run.stderr);
    assert.ok(submitted >= 2_000, `${submitted} submitted`);
    // Every transaction the harness submitted is in a block: no gap in any sender's nonces.
    assert.equal(summary.extrinsics, submitted);
    assert.equal(summary.bills, submitted);
    assert.ok(summary.full_blocks >= 1, JSON.stringify(summary));
  });

  test("a city's day: every department's transactions are included and none fails", { timeout: 180_000 }, async () => {
    const report = path.join(dir, 'city-day.json');
    const run = await civitas(['bench', '--quiet', '--url', node.wsUrl, '--workload', 'city-day',
      '--duration', '40s', '--pool-blocks', '1', '--report', report, '--pool-limit', '20000']);
    console.log(`    ${run.stdout.trim().split('\n').join('\n    ')}`);
    assert.equal(run.status, 0, run.stderr);
    const { submitted, rejected, summary } = JSON.parse(readFileSync(report, 'utf8'));
    assert.equal(rejected, 0, run.stderr);
    assert.equal(summary.extrinsics, submitted);
    // Dispatched without error: invoices claimed only once paid, subjects registered before
    // their credit records, every officer entitled to what it did.
    assert.equal(summary.failed, 0, JSON.stringify(summary.calls));
    const calls = summary.calls;
    for (const call of ['EBills.issue_batch', 'EBills.issue', 'EBills.mark_paid',
      'EBills.claim_reimbursement', 'CivicIdentity.register_subject', 'CreditRecords.record',
      'AccessLog.log_access']) {
      assert.ok(calls[call] > 0, `no ${call}: ${JSON.stringify(calls)}`);
    }
    // In the day's proportions: per billing run of 100 bills, ten invoices issued and paid, a
    // claim for each paid one (claims follow payments by a block or more), one new enterprise
    // with three credit records, five audited reads.
    const runs = calls['EBills.issue_batch'];
    assert.equal(summary.bills, runs * 100 + calls['EBills.issue']);
    assert.ok(calls['EBills.mark_paid'] <= calls['EBills.issue']);
    assert.ok(calls['EBills.claim_reimbursement'] <= calls['EBills.mark_paid']);
    assert.ok(Math.abs(calls['EBills.issue'] - 10 * runs) <= 10, JSON.stringify(calls));
    assert.ok(Math.abs(calls['CreditRecords.record'] - 3 * calls['CivicIdentity.register_subject']) <= 3);
    // A grant, each step after the one it depends on: the enterprise applies through its own
    // account, the panel reviews, then milestone by milestone the enterprise submits, the panel
    // approves and the treasury pays.
    const [applied, reviewed, milestones, approved, paid] = ['apply', 'review', 'submit_milestone',
      'approve_milestone', 'record_payout'].map((call) => calls[`FundGrants.${call}`] ?? 0);
    assert.ok(reviewed >= 1 && reviewed <= applied, JSON.stringify(calls));
    assert.ok(milestones <= 4 * reviewed && approved <= milestones && paid <= approved, JSON.stringify(calls));
    assert.ok(paid >= 1, `no milestone paid out: ${JSON.stringify(calls)}`);
    // A flat's conveyances, each completed by a second registrar once both parties consented:
    // the one with keys through its own account, the one without on paper the registry records.
    const [opened, consented, recorded, completed] = ['open_transfer', 'consent', 'record_consent',
      'complete_transfer'].map((call) => calls[`RealEstate.${call}`] ?? 0);
    assert.ok(consented <= opened && recorded <= opened, JSON.stringify(calls));
    assert.ok(completed <= Math.min(consented, recorded), JSON.stringify(calls));
    assert.ok(completed >= 1, `no transfer completed: ${JSON.stringify(calls)}`);
    assert.ok(summary.full_blocks >= 1, JSON.stringify(summary));
  });
});
