// The load harness's short run: `civitas bench` keeps a fresh dev chain's pool full of bill
// batches for 30 seconds, and fails if a full block holds fewer bills, or a bill weighs more,
// than the committed reference run (bench/reference/ci-bill-batches.json) allows.
// CIVITAS_BLESS_BENCH=1 makes this run the reference.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startNode } from './node.js';

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

describe('the load harness', { timeout: 300_000 }, () => {
  let node;
  let dir;

  before(async () => {
    node = await startNode(['--dev', '--tmp']);
    dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-'));
  });

  after(async () => {
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('bill batches fill the blocks, within the reference figures', { timeout: 240_000 }, async () => {
    const report = path.join(dir, 'report.json');
    const bless = Boolean(process.env.CIVITAS_BLESS_BENCH);
    const run = await civitas(['bench', '--quiet', '--url', node.wsUrl, '--workload', 'bill-batches',
      '--duration', '30s', '--report', report, ...(bless ? [] : ['--check', REFERENCE, '--tolerance', '5'])]);
    console.log(`    ${run.stdout.trim().split('\n').join('\n    ')}`);
    assert.equal(run.status, 0, run.stderr);
    const { summary, blocks } = JSON.parse(readFileSync(report, 'utf8'));
    // The chain was kept busy: several blocks full by weight, and each of them holds whole batches.
    assert.ok(summary.full_blocks >= 3, `${summary.full_blocks} full blocks`);
    assert.ok(summary.bills_per_s >= 1_000, `${summary.bills_per_s} bills/s`);
    const held = blocks.filter((b) => b.extrinsics > 0);
    assert.ok(held.every((b) => b.bills === b.extrinsics * 1000), JSON.stringify(held));
    assert.ok(summary.max_finality_lag <= 3, `finality lag ${summary.max_finality_lag}`);
    if (bless) copyFileSync(report, REFERENCE);
  });
});
