import { describe, expect, it } from 'vitest';
import { formEntriesToObject, objectToFormEntries } from '../../../src/runtime/shared/form-fields.js';

const query = (entries: [string, string | Blob][]) =>
  new URLSearchParams(entries as [string, string][]).toString();
const parse = (text: string, encoding = {}) => {
  const entries: [string, string][] = [];
  new URLSearchParams(text).forEach((value, name) => {
    entries.push([name, value]);
  });
  return formEntriesToObject(entries, { encoding });
};
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('objectToFormEntries', () => {
  it.each([
    ['scalars', { a: 1, b: true, c: 'x', d: null, e: undefined }, {}, 'a=1&b=true&c=x&d='],
    [
      'nested objects in brackets',
      { metadata: { k: 'v', n: { m: 1 } } },
      {},
      'metadata%5Bk%5D=v&metadata%5Bn%5D%5Bm%5D=1',
    ],
    ['arrays of objects indexed', { items: [{ price: 'p' }] }, {}, 'items%5B0%5D%5Bprice%5D=p'],
    ['scalar arrays repeated (form, explode)', { tags: ['a', 'b'] }, {}, 'tags=a&tags=b'],
    [
      'scalar arrays joined (explode: false)',
      { tags: ['a', 'b'] },
      { tags: { explode: false } },
      'tags=a%2Cb',
    ],
    [
      'scalar arrays indexed (deepObject)',
      { tags: ['a'] },
      { tags: { style: 'deepObject' } },
      'tags%5B0%5D=a',
    ],
    ['dates as ISO 8601', { at: new Date(0) }, {}, 'at=1970-01-01T00%3A00%3A00.000Z'],
  ] as const)('%s', (_name, body, encoding, expected) => {
    expect(query(objectToFormEntries(body, encoding))).toBe(expected);
  });

  it('refuses what is not an object of fields, and values it cannot write', () => {
    expect(() => objectToFormEntries('a=1')).toThrow(TypeError);
    expect(() => objectToFormEntries([1])).toThrow(TypeError);
    expect(() => objectToFormEntries({ f: () => 1 })).toThrow(/form field f/);
  });
});

describe('formEntriesToObject', () => {
  it('rebuilds nested objects and arrays, and round-trips what objectToFormEntries writes', () => {
    const body = {
      amount: '1',
      metadata: { a: 'x', 'b c': 'y' },
      items: [{ p: '1' }, { p: '2', q: '3' }],
      tags: ['a', 'b'],
    };
    const parsed = parse(query(objectToFormEntries(body)));
    expect(parsed.ok && plain(parsed.value)).toEqual(body);
  });

  it('repeated names and name[] give arrays; explode: false splits on commas', () => {
    expect(plain(parse('t=a&t=b&u[]=c&v=x,y', { v: { explode: false } }))).toMatchObject({
      value: { t: ['a', 'b'], u: ['c'], v: ['x', 'y'] },
    });
  });

  it('keeps keys that are not a full index run as an object (no sparse arrays)', () => {
    expect(plain(parse('items[5]=a&m[0]=x&m[k]=y'))).toMatchObject({
      value: { items: { 5: 'a' }, m: { 0: 'x', k: 'y' } },
    });
  });

  it('makes __proto__ a plain member, and refuses a name used as a value and with fields', () => {
    const parsed = parse('__proto__[polluted]=1');
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parse('a=1&a[b]=2')).toEqual({
      ok: false,
      pointer: '/body/a',
      message: 'is sent both as a value and with fields',
    });
  });

  it('refuses brackets nested deeper than maxDepth', () => {
    const result = formEntriesToObject([[`a${'[b]'.repeat(5)}`, 'x']], { maxDepth: 4 });
    expect(result).toMatchObject({ ok: false, message: 'is nested deeper than 4 levels' });
  });
});
