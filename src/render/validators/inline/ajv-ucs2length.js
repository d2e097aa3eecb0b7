// @ts-check
/**
 * Replaces `require("ajv/dist/runtime/ucs2length").default`: a string's length in code points, which
 * `minLength`/`maxLength` count (a surrogate pair is one character).
 * @param {string} str
 * @returns {number}
 */
export function idemgenUcs2length(str) {
  let length = 0;
  for (const _ of str) length++;
  return length;
}
