// Helpers for submitting extrinsics and reading their outcome, shared by the e2e tests.

import assert from 'node:assert/strict';

/**
 * Signs, submits and waits until the transaction is in a block (`until: 'finalized'` waits for
 * finality); resolves with the events, the dispatch error and that block's hash. The dev chain has
 * one author, so a block never leaves the chain; waiting for finality only costs time. `nonce`
 * lets one signer have several transactions in flight.
 */
export function submit(api, tx, signer, { timeoutMs = 90_000, nonce = -1, until = 'inBlock' } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`${tx.method.section}.${tx.method.method} not finalized in ${timeoutMs} ms`));
    }, timeoutMs);
    tx.signAndSend(signer, { nonce }, (result) => {
      if (result.isError) {
        clearTimeout(timer);
        unsubscribe();
        reject(new Error(`${tx.method.section}.${tx.method.method}: ${result.status.type}`));
      } else if (until === 'inBlock' ? result.status.isInBlock : result.status.isFinalized) {
        clearTimeout(timer);
        unsubscribe();
        resolve({
          events: result.events.map(({ event }) => event),
          dispatchError: result.dispatchError,
          blockHash: until === 'inBlock' ? result.status.asInBlock : result.status.asFinalized,
        });
      }
    })
      .then((u) => { unsubscribe = u; })
      .catch((e) => { clearTimeout(timer); reject(e); });
  });
}

/** `section.Name` of a failed dispatch, decoded from the metadata. */
export function errorName(api, dispatchError) {
  assert.ok(dispatchError, 'the call was expected to fail');
  assert.ok(dispatchError.isModule, `expected a pallet error, got ${dispatchError.toString()}`);
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

export function findEvent(events, section, method) {
  return events.find((e) => e.section === section && e.method === method);
}

/** Submits and expects success; resolves with the events. */
export async function submitOk(api, tx, signer) {
  const { events, dispatchError } = await submit(api, tx, signer);
  assert.equal(dispatchError, undefined,
    dispatchError && `${tx.method.section}.${tx.method.method} failed: ${errorName(api, dispatchError)}`);
  return events;
}

/**
 * Links each `[subject, account]` pair: `registrar` (the subject's registrar department's
 * officer) proposes, the account accepts with its own signature.
 */
export async function linkAccounts(api, registrar, pairs) {
  for (const [subject, account] of pairs) {
    await submitOk(api, api.tx.civicIdentity.proposeLink(subject, account.address), registrar);
    await submitOk(api, api.tx.civicIdentity.acceptLink(subject), account);
  }
}
