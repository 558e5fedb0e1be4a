// Passes a council motion on the network: //Bob (Public Security Bureau) proposes, and the
// councillors of Market Regulation, Planning and Housing (//Charlie, //Dave, //Eve) vote aye: four
// of the five member departments, the two thirds a `Network` call needs. Args: the call
// (`addValidator,<uri>,<department>`, `removeValidator,<uri>` or `registerNode,<node name>,
// <department>`, the node's peer id derived as zombienet derives its key, from its name), the
// department by the demo city's name for it (`HOUSING`: tests/e2e/demo-city.json, which the
// runtime renders). Returns 1 once the motion's call was dispatched without error.
// Usage: `alice: js-script ./js/council-motion.js with "addValidator,//Eve,HOUSING" return is equal to 1 within 90 seconds`

const { connect, peerId } = require('./common.js');
const { departments } = require('../../tests/e2e/demo-city.json');

/** The id of the demo city's department called `name` (`HOUSING`). */
function departmentId(name) {
  if (!(name in departments)) throw new Error(`no department ${name} in the demo city`);
  return departments[name];
}

/** Submits `tx` signed by `pair` and resolves with the events of its block. */
function submit(tx, pair) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(pair, ({ status, events, dispatchError }) => {
      if (dispatchError) reject(new Error(`${tx.method.section}.${tx.method.method} failed: ${dispatchError.toString()}`));
      else if (status.isInBlock) resolve(events.map(({ event }) => event));
    }).catch(reject);
  });
}

async function run(nodeName, networkInfo, args) {
  const [method, uri, department] = args;
  const api = await connect(networkInfo, nodeName);
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  const calls = {
    addValidator: () => api.tx.validators.addValidator(keyring.addFromUri(uri).address, departmentId(department)),
    removeValidator: () => api.tx.validators.removeValidator(keyring.addFromUri(uri).address),
    registerNode: () => api.tx.nodes.registerNode(peerId(uri), departmentId(department)),
  };
  if (!calls[method]) throw new Error(`unknown call ${method}`);
  const call = calls[method]();
  const [proposer, ...voters] = ['//Bob', '//Charlie', '//Dave', '//Eve'].map((u) => keyring.addFromUri(u));

  const proposed = await submit(api.tx.council.propose(call, `0x${'11'.repeat(32)}`, null), proposer);
  const motion = proposed.find((e) => e.section === 'council' && e.method === 'MotionProposed').data.motion;
  let executed;
  for (const voter of voters) {
    const events = await submit(api.tx.council.vote(motion, true), voter);
    executed = events.find((e) => e.section === 'council' && e.method === 'MotionExecuted') ?? executed;
  }
  await api.disconnect();
  if (!executed) throw new Error(`motion ${motion} (${method} ${uri}) was not executed with four ayes`);
  if (!executed.data.result.isOk) throw new Error(`motion ${motion} failed: ${executed.data.result.toString()}`);
  console.log(`motion ${motion}: ${method} ${uri} executed`);
  return 1;
}

module.exports = { run };
