// At the end: every node reports the same finalized block at a common height, with the same
// state root, and the same storage under the Civitas pallets and System. Returns the height.
// Usage: `alice: js-script ./js/state-agreement.js return is greater than 0 within 120 seconds`

const { connect, finalizedNumber } = require('./common.js');

const NODES = ['alice', 'bob', 'charlie', 'dave', 'auditor'];
const PALLETS = ['System', 'Departments', 'CivicIdentity', 'CreditRecords'];

/** A digest of every key and value under `prefix` at block `at`. */
async function digest(api, prefix, at) {
  const { blake2AsHex, xxhashAsHex } = zombie.util;
  const start = xxhashAsHex(prefix, 128);
  const parts = [];
  let from;
  for (;;) {
    const keys = await api.rpc.state.getKeysPaged(start, 500, from, at);
    if (keys.length === 0) break;
    const values = await api.rpc.state.queryStorageAt(keys, at);
    keys.forEach((key, i) => parts.push(key.toHex(), values[i].toHex()));
    if (keys.length < 500) break;
    from = keys[keys.length - 1];
  }
  return `${parts.length / 2} keys ${blake2AsHex(parts.join(''))}`;
}

async function run(nodeName, networkInfo) {
  const apis = await Promise.all(NODES.map((n) => connect(networkInfo, n)));
  const height = Math.min(...(await Promise.all(apis.map(finalizedNumber))));
  const report = [];
  for (const [i, api] of apis.entries()) {
    const hash = await api.rpc.chain.getBlockHash(height);
    const header = await api.rpc.chain.getHeader(hash);
    const storage = {};
    for (const pallet of PALLETS) storage[pallet] = await digest(api, pallet, hash);
    report.push({ node: NODES[i], hash: hash.toHex(), stateRoot: header.stateRoot.toHex(), storage });
  }
  const [reference] = report;
  for (const r of report) {
    if (r.hash !== reference.hash || r.stateRoot !== reference.stateRoot ||
        JSON.stringify(r.storage) !== JSON.stringify(reference.storage)) {
      throw new Error(`state disagreement at #${height}: ${JSON.stringify(report, null, 1)}`);
    }
  }
  console.log(`all ${NODES.length} nodes agree at finalized #${height}: block ${reference.hash}, state root ${reference.stateRoot}, ${JSON.stringify(reference.storage)}`);
  await Promise.all(apis.map((api) => api.disconnect()));
  return height;
}

module.exports = { run };
