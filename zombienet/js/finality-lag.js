// Samples a node's best and finalized heights every second for `seconds` and fails if the
// finalized block ever lags the best by more than `maxLag`. Returns the largest lag seen plus one
// (so that `return is greater than 0` holds for a lag of 0).
// Usage: `alice: js-script ./js/finality-lag.js with "30,3" return is greater than 0 within 60 seconds`

const { connect, bestNumber, finalizedNumber, sleep } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const [seconds, maxLag] = args.map(Number);
  const api = await connect(networkInfo, nodeName);
  let worst = 0;
  const counts = {};
  for (let i = 0; i < seconds; i += 1) {
    // Best first: a block imported between the two reads must not count as lag.
    const best = await bestNumber(api);
    const finalized = await finalizedNumber(api);
    const lag = best - finalized;
    worst = Math.max(worst, lag);
    counts[lag] = (counts[lag] ?? 0) + 1;
    if (lag > maxLag) {
      throw new Error(`${nodeName}: finalized #${finalized} lags best #${best} by ${lag} > ${maxLag}`);
    }
    await sleep(1000);
  }
  console.log(`${nodeName}: largest finality lag over ${seconds} s: ${worst} block(s); seconds at each lag: ${JSON.stringify(counts)}`);
  await api.disconnect();
  return worst + 1;
}

module.exports = { run };
