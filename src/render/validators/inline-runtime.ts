/**
 * Source text inlined into the generated validators module, so that it needs nothing at run time: small
 * replacements for the ajv runtime helpers that ajv's standalone output `require`s, the format checks of
 * ajv-formats (full mode) that are functions rather than regular expressions, and the error mapping.
 */

/** Replacements for `require("ajv/dist/runtime/<name>").default`, by name. */
export const RUNTIME_HELPERS: Readonly<Record<string, string>> = {
  equal: `function idemgenEqual(a, b) {
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
      if (!Object.prototype.hasOwnProperty.call(b, key) || !idemgenEqual(a[key], b[key])) return false;
    }
    return true;
  }
  return a !== a && b !== b;
}`,
  ucs2length: `function idemgenUcs2length(str) {
  let length = 0;
  for (const _ of str) length++;
  return length;
}`,
};

/** Format checks that ajv-formats implements as functions, re-implemented with the same meaning. */
export const FORMAT_FUNCTIONS: Readonly<Record<string, string>> = {
  date: 'idemgenDate',
  time: '(s) => idemgenTime(s, true)',
  'date-time': '(s) => idemgenDateTime(s, true)',
  'iso-time': '(s) => idemgenTime(s, false)',
  'iso-date-time': '(s) => idemgenDateTime(s, false)',
  uri: `(s) => {
    if (!/^[a-z][a-z0-9+.-]*:[^\\s]*$/i.test(s)) return false;
    try { new URL(s); return true; } catch { return false; }
  }`,
  regex: `(s) => {
    if (/[^\\\\]\\\\Z/.test(s)) return false;
    try { new RegExp(s, 'u'); return true; } catch { return false; }
  }`,
  byte: '(s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)',
  int32: '(n) => Number.isInteger(n) && n <= 2147483647 && n >= -2147483648',
  int64: '(n) => Number.isInteger(n)',
  float: '() => true',
  double: '() => true',
};

/** Helpers that the format functions above call (RFC 3339 dates and times, leap years and leap seconds). */
export const FORMAT_HELPERS = `function idemgenDate(s) {
  const m = /^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$/.exec(s);
  if (!m) return false;
  const year = +m[1], month = +m[2], day = +m[3];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month];
}
function idemgenTime(s, strictTimeZone) {
  const m = /^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$/i.exec(s);
  if (!m) return false;
  const hr = +m[1], min = +m[2], sec = +m[3];
  const sign = m[5] === '-' ? -1 : 1, tzH = +(m[6] || 0), tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (strictTimeZone && !m[4])) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}
function idemgenDateTime(s, strictTimeZone) {
  const parts = s.split(/t|\\s/i);
  return parts.length === 2 && idemgenDate(parts[0]) && idemgenTime(parts[1], strictTimeZone);
}`;

/**
 * Turns ajv errors into `{ pointer, message }` under a request part (`/body`, or '' for the parameters,
 * whose instance paths already start with `/path`, `/query` or `/headers`). A missing property points at
 * the property itself. At most 50 errors are reported.
 */
export const ERROR_MAPPING = `const IDEMGEN_MAX_ERRORS = 50;
function idemgenEscape(name) {
  return String(name).replace(/~/g, '~0').replace(/\\//g, '~1');
}
function idemgenErrors(errors, prefix, out) {
  for (const e of errors || []) {
    if (out.length >= IDEMGEN_MAX_ERRORS) break;
    let pointer = prefix + e.instancePath;
    const p = e.params || {};
    if (e.keyword === 'required' && p.missingProperty !== undefined) {
      pointer += '/' + idemgenEscape(p.missingProperty);
    } else if (e.keyword === 'additionalProperties' && p.additionalProperty !== undefined) {
      pointer += '/' + idemgenEscape(p.additionalProperty);
    }
    const message = e.keyword === 'required' ? 'is required' : e.message || 'is invalid';
    if (!out.some((o) => o.pointer === pointer && o.message === message)) out.push({ pointer, message });
  }
  return out;
}`;
