// The key ceremony of a real deployment (scripts/key-ceremony.mjs): two departments generate
// their own keys, the coordinator builds a raw chain spec from their public parts alone (no
// development key, no Sudo key), each installs its keys in its own node, and the two-node network
// produces and finalizes blocks, governed by its council.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { nodeBinary, startNode } from './node.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ceremony = (...args) => execFileSync(process.execPath, [path.join(repo, 'scripts', 'key-ceremony.mjs'), ...args], {
  encoding: 'utf8', env: { ...process.env, CIVITAS_NODE: nodeBinary() },
});

describe('a chain from a key ceremony', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'civitas-ceremony-'));
  const psb = path.join(dir, 'psb');
  const market = path.join(dir, 'market');
  const spec = path.join(dir, 'spec', 'raw.json');
  const nodes = [];
  let api;

  before(async () => {
    await cryptoWaitReady();
  });

  after(async () => {
    await api?.disconnect();
    for (const n of nodes) await n.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each department generates its keys; the coordinator sees only public parts', () => {
    ceremony('department', '--out', psb, '--name', 'Public Security Bureau', '--kind', 'Government',
      '--roles', 'IdentityRegistrar,Councillor,NodeOperator', '--validator', '--address', '/ip4/127.0.0.1/tcp/1');
    ceremony('department', '--out', market, '--name', 'Market Regulation Administration', '--kind', 'Government',
      '--roles', 'IdentityRegistrar,CreditRecorder,Councillor,NodeOperator', '--validator');
    for (const d of [psb, market]) {
      assert.equal(statSync(path.join(d, 'secrets.json')).mode & 0o777, 0o600);
      const pub = readFileSync(path.join(d, 'public.json'), 'utf8');
      const secrets = JSON.parse(readFileSync(path.join(d, 'secrets.json'), 'utf8'));
      for (const phrase of Object.values(secrets)) assert.ok(!pub.includes(phrase), 'no secret in public.json');
    }
    ceremony('chain-spec', '--out', path.dirname(spec), '--name', 'Ceremony City', '--id', 'ceremony_city',
      '--session-length', '10', path.join(psb, 'public.json'), path.join(market, 'public.json'));
    const plain = JSON.parse(readFileSync(path.join(path.dirname(spec), 'plain.json'), 'utf8'));
    const genesis = plain.genesis.runtimeGenesis.patch;
    assert.equal(genesis.sudo.key, null);
    assert.deepEqual(genesis.council.members, [0, 1]);
    assert.equal(genesis.session.keys.length, 2);
    const text = JSON.stringify(plain);
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').address;
    assert.ok(!text.includes(alice), 'no development key in the chain spec');
    assert.match(plain.bootNodes[0], /^\/ip4\/127\.0\.0\.1\/tcp\/1\/p2p\/12D3/);
    for (const d of [psb, market]) ceremony('install', '--dir', d, '--spec', spec);
  });

  test('the two departments\' nodes produce and finalize blocks, with no Sudo and their council', async () => {
    const first = await startNode(['--chain', spec, '--base-path', path.join(psb, 'base'), '--validator',
      '--node-key-file', path.join(psb, 'node-key')]);
    nodes.push(first);
    const peer = readFileSync(path.join(psb, 'public.json'), 'utf8');
    const bootnode = `/ip4/127.0.0.1/tcp/${first.p2pPort}/p2p/${JSON.parse(peer).validator.peerId}`;
    nodes.push(await startNode(['--chain', spec, '--base-path', path.join(market, 'base'), '--validator',
      '--node-key-file', path.join(market, 'node-key'), '--bootnodes', bootnode]));
    api = await ApiPromise.create({ provider: new WsProvider(first.wsUrl), noInitWarn: true });
    const deadline = Date.now() + 180_000;
    let finalized = 0;
    while (finalized < 3) {
      assert.ok(Date.now() < deadline, `finalized only #${finalized}:\n${first.logs.slice(-20).join('\n')}`);
      await new Promise((r) => setTimeout(r, 2000));
      const head = await api.rpc.chain.getFinalizedHead();
      finalized = (await api.rpc.chain.getHeader(head)).number.toNumber();
    }
    assert.equal((await api.query.sudo.key()).isNone, true);
    assert.deepEqual((await api.call.councilApi.members()).map((m) => m.toNumber()), [0, 1]);
    const set = await api.call.validatorsApi.validatorSet();
    assert.deepEqual(set.current.map((v) => v.department.unwrap().toNumber()).sort(), [0, 1]);
    assert.equal((await api.rpc.system.chain()).toString(), 'Ceremony City');
  });
});
