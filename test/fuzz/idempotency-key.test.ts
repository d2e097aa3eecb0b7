/**
 * Property tests of key parsing (src/runtime/idempotency/extract-key.ts): a header key of 1 to 255 visible
 * ASCII characters is accepted bare or as the draft's structured-field string (`"abc"`, `\"` and `\\`
 * escapes), gives the same key either way, with or without optional white space (SP, HTAB) around it, from a
 * plain header record or a Web `Headers`; anything else is invalid (`idempotency-key-invalid`); it never
 * throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIdempotencyKey } from '../../src/runtime/idempotency/extract-key.js';
import type { HeadersLike, IdempotencyKeySource } from '../../src/runtime/idempotency/types.js';
import { fuzzParameters } from './fuzz-settings.js';

const SOURCE: IdempotencyKeySource = { in: 'header', name: 'Idempotency-Key' };
const extract = (headers: HeadersLike) =>
  extractIdempotencyKey({ source: SOURCE, request: { method: 'POST', pathTemplate: '/x', headers } });
const fromValue = (value: string | string[]) => extract({ 'idempotency-key': value });

const VISIBLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
const visibleCharArb = fc.constantFrom(...VISIBLE);
const keyArb = fc.string({ unit: visibleCharArb, minLength: 1, maxLength: 255 });
const owsArb = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });

const quote = (key: string) => `"${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** The reference reading, from the contract's words and RFC 8941's sf-string. */
function referenceKey(value: string): string | undefined {
  const text = value.replace(/^[ \t]+|[ \t]+$/g, '');
  let key = text;
  if (text.startsWith('"')) {
    const match = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(text);
    if (!match) return undefined;
    key = match[1]!.replace(/\\(["\\])/g, '$1');
  }
  return /^[\x21-\x7e]{1,255}$/.test(key) ? key : undefined;
}

/** Header values near the grammar: key characters, quotes, backslashes, white space, controls, non-ASCII. */
const nearKeyArb = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: visibleCharArb },
    { weight: 2, arbitrary: fc.constantFrom('"', '\\', ' ', '\t') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '\0',
        '\n',
        '\r',
        '\v',
        '\f',
        '\x7f',
        '\u00a0',
        '\u00e9',
        '\u2028',
        '\ufeff',
        '\ud800',
      ),
    },
  ),
  maxLength: 20,
});

describe('idempotency key parsing (regressions found by fuzzing)', () => {
  // `String.prototype.trim` took these off the ends, so the key was accepted as `abc`.
  it.each([
    ['abc\u00a0'],
    ['\u00a0abc'],
    ['abc\v'],
    ['\fabc'],
    ['abc\u2028'],
    ['\ufeffabc'],
    ['"abc"\u00a0'],
    ['abc\r\n'],
  ])('%j is invalid: control and non-ASCII characters are not white space around a key', (value) => {
    expect(fromValue(value)).toMatchObject({ kind: 'invalid' });
  });
});

describe('idempotency key parsing (property)', () => {
  it('accepts every key of 1 to 255 visible ASCII characters, bare and quoted, as the same key', () => {
    fc.assert(
      fc.property(keyArb, owsArb, owsArb, (key, before, after) => {
        const quoted = fromValue(`${before}${quote(key)}${after}`);
        expect(quoted).toEqual({ kind: 'present', key });
        expect(extract(new Headers({ 'Idempotency-Key': quote(key) }))).toEqual({ kind: 'present', key });
        if (!key.startsWith('"')) {
          expect(fromValue(`${before}${key}${after}`)).toEqual({ kind: 'present', key });
          expect(extract(new Headers({ 'IDEMPOTENCY-KEY': key }))).toEqual({ kind: 'present', key });
          expect(fromValue([key])).toEqual({ kind: 'present', key });
        }
      }),
      fuzzParameters(1_000),
    );
  });

  it('refuses keys longer than 255, bare or quoted, and empty ones', () => {
    fc.assert(
      fc.property(fc.string({ unit: visibleCharArb, minLength: 256, maxLength: 600 }), (key) => {
        expect(fromValue(quote(key))).toMatchObject({ kind: 'invalid' });
        if (!key.startsWith('"')) expect(fromValue(key)).toMatchObject({ kind: 'invalid' });
      }),
      fuzzParameters(200),
    );
    for (const value of ['', ' ', '\t', '""', ' "" '])
      expect(fromValue(value)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses a key sent twice', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        expect(fromValue([a, b])).toMatchObject({ kind: 'invalid' });
      }),
      fuzzParameters(200),
    );
  });

  it('reads any value exactly as the reference does (controls, non-ASCII, unbalanced quotes, bad escapes)', () => {
    fc.assert(
      fc.property(fc.oneof(nearKeyArb, fc.string({ unit: 'binary', maxLength: 30 })), (value) => {
        const expected = referenceKey(value);
        const got = fromValue(value);
        if (expected === undefined) expect(got).toMatchObject({ kind: 'invalid' });
        else expect(got).toEqual({ kind: 'present', key: expected });
      }),
      fuzzParameters(3_000),
    );
  });

  it('never throws, whatever the headers hold', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constant('idempotency-key'), fc.constant('Idempotency-Key'), fc.string()),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined)),
        ),
        (headers) => {
          const got = extract(headers);
          expect(['present', 'absent', 'invalid']).toContain(got.kind);
        },
      ),
      fuzzParameters(1_000),
    );
  });
});
