// A validator's operator rotates its session keys without a motion: new keys are generated in the
// node's keystore with a proof of possession (`author_rotateKeysWithOwner`), then the validator's
// account submits them (`session.setKeys`). Args: the validator's account URI. Returns 1.
// Usage: `bob: js-script ./js/rotate-keys.js with "//Bob" return is equal to 1 within 60 seconds`

const { connect, hex } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const api = await connect(networkInfo, nodeName);
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const pair = keyring.addFromUri(args[0]);
  // The Polkadot.js zombienet bundles predates this RPC: call it directly.
  const provider = new zombie.WsProvider(networkInfo.nodesByName[nodeName].wsUri);
  await provider.isReady;
  const { keys, proof } = await provider.send('author_rotateKeysWithOwner', [hex(pair.publicKey)]);
  await provider.disconnect();
  await new Promise((resolve, reject) => {
    api.tx.session.setKeys(keys, proof).signAndSend(pair, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(`session.setKeys failed: ${dispatchError.toString()}`));
      else if (status.isInBlock) resolve();
    }).catch(reject);
  });
  console.log(`${args[0]} set new session keys ${keys}`);
  await api.disconnect();
  return 1;
}

module.exports = { run };
