// The node's command line, as an operator uses it: version, chain specs, keys, and the absence of
// the benchmarking machinery in the production build.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { council, departmentCount } from './city.js';
import { nodeBinary } from './node.js';

const run = (...args) =>
  execFileSync(nodeBinary(), args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024, // chain specs carry the WASM runtime
  });

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

function genesisOf(chain) {
  const spec = JSON.parse(run('export-chain-spec', '--chain', chain));
  return { spec, genesis: spec.genesis.runtimeGenesis.patch };
}

test('civitas-node --version names the binary', () => {
  assert.match(run('--version'), /^civitas-node \d+\.\d+\.\d+/);
});

test('the civitas-local chain spec has four departments\' validators, the seeded departments and a council, no Sudo key', () => {
  const { spec, genesis } = genesisOf('civitas-local');
  assert.equal(spec.id, 'civitas_local');
  assert.equal(spec.telemetryEndpoints, null);
  // A preset is a patch: the session pallet hands Aura and GRANDPA the validators' keys, so the
  // patch leaves Aura's own genesis (no authorities) at its default. Each validator is a
  // department's machine.
  assert.equal(genesis.aura, undefined);
  assert.equal(genesis.session.keys.length, 4);
  assert.deepEqual(genesis.validators.validators.map((v) => v.department), [0, 1, 2, 3]);
  assert.equal(genesis.validators.sessionLength, 10);
  assert.equal(genesis.sudo.key, null);
  assert.deepEqual(genesis.council.members, council);
  assert.equal(genesis.departments.departments[4].roles.includes('Councillor'), true);
  const names = genesis.departments.departments.map((d) => d.name);
  assert.equal(names.length, departmentCount);
  assert.ok(names.includes("Intermediate People's Court"));
});

test('the local chain spec has Alice and Bob as validators', () => {
  const { genesis } = genesisOf('local');
  assert.deepEqual(genesis.session.keys.map(([account]) => account), [ALICE, BOB]);
  assert.deepEqual(genesis.validators.validators.map((v) => v.account), [ALICE, BOB]);
});

test('the dev chain spec has Alice alone, and exports raw', () => {
  const { genesis } = genesisOf('dev');
  assert.deepEqual(genesis.session.keys.map(([account]) => account), [ALICE]);
  const raw = JSON.parse(run('export-chain-spec', '--chain', 'dev', '--raw'));
  assert.ok(Object.keys(raw.genesis.raw.top).length > 10);
});

test('key inspect derives the dev keyring', () => {
  assert.match(run('key', 'inspect', '//Bob'), new RegExp(`SS58 Address:\\s+${BOB}`));
});

test('the node is the production build: benchmark pallet says how to get the benchmarking build', () => {
  // scripts/benchmark.sh builds a node with `--features runtime-benchmarks` in its own target
  // directory; the node the chains run has none of that machinery.
  assert.throws(() => run('benchmark', 'pallet', '--list', '--chain', 'dev'),
    (e) => /build the node with `--features runtime-benchmarks`/.test(e.stderr));
});
