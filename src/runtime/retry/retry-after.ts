/** Anything with a case-insensitive `get`, such as `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

const SECONDS = /^\s*(\d+)\s*$/;
/** HTTP-date forms (IMF-fixdate, RFC 850, asctime) all start with a day name. */
const HTTP_DATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i;
const MILLISECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * The server's wait hint in milliseconds, or `undefined`: `retry-after-ms` (milliseconds, preferred when
 * valid), else `Retry-After` as delay-seconds or an HTTP date (relative to `now`, never below 0).
 * Malformed values are ignored.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 RFC 9110 section 10.2.3, Retry-After
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7 RFC 9110 section 5.6.7, HTTP-date
 */
export const parseRetryAfter = ({
  headers,
  now,
}: {
  headers: HeaderReader;
  now: number;
}): number | undefined => {
  const ms = headers.get('retry-after-ms');
  const msMatch = ms === null ? null : MILLISECONDS.exec(ms);
  if (msMatch?.[1] !== undefined) return Number(msMatch[1]);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = SECONDS.exec(value);
  if (seconds?.[1] !== undefined) return Number(seconds[1]) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime dates carry no zone; HTTP dates are always GMT.
  const date = Date.parse(/gmt/i.test(value) ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};
