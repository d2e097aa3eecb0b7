/**
 * Issue 15, deliverable 3: the specification's own Style Examples table (transcribed in
 * `style-examples.data.ts`), every row and every column that is not n/a, through the client's serializer
 * and the server's parser.
 */
import { describe, expect, it } from 'vitest';
import {
  type ParameterShape,
  type ParameterSpec,
  parseHeaderParameter,
  parsePathParameter,
  parseQueryParameters,
  serializeHeaderParameter,
  serializePathParameter,
  serializeQueryParameter,
} from '../../../src/runtime/shared/parameters/index.js';
import { COLOR, SPEC_VERSION, STYLE_EXAMPLES, type StyleExampleRow } from './style-examples.data.js';

const PATH_STYLES = new Set(['matrix', 'label', 'simple']);

type Column = 'undefined' | 'string' | 'array' | 'object';

/** The column's value as the client passes it, and as the server's parser gives it back (strings). */
const VALUES: Record<
  Exclude<Column, 'undefined'>,
  { shape: ParameterShape; sent: unknown; parsed: unknown }
> = {
  string: { shape: 'primitive', sent: COLOR.string, parsed: 'blue' },
  array: { shape: 'array', sent: COLOR.array, parsed: ['blue', 'black', 'brown'] },
  object: { shape: 'object', sent: COLOR.object, parsed: { R: '100', G: '200', B: '150' } },
};

/** The table's "undefined" column read back for each shape (for a primitive it is the empty string). */
const UNDEFINED_PARSED: Record<ParameterShape, unknown> = { primitive: '', array: [], object: {} };

interface Case {
  row: StyleExampleRow;
  column: Column;
  text: string;
}

const cases: Case[] = STYLE_EXAMPLES.flatMap((row) =>
  (['undefined', 'string', 'array', 'object'] as const).flatMap((column) => {
    const text = row[column];
    return text === null ? [] : [{ row, column, text: text.replace(/^\?/, '') }];
  }),
);

const specFor = (row: StyleExampleRow, shape?: ParameterShape): ParameterSpec => ({
  name: COLOR.name,
  in: PATH_STYLES.has(row.style) ? 'path' : 'query',
  style: row.style,
  explode: row.explode,
  ...(shape === undefined ? {} : { shape }),
});

const label = ({ row, column }: Case) => `${row.style} explode=${row.explode} ${column}`;

/** Where the table's note allows: the unencoded `|`, `[`, `]` some clients send. */
const unencodedForm = (text: string): string =>
  text.replaceAll('%7C', '|').replaceAll('%5B', '[').replaceAll('%5D', ']');

function parse(spec: ParameterSpec, text: string): unknown {
  if (spec.in === 'path') {
    const result = parsePathParameter(spec, text);
    expect(result).toMatchObject({ ok: true });
    return result.ok ? result.value : undefined;
  }
  const { values, issues } = parseQueryParameters([spec], text, [spec.name]);
  expect(issues).toEqual([]);
  return values[spec.name];
}

describe(`the style examples of ${SPEC_VERSION}`, () => {
  it('has every row of the table (7 styles x 2 explode values) and 37 examples that are not n/a', () => {
    expect(STYLE_EXAMPLES).toHaveLength(14);
    expect(cases).toHaveLength(37);
  });

  describe('serializer: the value gives exactly the table text', () => {
    for (const example of cases.filter((c) => c.column !== 'undefined')) {
      it(label(example), () => {
        const { row, column, text } = example;
        const { shape, sent } = VALUES[column as Exclude<Column, 'undefined'>];
        for (const spec of [specFor(row), specFor(row, shape)]) {
          const serialize = spec.in === 'path' ? serializePathParameter : serializeQueryParameter;
          expect(serialize(spec, sent)).toBe(text);
        }
        if (row.style === 'simple') expect(serializeHeaderParameter(specFor(row), sent)).toBe(text);
      });
    }

    for (const example of cases.filter((c) => c.column === 'undefined')) {
      it(`${label(example)}: an empty array or object (and in a path, undefined)`, () => {
        const { row, text } = example;
        expect(serializeQueryOrPath(specFor(row, 'array'), [])).toBe(text);
        expect(serializeQueryOrPath(specFor(row, 'object'), {})).toBe(text);
        if (PATH_STYLES.has(row.style)) {
          expect(serializePathParameter(specFor(row), undefined)).toBe(text);
          expect(serializePathParameter(specFor(row), null)).toBe(text);
        } else {
          expect(serializeQueryParameter(specFor(row), undefined)).toBe('');
          expect(serializeQueryParameter(specFor(row), null)).toBe('');
        }
      });
    }
  });

  describe('parser: the table text gives the value back (numbers as strings)', () => {
    for (const example of cases) {
      it(label(example), () => {
        const { row, column, text } = example;
        const shapes: ParameterShape[] =
          column === 'undefined' ? ['primitive', 'array', 'object'] : [VALUES[column].shape];
        for (const shape of shapes) {
          const expected = column === 'undefined' ? UNDEFINED_PARSED[shape] : VALUES[column].parsed;
          const spec = specFor(row, shape);
          expect(parse(spec, text)).toEqual(expected);
          if (unencodedForm(text) !== text) expect(parse(spec, unencodedForm(text))).toEqual(expected);
          if (row.style === 'simple') {
            expect(parseHeaderParameter({ ...spec, in: 'header' }, text)).toEqual({
              ok: true,
              value: expected,
            });
          }
        }
      });
    }
  });
});

function serializeQueryOrPath(spec: ParameterSpec, value: unknown): string {
  return spec.in === 'path' ? serializePathParameter(spec, value) : serializeQueryParameter(spec, value);
}
