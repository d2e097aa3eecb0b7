import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePointer } from '../../src/core/json-pointer.js';
import { loadSpec } from '../../src/load/load.js';
import { FIXTURES } from './fixtures-dir.js';

const ITEM = '/paths/~1orders~1{orderId}';
const PUT = `${ITEM}/put`;
const BODY_SCHEMA = `${PUT}/requestBody/content/application~1json/schema`;

describe('loadSpec: multi-file specs', () => {
  it('bundles external files and lists every file used', async () => {
    const { spec, diagnostics } = await loadSpec({ source: 'load-multi-file/openapi.yaml', cwd: FIXTURES });
    expect(diagnostics).toEqual([]);
    expect(spec?.files.sort()).toEqual(
      ['openapi.yaml', 'parameters.yaml', 'schemas/order.yaml'].map((f) =>
        join(FIXTURES, 'load-multi-file', f),
      ),
    );
    const at = (pointer: string) => resolvePointer(spec?.document ?? {}, pointer);
    expect(at(`${ITEM}/parameters/0`)).toEqual({
      name: 'orderId',
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    });
    expect(at(`${BODY_SCHEMA}/properties/id`)).toEqual({ type: 'string' });
  });

  it('inlines a target once and points later references at it', async () => {
    const { spec } = await loadSpec({ source: 'load-multi-file/openapi.yaml', cwd: FIXTURES });
    const at = (pointer: string) => resolvePointer(spec?.document ?? {}, pointer);
    expect(at(`${PUT}/responses/200/content/application~1json/schema`)).toEqual({ $ref: `#${BODY_SCHEMA}` });
    expect(at(`${BODY_SCHEMA}/properties/lines/items`)).toEqual({ $ref: `#${BODY_SCHEMA}/$defs/Line` });
    expect(at(`${BODY_SCHEMA}/properties/note`)).toEqual({ $ref: '#/components/schemas/Local' });
  });

  it.each([
    [
      `${BODY_SCHEMA}/$defs/Line/properties/quantity/minimum`,
      'load-multi-file/schemas/order.yaml',
      '/$defs/Line/properties/quantity/minimum',
      20,
      9,
    ],
    [`${BODY_SCHEMA}/properties/lines`, 'load-multi-file/schemas/order.yaml', '/properties/lines', 6, 3],
    [`${ITEM}/parameters/0/schema/format`, 'load-multi-file/parameters.yaml', '/OrderId/schema/format', 7, 5],
    [`${PUT}/operationId`, 'load-multi-file/openapi.yaml', `${PUT}/operationId`, 10, 7],
    ['', 'load-multi-file/openapi.yaml', '', 1, 1],
  ])('locate(%s) -> %s %s %i:%i', async (pointer, file, inFile, line, column) => {
    const { spec } = await loadSpec({ source: 'load-multi-file/openapi.yaml', cwd: FIXTURES });
    expect(spec?.locate(pointer)).toEqual({ file, pointer: inFile, line, column });
  });

  it('locateMany gives what locate gives, for pointers across files, in order', async () => {
    const { spec } = await loadSpec({ source: 'load-multi-file/openapi.yaml', cwd: FIXTURES });
    const pointers = [
      `${BODY_SCHEMA}/$defs/Line/properties/quantity/minimum`,
      `${ITEM}/parameters/0/schema/format`,
      `${PUT}/operationId`,
      `${BODY_SCHEMA}/properties/nope/deeper`,
      '',
      `${BODY_SCHEMA}/properties/lines`,
    ];
    const one = pointers.map((pointer) => spec?.locate(pointer));
    expect(spec?.locateMany?.(pointers)).toEqual(one);
    expect(spec?.locateMany?.([])).toEqual([]);
  });

  it('falls back to the nearest existing ancestor', async () => {
    const { spec } = await loadSpec({ source: 'load-multi-file/openapi.yaml', cwd: FIXTURES });
    expect(spec?.locate(`${BODY_SCHEMA}/properties/nope/deeper`)).toMatchObject({
      file: 'load-multi-file/schemas/order.yaml',
      line: 3,
      column: 1,
    });
  });
});

describe('loadSpec: circular and broken references', () => {
  it('loads a circular schema, keeping the internal $ref', async () => {
    const { spec, diagnostics } = await loadSpec({ source: 'load-circular/openapi.yaml', cwd: FIXTURES });
    expect(diagnostics).toEqual([]);
    expect(
      resolvePointer(spec?.document ?? {}, '/components/schemas/Node/properties/children/items'),
    ).toEqual({ $ref: '#/components/schemas/Node' });
  });

  it('reports a broken internal $ref at the $ref with its line', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: 'load-broken-internal-ref/openapi.yaml',
      cwd: FIXTURES,
    });
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'ref-unresolved',
        severity: 'error',
        file: 'load-broken-internal-ref/openapi.yaml',
        pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema/$ref',
        line: 14,
        column: 17,
      }),
    ]);
  });

  it('reports a missing file, a missing pointer and a broken ref inside an external file', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: 'load-broken-external-ref/openapi.yaml',
      cwd: FIXTURES,
    });
    expect(spec).toBeUndefined();
    expect(
      diagnostics.map(({ code, file, pointer, line, column }) => ({ code, file, pointer, line, column })),
    ).toEqual([
      {
        code: 'ref-unresolved',
        file: 'load-broken-external-ref/openapi.yaml',
        pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema/$ref',
        line: 14,
        column: 17,
      },
      {
        code: 'ref-unresolved',
        file: 'load-broken-external-ref/openapi.yaml',
        pointer: '/paths/~1orders/post/requestBody/content/application~1json/schema/$ref',
        line: 20,
        column: 15,
      },
      {
        code: 'ref-unresolved',
        file: 'load-broken-external-ref/schemas/order.yaml',
        pointer: '/Order/properties/customer/$ref',
        line: 5,
        column: 7,
      },
    ]);
    expect(diagnostics[0]?.message).toContain('file not found');
    expect(diagnostics[1]?.message).toContain('#/NotThere');
  });
});
