// Once validators are back, a node's finality must reach a target: the best block it knew when this
// check started or, given a reference node, the reference's finalized block at that moment (for a
// node that restarted and must catch up). Returns the seconds it took (at least 1).
// Usage: `alice: js-script ./js/finality-catches-up.js return is greater than 0 within 120 seconds`
//        `dave: js-script ./js/finality-catches-up.js with "alice" return is greater than 0 within 90 seconds`

const { connect, bestNumber, finalizedNumber, waitFor } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const api = await connect(networkInfo, nodeName);
  const started = Date.now();
  let target = await bestNumber(api);
  if (args.length > 0) {
    const reference = await connect(networkInfo, args[0]);
    target = await finalizedNumber(reference);
    await reference.disconnect();
  }
  const stalledAt = await finalizedNumber(api);
  await waitFor(`finality to reach #${target} on ${nodeName}`,
    async () => (await finalizedNumber(api)) >= target, { timeoutMs: 110_000 });
  const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
  console.log(`${nodeName}: finality resumed from #${stalledAt} and reached #${target} in ${seconds} s`);
  await api.disconnect();
  return seconds;
}

module.exports = { run };
