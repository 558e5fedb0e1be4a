// A node the council has not registered gets no blocks: the registered nodes' offchain workers
// keep it off their sync protocol. Args: `isolated,<node>` checks that this node is still at
// most at block 3 while `<node>` (a registered one) is past block 20; `synced,<node>` waits until
// this node is within two blocks of `<node>`'s best block. Returns 1, or throws.
// Usage: `outsider: js-script ./js/outsider.js with "isolated,alice" return is equal to 1 within 30 seconds`

const { connect, bestNumber, waitFor } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const [mode, reference] = args;
  const outsider = await connect(networkInfo, nodeName);
  const registered = await connect(networkInfo, reference);
  const heights = async () => [await bestNumber(outsider), await bestNumber(registered)];
  try {
    if (mode === 'isolated') {
      const [own, theirs] = await heights();
      if (theirs <= 20) throw new Error(`${reference} is only at #${theirs}: too early to tell`);
      // A block or two may arrive before the registered nodes import their first block and
      // start refusing; nothing after that.
      if (own > 3) throw new Error(`${nodeName} synced to #${own} (${reference} at #${theirs}) without being registered`);
      console.log(`${nodeName} at #${own} while ${reference} is at #${theirs}`);
      return 1;
    }
    if (mode === 'synced') {
      await waitFor(`${nodeName} to catch up with ${reference}`, async () => {
        const [own, theirs] = await heights();
        return own >= theirs - 2;
      }, { timeoutMs: 110_000, everyMs: 2000 });
      const [own, theirs] = await heights();
      console.log(`${nodeName} synced to #${own} (${reference} at #${theirs})`);
      return 1;
    }
    throw new Error(`unknown mode ${mode}`);
  } finally {
    await Promise.all([outsider.disconnect(), registered.disconnect()]);
  }
}

module.exports = { run };
