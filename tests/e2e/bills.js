// Bills as a utility's billing system prepares them, shared by the e-bills and audit tests.

import { blake2AsHex } from '@polkadot/util-crypto';

/** An electricity bill of the October run, as the utility's billing system prepares it. */
export function electricity(run, i, payer) {
  const amount = 10_000 + (i % 97) * 113; // fen, VAT included
  return {
    number: `E-${run}-${String(i).padStart(7, '0')}`,
    payer,
    kind: 'Electricity',
    amount,
    taxAmount: Math.floor((amount * 13) / 113),
    currency: 'CNY',
    contentHash: blake2AsHex(`bill document ${run}/${i}`),
    due: 432_000,
  };
}
