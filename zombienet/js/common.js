// Helpers shared by the zombienet JS checks. zombienet loads each script with `require` and calls
// its `run(nodeName, networkInfo, args)`; `zombie` (a global it sets) carries @polkadot/api.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An API connected to the named node of the network. */
async function connect(networkInfo, name) {
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`no node called ${name}`);
  await zombie.util.cryptoWaitReady();
  return zombie.connect(node.wsUri, node.userDefinedTypes);
}

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

async function finalizedNumber(api) {
  const head = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(head)).number.toNumber();
}

/** Polls `check` every `everyMs` until it returns a truthy value or `timeoutMs` passes. */
async function waitFor(what, check, { timeoutMs, everyMs = 1000 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * The Aura key that authored block `n`: the authority of its slot among the authorities of its
 * parent's state.
 */
async function authorKey(api, n) {
  const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
  const digest = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  const slot = api.createType('u64', digest.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/** `0x`-prefixed hex of bytes. */
const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

/**
 * The libp2p peer id (bytes, as hex) of the node zombienet calls `name`: zombienet gives it the
 * ed25519 node key `sha256(name)`, and a peer id is the identity multihash of the public key.
 */
function peerId(name) {
  const seed = require('crypto').createHash('sha256').update(name).digest();
  const { publicKey } = zombie.util.ed25519PairFromSeed(seed);
  return hex(Buffer.concat([Buffer.from([0x00, 0x24, 0x08, 0x01, 0x12, 0x20]), Buffer.from(publicKey)]));
}

module.exports = { sleep, connect, bestNumber, finalizedNumber, waitFor, hex, authorKey, peerId };
