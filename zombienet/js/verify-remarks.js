// Every remark `civitas-zombienet-<i>` for i < total must be in a finalized block exactly once,
// and every node (validators and the auditors' node) must have finalized those same blocks.
// Returns the number of remarks found.
// Usage: `alice: js-script ./js/verify-remarks.js with "200" return is equal to 200 within 240 seconds`

const { connect, finalizedNumber, waitFor } = require('./common.js');

const NODES = ['alice', 'bob', 'charlie', 'dave', 'auditor'];

async function run(nodeName, networkInfo, args) {
  const total = Number(args[0]);
  const api = await connect(networkInfo, nodeName);
  const { blake2AsHex } = zombie.util;
  const expected = new Map();
  for (let i = 0; i < total; i += 1) expected.set(blake2AsHex(`civitas-zombienet-${i}`), i);

  // Scan finalized blocks until every remark has been seen.
  const seen = new Map(); // remark index -> [block numbers]
  let scanned = 0;
  await waitFor(`${total} remarks finalized on ${nodeName}`, async () => {
    const head = await finalizedNumber(api);
    for (let n = scanned + 1; n <= head; n += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      for (const { event } of await at.query.system.events()) {
        if (event.section !== 'system' || event.method !== 'Remarked') continue;
        const i = expected.get(event.data[1].toHex());
        if (i !== undefined) seen.set(i, [...(seen.get(i) ?? []), n]);
      }
      scanned = n;
    }
    return seen.size === total;
  }, { timeoutMs: 200_000, everyMs: 2000 });

  const twice = [...seen].filter(([, blocks]) => blocks.length > 1);
  if (twice.length > 0) throw new Error(`remarks included more than once: ${JSON.stringify(twice)}`);

  // The same blocks, by hash, are finalized on every node.
  const heights = [...new Set([...seen.values()].flat())].sort((a, b) => a - b);
  const last = heights[heights.length - 1];
  for (const other of NODES) {
    const node = await connect(networkInfo, other);
    await waitFor(`${other} to finalize #${last}`, async () => (await finalizedNumber(node)) >= last,
      { timeoutMs: 120_000 });
    for (const n of heights) {
      const [mine, theirs] = await Promise.all([
        api.rpc.chain.getBlockHash(n), node.rpc.chain.getBlockHash(n)]);
      if (!mine.eq(theirs)) throw new Error(`${other} has ${theirs.toHex()} at #${n}, ${nodeName} ${mine.toHex()}`);
    }
    await node.disconnect();
  }
  console.log(`all ${total} remarks finalized exactly once, in blocks #${heights[0]}..#${last}, on ${NODES.join(', ')}`);
  await api.disconnect();
  return seen.size;
}

module.exports = { run };
