// @ts-check
// The format checks that ajv-formats (full mode) implements as functions, re-implemented with the same
// meaning: RFC 3339 dates and times (leap years and leap seconds), URIs, regular expressions, byte,
// int32/int64, float/double. `FORMAT_FUNCTIONS` (inline-runtime.ts) names the function of each format.

/**
 * @param {string} s
 * @returns {boolean}
 */
export function idemgenDate(s) {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const year = +(m[1] ?? 0);
  const month = +(m[2] ?? 0);
  const day = +(m[3] ?? 0);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (days[month] ?? 0);
}

/**
 * @param {string} s
 * @param {boolean} strictTimeZone
 * @returns {boolean}
 */
export function idemgenTime(s, strictTimeZone) {
  const m = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i.exec(s);
  if (!m) return false;
  const hr = +(m[1] ?? 0);
  const min = +(m[2] ?? 0);
  const sec = +(m[3] ?? 0);
  const sign = m[5] === '-' ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (strictTimeZone && !m[4])) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/**
 * @param {string} s
 * @param {boolean} strictTimeZone
 * @returns {boolean}
 */
export function idemgenDateTime(s, strictTimeZone) {
  const parts = s.split(/t|\s/i);
  return parts.length === 2 && idemgenDate(parts[0] ?? '') && idemgenTime(parts[1] ?? '', strictTimeZone);
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function idemgenUri(s) {
  if (!/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} s
 * @returns {boolean}
 */
export function idemgenRegex(s) {
  if (/[^\\]\\Z/.test(s)) return false;
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}
