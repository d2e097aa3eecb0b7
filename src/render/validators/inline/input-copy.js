// @ts-check
// A copy for ajv to coerce: its coercion replaces top-level properties and items of array values, so the
// object and its arrays are copied (cheaper than structuredClone per request), nothing deeper. The copy has
// no Object.prototype behind it (as the runtime's records): a parameter named `constructor` is absent
// unless sent (an inherited member satisfied ajv's `required`), and `__proto__` is a plain value.

/** @type {{ new (): Record<string, unknown> }} */
export const IdemgenRecord = /** @type {any} */ (function IdemgenRecord() {});
IdemgenRecord.prototype = Object.freeze(Object.create(null));

/**
 * @param {Record<string, unknown> | undefined} values
 * @param {boolean} lower Whether names are lower-cased (headers).
 * @returns {Record<string, unknown>}
 */
export function idemgenCopy(values, lower) {
  const out = new IdemgenRecord();
  for (const [name, value] of Object.entries(values || {})) {
    out[lower ? name.toLowerCase() : name] = Array.isArray(value) ? value.slice() : value;
  }
  return out;
}
