// Waits until a new block is authored by a validator with the Aura key its account registered
// (`session.nextKeys`; none yet counts as not authored), while sampling finality every second: it fails if the finalized block ever
// lags the best one by more than `maxLag`. With `rotated`, the registered key must differ from
// the account's development key (the rotation took effect). Args: the account URI, the largest
// lag allowed, and optionally `rotated`. Returns the block number.
// Usage: `alice: js-script ./js/authored.js with "//Eve,6" return is greater than 0 within 240 seconds`

const { connect, bestNumber, finalizedNumber, hex, sleep, authorKey } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const [uri, maxLagArg, rotated] = args;
  const maxLag = Number(maxLagArg);
  const api = await connect(networkInfo, nodeName);
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const account = keyring.addFromUri(uri);
  let checked = await bestNumber(api);
  let worst = 0;
  for (;;) {
    const best = await bestNumber(api);
    const lag = best - (await finalizedNumber(api));
    worst = Math.max(worst, lag);
    if (lag > maxLag) throw new Error(`finality lagged ${lag} blocks behind #${best} (at most ${maxLag})`);
    const keys = await api.query.session.nextKeys(account.address);
    const registered = keys.isSome ? keys.unwrap().aura.toHex() : null;
    if (rotated === 'rotated' && registered === hex(account.publicKey)) {
      throw new Error(`${uri} still has its development Aura key registered`);
    }
    for (let n = checked + 1; n <= best; n += 1) {
      const author = await authorKey(api, n);
      if (author === registered) {
        console.log(`#${n} authored by ${uri} (${registered}); worst finality lag ${worst}`);
        await api.disconnect();
        return n;
      }
    }
    checked = best;
    await sleep(1000);
  }
}

module.exports = { run };
