import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idemgenEqual } from '../../../../src/render/validators/inline/ajv-equal.js';
import { idemgenUcs2length } from '../../../../src/render/validators/inline/ajv-ucs2length.js';
import { idemgenCheckResponse } from '../../../../src/render/validators/inline/check-response.js';
import { idemgenErrors, idemgenEscape } from '../../../../src/render/validators/inline/errors.js';
import {
  idemgenDate,
  idemgenDateTime,
  idemgenRegex,
  idemgenTime,
  idemgenUri,
} from '../../../../src/render/validators/inline/formats.js';
import { idemgenCopy } from '../../../../src/render/validators/inline/input-copy.js';
import { idemgenRegExp } from '../../../../src/render/validators/inline/reg-exp.js';
import {
  INLINE_SOURCE_DIR,
  inlineSource,
  moduleToInlineSource,
} from '../../../../src/render/validators/inline-runtime.js';

describe('the helpers inlined into validators.js', () => {
  it('compares deeply, NaN equal to NaN, arrays and objects by members', () => {
    expect(idemgenEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(idemgenEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(idemgenEqual([1, 2], [2, 1])).toBe(false);
    expect(idemgenEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(idemgenEqual({}, [])).toBe(false);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(idemgenUcs2length('a😀')).toBe(2);
  });

  it('compiles a pattern with the u flag, else without it', () => {
    expect(idemgenRegExp('\\_', 'u').flags).toBe('');
    expect(idemgenRegExp('a', 'u').flags).toBe('u');
    expect(() => idemgenRegExp('(', '')).toThrow(SyntaxError);
  });

  it('checks RFC 3339 dates and times, with leap years and leap seconds', () => {
    expect(idemgenDate('2024-02-29')).toBe(true);
    expect(idemgenDate('2023-02-29')).toBe(false);
    expect(idemgenDate('1900-02-29')).toBe(false);
    expect(idemgenTime('23:59:60Z', true)).toBe(true);
    expect(idemgenTime('12:00:00', true)).toBe(false);
    expect(idemgenTime('12:00:00', false)).toBe(true);
    expect(idemgenDateTime('2024-01-01T12:00:00+01:00', true)).toBe(true);
    expect(idemgenDateTime('2024-01-01', true)).toBe(false);
  });

  it('checks URIs and ECMAScript regular expressions', () => {
    expect(idemgenUri('https://example.com/a?b')).toBe(true);
    expect(idemgenUri('/relative')).toBe(false);
    expect(idemgenRegex('^a+$')).toBe(true);
    expect(idemgenRegex('a\\Z')).toBe(false);
    expect(idemgenRegex('(')).toBe(false);
  });

  it('maps ajv errors to escaped pointers, once each, at most 50', () => {
    expect(idemgenEscape('a/b~c')).toBe('a~1b~0c');
    const out = idemgenErrors(
      [
        { keyword: 'required', instancePath: '', params: { missingProperty: 'a/b' }, message: 'x' },
        { keyword: 'required', instancePath: '', params: { missingProperty: 'a/b' }, message: 'x' },
        { keyword: 'additionalProperties', instancePath: '/n', params: { additionalProperty: 'z' } },
      ],
      '/body',
      [],
    );
    expect(out).toEqual([
      { pointer: '/body/a~1b', message: 'is required' },
      { pointer: '/body/n/z', message: 'is invalid' },
    ]);
    const many = Array.from({ length: 60 }, (_, i) => ({ keyword: 'type', instancePath: `/${i}` }));
    expect(idemgenErrors(many, '', [])).toHaveLength(50);
  });

  it('copies parameters onto a record without a prototype, lower-casing header names', () => {
    const values = { 'X-Id': ['1'], constructor: undefined };
    const copy = idemgenCopy({ 'X-Id': ['1'] }, true);
    expect(copy['x-id']).toEqual(['1']);
    expect(copy['x-id']).not.toBe(values['X-Id']);
    expect('constructor' in copy).toBe(false);
  });

  it('picks the exact status, else its range, else default', () => {
    const ok = Object.assign(() => true, { errors: null });
    const bad = Object.assign(() => false, {
      errors: [{ keyword: 'type', instancePath: '/a', message: 'm' }],
    });
    expect(idemgenCheckResponse({ '201': ok, '2XX': bad }, 201, {})).toBeNull();
    expect(idemgenCheckResponse({ '201': ok, '2XX': bad }, 200, {})).toEqual([
      { pointer: '/body/a', message: 'm' },
    ]);
    expect(idemgenCheckResponse({ default: bad }, 500, {})).toHaveLength(1);
    expect(idemgenCheckResponse({ '204': null }, 204, {})).toBeNull();
    expect(idemgenCheckResponse({}, 418, {})).toBeNull();
  });
});

describe('inlining', () => {
  it('removes the pragma, imports, exports, JSDoc and lint suppressions', () => {
    const text = [
      '// @ts-check',
      "import { a } from './a.js';",
      '',
      '/**',
      ' * @param {string} s',
      ' */',
      'export function f(s) {',
      '  // biome-ignore lint/x: y',
      '  return /** @type {any} */ (s);',
      '}',
      '',
    ].join('\n');
    expect(moduleToInlineSource(text)).toBe('function f(s) {\n  return (s);\n}');
  });

  it('leaves every helper a script that needs nothing: no import, export or type left', () => {
    const files = readdirSync(INLINE_SOURCE_DIR).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const script = files.map(inlineSource).join('\n');
    expect(script).not.toMatch(/^(?:import|export)\b|@ts-|@param|@type/m);
    // One script with every helper parses and defines them (a syntax error or a duplicate name throws).
    const names = new Function(`${script}\nreturn [typeof idemgenEqual, typeof idemgenCheckResponse];`)();
    expect(names).toEqual(['function', 'function']);
  });
});
