// The auditors' node keeps every state: reading an account's balance at block 1, far below the
// validators' pruning window, works on the auditor (archive) and is refused by a validator that
// prunes. Args: the pruning validator's name. Returns the number of the block read.
// Usage: `auditor: js-script ./js/archive.js with "alice" return is equal to 1 within 60 seconds`

const { connect, finalizedNumber } = require('./common.js');

async function run(nodeName, networkInfo, args) {
  const auditor = await connect(networkInfo, nodeName);
  const validator = await connect(networkInfo, args[0]);
  const finalized = await finalizedNumber(auditor);
  if (finalized < 30) throw new Error(`only ${finalized} blocks finalized: block 1 is not old enough yet`);
  const hash = await auditor.rpc.chain.getBlockHash(1);
  const key = auditor.query.system.number.key();
  const archived = await auditor.rpc.state.getStorage(key, hash);
  if (archived.isNone || auditor.createType('u32', archived.unwrap()).toNumber() !== 1) {
    throw new Error(`the auditor has no state at #1: ${archived.toString()}`);
  }
  let pruned = false;
  try {
    await validator.rpc.state.getStorage(key, hash);
  } catch (e) {
    pruned = /discarded|pruned|not found|Unknown block/i.test(e.message);
    if (!pruned) throw e;
  }
  if (!pruned) throw new Error(`${args[0]} still has the state of #1: it was meant to prune it`);
  console.log(`state of #1 (of ${finalized} finalized): on the archive auditor, pruned on ${args[0]}`);
  await Promise.all([auditor.disconnect(), validator.disconnect()]);
  return 1;
}

module.exports = { run };
