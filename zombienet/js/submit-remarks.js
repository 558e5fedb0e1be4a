// Submits a stream of department officers' transactions (`system.remarkWithEvent`), each signer
// through its own node, with nonces counted locally so that none is lost or duplicated.
// Args: first index, count, milliseconds between submissions, then `signer@node` pairs; remark i
// is `civitas-zombienet-<i>`.
// Returns the number submitted.
// Usage: `alice: js-script ./js/submit-remarks.js with "0,100,150,//Bob@alice,//Charlie@bob" ...`

const { connect, sleep } = require('./common.js');

async function run(_nodeName, networkInfo, args) {
  const [first, count, pauseMs] = args.slice(0, 3).map(Number);
  const routes = args.slice(3).map((pair) => pair.split('@'));
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const apis = {};
  for (const [, node] of routes) apis[node] ??= await connect(networkInfo, node);

  const lanes = [];
  for (const [uri, node] of routes) {
    const pair = keyring.addFromUri(uri);
    const nonce = (await apis[node].rpc.system.accountNextIndex(pair.address)).toNumber();
    lanes.push({ api: apis[node], pair, nonce, node, uri });
  }
  const hashes = [];
  for (let i = first; i < first + count; i += 1) {
    const lane = lanes[i % lanes.length];
    const tx = lane.api.tx.system.remarkWithEvent(`civitas-zombienet-${i}`);
    hashes.push(await tx.signAndSend(lane.pair, { nonce: lane.nonce }));
    lane.nonce += 1;
    await sleep(pauseMs);
  }
  console.log(`submitted remarks ${first}..${first + count - 1} through ${Object.keys(apis).join(', ')}`);
  await Promise.all(Object.values(apis).map((api) => api.disconnect()));
  return hashes.length;
}

module.exports = { run };
