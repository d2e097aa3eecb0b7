// @ts-check
/**
 * Replaces `require("ajv/dist/runtime/equal").default` in the generated validators (deep equality for
 * `const`, `enum` and `uniqueItems`, as fast-deep-equal): inlined by name, so the module needs no package.
 * @param {any} a
 * @param {any} b
 * @returns {boolean}
 */
export function idemgenEqual(a, b) {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!idemgenEqual(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(b, key) || !idemgenEqual(a[key], b[key])) return false;
    }
    return true;
  }
  // NaN equals NaN, as in fast-deep-equal.
  // biome-ignore lint/suspicious/noSelfCompare: the NaN test
  return a !== a && b !== b;
}
