/**
 * The one rule for matching a response status against the statuses a contract names, as OpenAPI writes
 * them: an exact code (`201` or `'201'`), a range (`'2XX'`, any case), or `'default'` (any status).
 * Used by the client (declared statuses), the server (declared statuses, with `validateResponses`), the
 * idempotency engine (`x-idempotency.replay`) and the retry policy (`x-retry.retryOn`).
 *
 * @see https://spec.openapis.org/oas/v3.1.0#patterned-fields-0 (Responses Object: ranges and `default`)
 */

/** A status as a contract names it: `201`, `'201'`, `'2XX'`, `'default'`. */
export type StatusPattern = string | number;

const RANGE = /^[1-5]XX$/i;

/** True for a range pattern such as `2XX` (any case). */
export const isStatusRange = (pattern: StatusPattern): boolean => RANGE.test(String(pattern));

/** True when `status` matches `pattern`: the exact code, its `NXX` range, or `default`. */
export const matchesStatusPattern = (status: number, pattern: StatusPattern): boolean => {
  const text = String(pattern);
  if (text.toLowerCase() === 'default') return true;
  if (RANGE.test(text)) return Math.floor(status / 100) === Number(text[0]);
  return /^\d{3}$/.test(text) && Number(text) === status;
};

export interface StatusPatternOptions {
  /**
   * Whether `default` matches every status (true: the OpenAPI meaning, for declared responses) or nothing
   * (false: for lists that allow only codes and ranges, such as `x-idempotency.replay`). Default true.
   */
  defaultMatchesAll?: boolean;
}

/** Per pattern list (a route's contract: the same array on every request), its compiled tests. */
type StatusTest = (status: number) => boolean;
const compiledWithDefault = new WeakMap<readonly StatusPattern[], StatusTest>();
const compiledWithoutDefault = new WeakMap<readonly StatusPattern[], StatusTest>();

/**
 * A test for "matches one of `patterns`", compiled once per array (sets of codes and ranges instead of a
 * scan of strings per call), so that hot paths can call it on every response.
 */
export const compileStatusPatterns = (
  patterns: readonly StatusPattern[],
  { defaultMatchesAll = true }: StatusPatternOptions = {},
): StatusTest => {
  const cache = defaultMatchesAll ? compiledWithDefault : compiledWithoutDefault;
  let test = cache.get(patterns);
  if (test === undefined) {
    const ranges = new Set<number>();
    const exact = new Set<number>();
    let any = false;
    for (const pattern of patterns) {
      const text = String(pattern);
      if (text.toLowerCase() === 'default') any = defaultMatchesAll;
      else if (RANGE.test(text)) ranges.add(Number(text[0]));
      else if (/^\d{3}$/.test(text)) exact.add(Number(text));
    }
    test = any ? () => true : (status) => exact.has(status) || ranges.has(Math.floor(status / 100));
    cache.set(patterns, test);
  }
  return test;
};

/** True when `status` matches one of `patterns` (see `compileStatusPatterns`). */
export const matchesStatusPatterns = (
  status: number,
  patterns: readonly StatusPattern[],
  options?: StatusPatternOptions,
): boolean => compileStatusPatterns(patterns, options)(status);
