/**
 * Reading `x-pagination` and `x-long-running` into the model: root/path/operation merge with opt-in at the
 * operation, the defaults of each style, the Speakeasy, Fern and Azure aliases, the shadowing warning, the
 * schema's refusals, and the lint rules with their positions.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { validateExtensions } from '../../src/load/validate-extensions.js';
import { buildModel } from '../../src/model/build.js';
import { makeSpec } from '../model/make-spec.js';

const RESPONSES = `
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { type: string } }
                  next: { type: string }`;

function model(text: string) {
  const spec = makeSpec(text);
  const built = buildModel({ spec });
  return { ...built, spec, ops: Object.fromEntries(built.model.operations.map((op) => [op.id, op])) };
}

describe('x-pagination in the model', () => {
  it('merges root, path item and operation field by field; only operations that opt in page', () => {
    const { ops } = model(`
openapi: 3.1.0
info: { title: t, version: '1' }
x-pagination: { type: cursor, items: /data, limitParam: limit }
paths:
  /a:
    x-pagination: { nextCursor: /next }
    get:
      operationId: listA
      x-pagination: { cursorParam: after }${RESPONSES}
  /b:
    get:
      operationId: getB${RESPONSES}
  /c:
    get:
      operationId: listC
      x-pagination: true${RESPONSES}
  /d:
    x-pagination: false
    get:
      operationId: listD
      x-pagination: { type: link }${RESPONSES}
`);
    expect(ops.listA?.pagination).toEqual({
      type: 'cursor',
      items: '/data',
      cursorParam: 'after',
      nextCursor: { in: 'body', pointer: '/next' },
      limitParam: 'limit',
      pointer: '/paths/~1a/get/x-pagination',
      fieldPointers: {
        type: '/x-pagination/type',
        items: '/x-pagination/items',
        limitParam: '/x-pagination/limitParam',
        nextCursor: '/paths/~1a/x-pagination/nextCursor',
        cursorParam: '/paths/~1a/get/x-pagination/cursorParam',
      },
    });
    expect(ops.getB?.pagination).toBeUndefined();
    expect(ops.listC?.pagination).toMatchObject({
      type: 'cursor',
      items: '/data',
      cursorParam: 'cursor',
      nextCursor: { in: 'body', pointer: '/nextCursor' },
    });
    // false on the path item drops the root's fields: the operation starts from the defaults.
    expect(ops.listD?.pagination).toMatchObject({ type: 'link', items: '' });
    expect(ops.listD?.pagination?.cursorParam).toBeUndefined();
  });

  it('fills in the defaults of pageToken and offset, and reads header: cursors', () => {
    const { ops } = model(`
openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      operationId: listA
      x-pagination: { type: pageToken }${RESPONSES}
  /b:
    get:
      operationId: listB
      x-pagination: { type: offset }${RESPONSES}
  /c:
    get:
      operationId: listC
      x-pagination: { nextCursor: 'header:X-Next' }${RESPONSES}
`);
    expect(ops.listA?.pagination).toMatchObject({
      cursorParam: 'pageToken',
      nextCursor: { in: 'body', pointer: '/nextPageToken' },
    });
    expect(ops.listB?.pagination).toMatchObject({ offsetParam: 'offset', limitParam: 'limit' });
    expect(ops.listC?.pagination?.nextCursor).toEqual({ in: 'header', name: 'X-Next' });
  });

  it('reads x-speakeasy-pagination and x-fern-pagination as aliases; ours wins and warns', () => {
    const { ops, diagnostics } = model(`
openapi: 3.1.0
info: { title: t, version: '1' }
x-fern-pagination: { cursor: $request.starting_after, next_cursor: $response.page.next, results: $response.data }
paths:
  /a:
    get:
      operationId: listA
      x-speakeasy-pagination:
        type: cursor
        inputs: [{ name: after, in: parameters, type: cursor }, { name: size, in: parameters, type: limit }]
        outputs: { results: $.data.items, nextCursor: $.meta.next }${RESPONSES}
  /b:
    get:
      operationId: listB
      x-fern-pagination: true${RESPONSES}
  /c:
    get:
      operationId: listC
      x-fern-pagination: { offset: $request.page, step: $request.per_page, results: $response.items }${RESPONSES}
  /d:
    get:
      operationId: listD
      x-pagination: { type: link }
      x-speakeasy-pagination: { type: cursor }${RESPONSES}
`);
    expect(ops.listA?.pagination).toMatchObject({
      type: 'cursor',
      cursorParam: 'after',
      limitParam: 'size',
      items: '/data/items',
      nextCursor: { in: 'body', pointer: '/meta/next' },
    });
    expect(ops.listA?.pagination?.fieldPointers?.cursorParam).toBe(
      '/paths/~1a/get/x-speakeasy-pagination/inputs/0/name',
    );
    expect(ops.listB?.pagination).toMatchObject({
      type: 'cursor',
      cursorParam: 'starting_after',
      items: '/data',
      nextCursor: { in: 'body', pointer: '/page/next' },
    });
    expect(ops.listC?.pagination).toMatchObject({
      type: 'offset',
      offsetParam: 'page',
      limitParam: 'per_page',
      items: '/items',
    });
    expect(ops.listD?.pagination?.type).toBe('link');
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'compat-alias-shadowed',
        pointer: '/paths/~1d/get/x-speakeasy-pagination',
      }),
    );
  });

  it('refuses wrong values with the pointer of the field', () => {
    const spec = makeSpec(`
openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      x-pagination: { type: pages, items: data, nextCursor: 'cookie:x', extra: 1 }
      responses: { '200': { description: ok } }
`);
    const found = validateExtensions(spec).map((d) => [d.code, d.pointer]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['extension-invalid', '/paths/~1a/get/x-pagination/type'],
        ['extension-invalid', '/paths/~1a/get/x-pagination/items'],
        ['extension-invalid', '/paths/~1a/get/x-pagination/nextCursor'],
        ['extension-invalid', '/paths/~1a/get/x-pagination/extra'],
      ]),
    );
  });
});

describe('x-long-running in the model', () => {
  it('merges with defaults, opt-in at the operation, and reads Azure x-ms-long-running-operation', () => {
    const { ops } = model(`
openapi: 3.1.0
info: { title: t, version: '1' }
x-long-running: { maxWait: 2m, backoff: { initial: 2s } }
paths:
  /a:
    post:
      operationId: startA
      x-long-running: { resultPointer: /result }
      responses: { '202': { description: accepted } }
    put:
      operationId: putA
      x-ms-long-running-operation: true
      x-ms-long-running-operation-options: { final-state-via: azure-async-operation }
      responses: { '202': { description: accepted } }
    patch:
      operationId: patchA
      responses: { '202': { description: accepted } }
`);
    expect(ops.startA?.longRunning).toMatchObject({
      finalStateVia: 'location',
      statusPointer: '/status',
      succeeded: ['succeeded'],
      failed: ['failed', 'canceled', 'cancelled'],
      resultPointer: '/result',
      backoff: { initialMs: 2000, maxMs: 30_000, multiplier: 1.5, jitter: 'none' },
      maxWaitMs: 120_000,
      pointer: '/paths/~1a/post/x-long-running',
    });
    expect(ops.putA?.longRunning).toMatchObject({
      finalStateVia: 'azure-async-operation',
      maxWaitMs: 120_000,
      fieldPointers: { finalStateVia: '/paths/~1a/put/x-ms-long-running-operation-options/final-state-via' },
    });
    expect(ops.patchA?.longRunning).toBeUndefined();
  });
});

describe('pagination lint rules', () => {
  it('reports a cursor parameter not declared, fields not in the response, offsets over changing data', async () => {
    const { diagnostics } = await lint({ spec: 'fixtures/rule-pagination/openapi.yaml' });
    expect(
      diagnostics.map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer, line: d.line })),
    ).toEqual([
      {
        code: 'pagination-parameter-missing',
        severity: 'error',
        pointer: '/paths/~1orders/get/x-pagination/cursorParam',
        line: 8,
      },
      {
        code: 'pagination-field-missing',
        severity: 'error',
        pointer: '/paths/~1orders/get/x-pagination/items',
        line: 9,
      },
      {
        code: 'pagination-field-missing',
        severity: 'error',
        pointer: '/paths/~1orders/get/x-pagination/nextCursor',
        line: 10,
      },
      {
        code: 'pagination-offset-unstable',
        severity: 'warning',
        pointer: '/paths/~1events/get/x-pagination/type',
        line: 27,
      },
      {
        code: 'long-running-without-202',
        severity: 'warning',
        pointer: '/paths/~1jobs/post/x-long-running',
        line: 43,
      },
    ]);
    const first = diagnostics[0];
    expect(first?.message).toBe(
      'GET /orders (listOrders): x-pagination.cursorParam names the query parameter "after", which the operation does not declare.',
    );
    expect(first?.hint).toMatch(/Declare the query parameter "after"/);
    expect(first?.column).toBeGreaterThan(0);
    expect(diagnostics[3]?.message).toMatch(/\("New events"\)/);
  });
});
