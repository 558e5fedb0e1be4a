// A forkless runtime upgrade of a running chain, the way a city performs one: two thirds of the
// council authorize the next release's code hash, anyone applies the code, the next block runs
// the new runtime and its storage migration, and blocks, finality and a Polkadot.js client
// connected throughout carry on.
//
// The chain starts as the previous release left it: the dev chain's genesis with real estate's
// licence rules in the storage-version-1 layout (no longest validity) and the pallet at version 1,
// as spec 105 wrote them. The node runs this build's runtime (spec 112) until the upgrade to the
// next release (spec 113, the same code built with `next-spec-version` by scripts/build.sh); only
// then do migrations run, so the version-1 rules are migrated by the upgrade under test. (Spec 112
// itself cannot read them, which the test shows: that is what the migration is for.)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';

import { properties } from './city.js';
import { errorName, findEvent, submit, submitOk as ok } from './chain.js';
import { connectChain, nodeBinary } from './node.js';

const SPEC = 112;
const NEXT_SPEC = 113;
const { FLAT } = properties;

/** The next release's runtime WASM, as scripts/build.sh --next-runtime writes it. */
function nextRuntime() {
  if (process.env.CIVITAS_NEXT_RUNTIME) return process.env.CIVITAS_NEXT_RUNTIME;
  const target = process.env.CARGO_TARGET_DIR || path.resolve(import.meta.dirname, '..', '..', 'target');
  return path.join(target, 'next-runtime', 'release', 'wbuild', 'civitas-runtime',
    'civitas_runtime.compact.compressed.wasm');
}

/** The storage key of a plain item, or the prefix of a map. */
const storageKey = (pallet, item) => xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
const RULES = storageKey('RealEstate', 'LicenceRules');
const VERSION = storageKey('RealEstate', ':__STORAGE_VERSION__:');

/**
 * The dev chain's raw spec rewritten as spec 105 left its state: every licence rule without the
 * trailing `max_validity` (`None`, one zero byte, in the version-2 encoding) and real estate at
 * storage version 1. Returns the spec file and the number of rules.
 */
function previousReleaseSpec(dir) {
  const raw = execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--raw'],
    { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const spec = JSON.parse(raw);
  const { top } = spec.genesis.raw;
  assert.equal(top[VERSION], '0x0200', 'this build writes real estate at storage version 2');
  let rules = 0;
  for (const [key, value] of Object.entries(top)) {
    if (!key.startsWith(RULES)) continue;
    assert.ok(value.endsWith('00'), `rule ${key} has no longest validity`);
    top[key] = value.slice(0, -2);
    rules += 1;
  }
  top[VERSION] = '0x0100';
  const file = path.join(dir, 'civitas-spec-105.json');
  writeFileSync(file, JSON.stringify(spec));
  return { file, rules };
}

/** What auditors read of every pallet through the runtime APIs, as JSON. */
async function readEverything(api) {
  const subjects = (await api.query.civicIdentity.subjects.keys())
    .map((key) => key.args[0].toHex()).sort();
  const perSubject = await Promise.all(subjects.map((s) => Promise.all([
    api.call.civicIdentityApi.subject(s),
    api.call.civicIdentityApi.credentialsOf(s),
    api.call.creditRecordsApi.creditProfile(s),
    api.call.creditRecordsApi.recordsOf(s),
    api.call.eBillsApi.billsOfPayer(s, null, 50),
    api.call.realEstateApi.propertiesOf(s, null, 50),
    api.call.fundGrantsApi.applicationsOf(s, null, 50),
  ])));
  const everything = {
    departments: await api.call.departmentsApi.departments(),
    schemas: await api.call.civicIdentityApi.schemas(),
    subjects: Object.fromEntries(subjects.map((s, i) => [s, perSubject[i]])),
    properties: await Promise.all([properties.FLAT, properties.SHOP].map((id) => Promise.all([
      api.call.realEstateApi.property(id),
      api.call.realEstateApi.licences(id),
      api.call.realEstateApi.encumbrances(id),
      api.call.realEstateApi.titleHistory(id, null, 20),
    ]))),
    program: await api.call.fundGrantsApi.program(0),
    council: await Promise.all([
      api.call.councilApi.members(), api.call.councilApi.policy(), api.call.councilApi.paused(),
    ]),
    validators: await api.call.validatorsApi.validatorSet(),
  };
  return JSON.parse(JSON.stringify(everything, (_, v) => (v?.toJSON ? v.toJSON() : v)));
}

describe('a forkless runtime upgrade through the council', { timeout: 600_000 }, () => {
  let dir;
  let chain;
  let node;
  let api;
  let k;
  let rules;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-upgrade-'));
    let file;
    ({ file, rules } = previousReleaseSpec(dir));
    chain = await connectChain(['--chain', file, '--alice', '--force-authoring', '--tmp',
      '--unsafe-force-node-key-generation']);
    ({ node, api } = chain);
    k = Object.fromEntries(['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
      .map((name) => [name.toLowerCase(), chain.keyring.addFromUri(`//${name}`)]));
  });

  after(async () => {
    await chain?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const blockNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = async () =>
    (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  async function until(what, check, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  /** Submits a signed extrinsic without decoding its events; resolves with its block's hash. */
  function inBlock(signed) {
    return new Promise((resolve, reject) => {
      api.rpc.author.submitAndWatchExtrinsic(signed, (status) => {
        if (status.isInBlock) resolve(status.asInBlock);
        else if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(status.type));
      }).catch(reject);
    });
  }
  const fireSafety = (doc) => api.tx.realEstate.issueLicence(FLAT, 'FireSafety', doc, null);

  test('the council authorizes the next release and anyone applies it; the chain carries on', async () => {
    assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), SPEC);
    assert.ok(rules > 0);
    assert.equal((await api.rpc.state.getStorage(VERSION)).toHex(), '0x0100');
    // This runtime cannot read the version-1 rules: the housing commission's fire-safety licence
    // finds no rule.
    const { dispatchError } = await submit(api, fireSafety(blake2AsHex('fs-1')), k.eve);
    assert.equal(errorName(api, dispatchError), 'realEstate.LicenceRuleNotFound');
    const beforeUpgrade = await readEverything(api);
    // Data in every pallet: the dev genesis seeds departments, identities with certificates,
    // credit records, bills, two properties with licences, a grant program, the council and the
    // validator set.
    assert.equal(beforeUpgrade.departments.length, 11);
    const subjects = Object.values(beforeUpgrade.subjects);
    assert.ok(subjects.length >= 4);
    for (const column of [1, 3, 4, 5]) {
      assert.ok(subjects.some((s) => s[column].length > 0), `some subject has data in column ${column}`);
    }
    assert.ok(beforeUpgrade.properties.every(([property, licences]) => property && licences.length > 0));
    assert.ok(beforeUpgrade.program && beforeUpgrade.council[0].length === 5);

    // Two thirds of the five members authorize the code hash; a majority is not enough.
    const wasm = readFileSync(nextRuntime());
    const codeHash = blake2AsHex(wasm, 256);
    const proposed = findEvent(await ok(api,
      api.tx.council.propose(api.tx.council.authorizeUpgrade(codeHash), blake2AsHex(`spec ${NEXT_SPEC}`), null),
      k.bob), 'council', 'MotionProposed');
    assert.equal(proposed.data.class.toString(), 'Upgrade');
    const motion = proposed.data.motion.toNumber();
    await ok(api, api.tx.council.vote(motion, true), k.charlie);
    await ok(api, api.tx.council.vote(motion, true), k.dave);
    assert.equal((await api.query.system.authorizedUpgrade()).isNone, true, 'three of five do not authorize');
    const authorized = findEvent(await ok(api, api.tx.council.vote(motion, true), k.eve),
      'system', 'UpgradeAuthorized');
    assert.equal(authorized.data.codeHash.toHex(), codeHash);

    // Anyone (here the tax bureau's officer, no councillor) applies the authorized code.
    const apply = await api.tx.system.applyAuthorizedUpgrade(u8aToHex(wasm)).signAsync(k.ferdie);
    const upgradeBlock = await inBlock(apply);
    const upgradedAt = (await api.rpc.chain.getHeader(upgradeBlock)).number.toNumber();

    // The code is in that block's state: RPC reports the new version, and Polkadot.js (the same
    // client, connected throughout) follows with the new metadata.
    await until(`spec ${NEXT_SPEC} over RPC`,
      async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === NEXT_SPEC);
    await until(`Polkadot.js on spec ${NEXT_SPEC}`, async () => api.runtimeVersion.specVersion.toNumber() === NEXT_SPEC);

    // The first block on the new code runs the migrations and records the version it upgraded
    // to: then real estate is at version 2 with every rule readable, open-ended as before.
    await until(`the first block of spec ${NEXT_SPEC}`, async () =>
      (await api.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber() === NEXT_SPEC);
    assert.equal((await api.rpc.state.getStorage(VERSION)).toHex(), '0x0200');
    const migrated = await api.query.realEstate.licenceRules.entries();
    assert.equal(migrated.length, rules);
    for (const [, rule] of migrated) {
      assert.equal(rule.unwrap().maxValidity.isNone, true);
      assert.ok(rule.unwrap().departments.length > 0);
    }

    // Polkadot.js 16 refreshes only the V14 metadata of a long-lived client on an upgrade, and
    // writes it into the registry it used for the old runtime: `api.call.*` (runtime APIs,
    // described only from V15 on) is gone, and the old runtime's blocks no longer decode
    // (`system.events` of the upgrade block fails). Transactions, storage and events of new
    // blocks carry on in that client, as the rest of this test shows with `api`. An auditor's
    // tool opens a fresh client when the version changes; that one reads the upgrade block's
    // events with the metadata of the code that executed it, and the runtime APIs.
    const fresh = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      assert.equal(fresh.runtimeVersion.specVersion.toNumber(), NEXT_SPEC);
      const applied = (await (await fresh.at(upgradeBlock)).query.system.events())
        .map(({ event }) => event);
      assert.ok(findEvent(applied, 'system', 'CodeUpdated'), 'CodeUpdated');
      assert.equal(findEvent(applied, 'system', 'ExtrinsicFailed'), undefined);
      // Every pallet's data reads the same through the runtime APIs.
      assert.deepEqual(await readEverything(fresh), beforeUpgrade);
    } finally {
      await fresh.disconnect();
    }

    // The migrated rule works: the same licence is issued now, through the same client.
    const issued = findEvent(await ok(api, fireSafety(blake2AsHex('fs-1')), k.eve),
      'realEstate', 'LicenceIssued');
    assert.equal(issued.data.department.toNumber(), 3);

    // Blocks and finality go on past the upgrade.
    await until('three more blocks', async () => (await blockNumber()) >= upgradedAt + 3);
    await until('finality past the upgrade', async () => (await finalized()) > upgradedAt + 1);
  });
});
