// With more than a third of the validators down, GRANDPA must not finalize: waits (after votes in
// flight settle) until `blocks` more blocks are produced and fails if the finalized height moved.
// Returns how many blocks the best is ahead of the finalized one.
// Usage: `alice: js-script ./js/finality-stalls.js with "4" return is greater than 3 within 150 seconds`

const { connect, bestNumber, finalizedNumber, sleep, waitFor } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const blocks = Number(args[0]);
  const api = await connect(networkInfo, nodeName);
  await sleep(12_000); // a round in flight may still complete
  const finalized = await finalizedNumber(api);
  const start = await bestNumber(api);
  await waitFor(`${blocks} new blocks on ${nodeName}`,
    async () => (await bestNumber(api)) >= start + blocks, { timeoutMs: 120_000 });
  const after = await finalizedNumber(api);
  const best = await bestNumber(api);
  if (after !== finalized) {
    throw new Error(`${nodeName}: finality moved from #${finalized} to #${after} with two of four validators down`);
  }
  console.log(`${nodeName}: best #${start} -> #${best}, finalized stayed at #${finalized}`);
  await api.disconnect();
  return best - finalized;
}

module.exports = { run };
