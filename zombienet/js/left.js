// After a validator's removal: waits until the session's validators no longer include the account,
// then checks that none of the next `blocks` blocks is authored with its Aura key and that finality
// keeps up (the finalized block at most `maxLag` behind the best at every sample). Args: the
// account URI, `blocks`, `maxLag`. Returns the number of blocks checked.
// Usage: `alice: js-script ./js/left.js with "//Dave,10,6" return is equal to 10 within 240 seconds`

const { connect, bestNumber, finalizedNumber, sleep, authorKey } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const [uri, blocksArg, maxLagArg] = args;
  const [blocks, maxLag] = [Number(blocksArg), Number(maxLagArg)];
  const api = await connect(networkInfo, nodeName);
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const account = keyring.addFromUri(uri);
  const key = (await api.query.session.nextKeys(account.address)).unwrap().aura.toHex();
  const sampleLag = async () => {
    const best = await bestNumber(api);
    const lag = best - (await finalizedNumber(api));
    if (lag > maxLag) throw new Error(`finality lagged ${lag} blocks behind #${best} (at most ${maxLag})`);
    return best;
  };
  for (;;) {
    await sampleLag();
    const validators = (await api.query.session.validators()).map((v) => v.toString());
    if (!validators.includes(account.address)) break;
    await sleep(1000);
  }
  const from = (await bestNumber(api)) + 1;
  let checked = 0;
  while (checked < blocks) {
    const best = await sampleLag();
    for (let n = from + checked; n <= best && checked < blocks; n += 1) {
      const author = await authorKey(api, n);
      if (author === key) throw new Error(`#${n} was authored by ${uri}, removed from the set`);
      checked += 1;
    }
    await sleep(1000);
  }
  console.log(`${uri} authored none of #${from}..#${from + blocks - 1}; finality kept up`);
  await api.disconnect();
  return checked;
}

module.exports = { run };
