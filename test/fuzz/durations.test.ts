/**
 * Property tests of the duration parser (src/core/durations.ts): it never throws anything but a
 * `RangeError`, accepts the documented grammar (integer milliseconds, `<digits><unit>` with the units ms, s,
 * m, h, d; a bare digit string is milliseconds; decimals and surrounding white space are tolerated), gives
 * back every exact form of a value, and rejects everything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationOrUndefined, formatDuration, parseDuration } from '../../src/core/durations.js';
import { fuzzParameters } from './fuzz-settings.js';

const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNITS;
const unitArb = fc.constantFrom<Unit>('ms', 's', 'm', 'h', 'd');

/** The largest count of `unit` whose milliseconds are still an exact (safe) integer. */
const maxCount = (unit: Unit) => Math.floor(Number.MAX_SAFE_INTEGER / UNITS[unit]);

/** Strings made of the characters a duration is written with, and some it is not. */
const nearDurationArb = fc.string({
  unit: fc.constantFrom(...'0123456789.msmhd sw-+eE_,x\t\n\u00a0'.split('')),
  maxLength: 12,
});

const throwsOnlyRangeError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
  }
};

describe('parseDuration (regressions found by fuzzing)', () => {
  // Both were accepted: 2^53 ms as it was, `99999999999999999999d` as 8.64e27 ms, 400 nines as Infinity
  // (which the generated route table then wrote as `null`).
  it.each([
    { label: '2^53', value: 9_007_199_254_740_992 },
    { label: '1e300', value: 1e300 },
    { label: '"9007199254740992"', value: '9007199254740992' },
    { label: '104249992d', value: '104249992d' },
    { label: '99999999999999999999d', value: '99999999999999999999d' },
    { label: '400 nines and d', value: `${'9'.repeat(400)}d` },
  ])('rejects $label: its milliseconds are not an exact integer', ({ value }) => {
    expect(() => parseDuration(value)).toThrow(RangeError);
    expect(durationOrUndefined(value)).toBeUndefined();
  });

  it('still reads the largest exact values', () => {
    expect(parseDuration(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseDuration('104249991d')).toBe(104_249_991 * 86_400_000);
  });
});

describe('parseDuration (property)', () => {
  it('never throws anything but a RangeError, and durationOrUndefined never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearDurationArb, fc.double()), (value) => {
        throwsOnlyRangeError(() => parseDuration(value));
        const ms = durationOrUndefined(value);
        if (ms !== undefined) expect(Number.isSafeInteger(ms) && ms >= 0).toBe(true);
      }),
      fuzzParameters(2_000),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const ms = durationOrUndefined(value);
        expect(ms === undefined || Number.isSafeInteger(ms)).toBe(true);
      }),
      fuzzParameters(500),
    );
  });

  it('reads <count><unit>, with a count of any length that fits', () => {
    fc.assert(
      fc.property(
        unitArb.chain((unit) => fc.tuple(fc.constant(unit), fc.integer({ min: 0, max: maxCount(unit) }))),
        fc.nat({ max: 3 }),
        ([unit, count], zeros) => {
          const text = `${'0'.repeat(zeros)}${count}${unit}`;
          expect(parseDuration(text)).toBe(count * UNITS[unit]);
        },
      ),
      fuzzParameters(1_000),
    );
  });

  it('reads integers and digit strings as milliseconds', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (ms) => {
        expect(parseDuration(ms)).toBe(ms);
        expect(parseDuration(String(ms))).toBe(ms);
      }),
      fuzzParameters(1_000),
    );
  });

  it('round-trips: every unit that represents a value exactly gives it back, and so does formatDuration', () => {
    const valueArb = fc.oneof(
      fc.maxSafeNat(),
      unitArb.chain((unit) => fc.nat({ max: maxCount(unit) }).map((count) => count * UNITS[unit])),
    );
    fc.assert(
      fc.property(valueArb, (ms) => {
        for (const [unit, size] of Object.entries(UNITS)) {
          if (ms % size === 0) expect(parseDuration(`${ms / size}${unit}`)).toBe(ms);
        }
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
      fuzzParameters(1_000),
    );
  });

  it('rejects counts whose milliseconds are not an exact integer (too large to be meant)', () => {
    fc.assert(
      fc.property(unitArb, fc.bigInt({ min: 1n, max: 10n ** 400n }), (unit, extra) => {
        const count = BigInt(maxCount(unit)) + extra;
        expect(() => parseDuration(`${count}${unit}`)).toThrow(RangeError);
        expect(durationOrUndefined(`${count}${unit}`)).toBeUndefined();
      }),
      fuzzParameters(500),
    );
    expect(() => parseDuration(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
    expect(() => parseDuration(1e300)).toThrow(RangeError);
  });

  it('rejects whatever is not a duration: accepts exactly the strings of the grammar', () => {
    const grammar = /^\s*\d+(\.\d+)?\s*(ms|s|m|h|d)?\s*$/;
    fc.assert(
      fc.property(fc.oneof(nearDurationArb, fc.string()), (text) => {
        const ms = durationOrUndefined(text);
        if (!grammar.test(text)) expect(ms).toBeUndefined();
        else {
          const [, amount = '', unit = 'ms'] = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?/.exec(text) ?? [];
          const exact = Math.round(Number(amount) * UNITS[unit as Unit]);
          expect(ms).toBe(Number.isSafeInteger(exact) ? exact : undefined);
        }
      }),
      fuzzParameters(3_000),
    );
  });

  it('rejects negative, fractional-free non-finite numbers', () => {
    fc.assert(
      fc.property(fc.double({ max: -Number.MIN_VALUE }), (value) => {
        expect(() => parseDuration(value)).toThrow(RangeError);
      }),
      fuzzParameters(300),
    );
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => parseDuration(value)).toThrow(RangeError);
    }
  });
});
