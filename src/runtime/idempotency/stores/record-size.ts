import type { IdempotencyRecord } from '../store.js';

/** A flat allowance per record for the objects, numbers and map slot around its strings. */
export const RECORD_OVERHEAD_BYTES = 128;

/**
 * The approximate memory a record holds: its strings at two bytes per UTF-16 code unit (what a JS engine
 * may use) plus a flat overhead. Cheap to compute and monotone in the body size, which is what the memory
 * store's byte bound needs; it is not an exact heap measurement.
 */
export function recordToBytes(record: IdempotencyRecord): number {
  let units = record.key.length + record.fingerprint.length + record.token.length;
  const outcome = record.outcome;
  if (outcome !== undefined) {
    units += outcome.body.length;
    const { headers } = outcome;
    for (const name in headers) units += name.length + (headers[name]?.length ?? 0);
  }
  return RECORD_OVERHEAD_BYTES + units * 2;
}
