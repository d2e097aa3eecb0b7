// @ts-check
/** At most this many issues are reported for one request part. */
const IDEMGEN_MAX_ERRORS = 50;

/**
 * One JSON pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
 * @param {unknown} name
 * @returns {string}
 */
export function idemgenEscape(name) {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Turns ajv errors into `{ pointer, message }` under a request part (`/body`, or '' for the parameters,
 * whose instance paths already start with `/path`, `/query` or `/headers`), appended to `out` without
 * duplicates. A missing or unexpected property points at the property itself.
 * @param {ReadonlyArray<{ keyword: string, instancePath: string, params?: Record<string, unknown>, message?: string }> | null | undefined} errors
 * @param {string} prefix
 * @param {Array<{ pointer: string, message: string }>} out
 * @returns {Array<{ pointer: string, message: string }>}
 */
export function idemgenErrors(errors, prefix, out) {
  for (const e of errors || []) {
    if (out.length >= IDEMGEN_MAX_ERRORS) break;
    let pointer = prefix + e.instancePath;
    const p = e.params || {};
    if (e.keyword === 'required' && p.missingProperty !== undefined) {
      pointer += `/${idemgenEscape(p.missingProperty)}`;
    } else if (e.keyword === 'additionalProperties' && p.additionalProperty !== undefined) {
      pointer += `/${idemgenEscape(p.additionalProperty)}`;
    }
    const message = e.keyword === 'required' ? 'is required' : e.message || 'is invalid';
    if (!out.some((o) => o.pointer === pointer && o.message === message)) out.push({ pointer, message });
  }
  return out;
}
