// @ts-check
/**
 * A `pattern` as ECMAScript reads it: with the `u` flag, else without it when only that is valid (a bare
 * `{` or an identity escape such as `\_`, common in public specs). ajv's standalone code calls it by name.
 * @param {string} pattern
 * @param {string} flags
 * @returns {RegExp}
 */
export function idemgenRegExp(pattern, flags) {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    if (!flags.includes('u')) throw error;
    return new RegExp(pattern, flags.replace('u', ''));
  }
}
