import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { lintFixture, operationOf } from './lint-model.js';
import { makeSpec } from './make-spec.js';

describe('buildModel', () => {
  it('derives stable readable names and makes operationIds safe identifiers', () => {
    const { model } = lintFixture('model-derived-names');
    expect(model.operations.map((o) => [o.method, o.path, o.id, o.derivedId, o.operationId])).toEqual([
      ['get', '/', 'get', true, undefined],
      ['post', '/orders', 'postOrders', true, undefined],
      ['get', '/orders/{orderId}/items', 'getOrdersByOrderIdItems', true, undefined],
      ['delete', '/order-items/{item_id}.json', 'deleteOrderItemsByItemIdJson', true, undefined],
      ['get', '/v1.2/reports', 'reportsList', false, 'reports.list'],
      ['post', '/exports', 'delete_', false, 'delete'],
    ]);
  });

  it('resolves $ref parameters, bodies, responses and path items; operation parameters win by name+in', () => {
    const { model } = lintFixture('model-refs');
    const op = operationOf(model, 'replaceOrder');
    expect(op.parameters.map((p) => [p.in, p.name, p.required, p.pointer])).toEqual([
      ['path', 'orderId', true, '/paths/~1orders~1{orderId}/parameters/0'],
      ['header', 'X-Tenant', false, '/paths/~1orders~1{orderId}/parameters/2'],
      ['query', 'verbose', true, '/paths/~1orders~1{orderId}/put/parameters/0'],
      ['header', 'verbose', false, '/paths/~1orders~1{orderId}/put/parameters/1'],
    ]);
    expect(op.parameters[2]?.schema).toEqual({ type: 'integer' });
    expect(op.requestBody).toEqual({
      required: true,
      mediaTypes: ['application/json', 'application/xml'],
      pointer: '/paths/~1orders~1{orderId}/put/requestBody',
      jsonMediaType: 'application/json',
      jsonSchema: { $ref: '#/components/schemas/Order' },
    });
    expect(op.responses).toEqual([
      {
        status: '200',
        pointer: '/paths/~1orders~1{orderId}/put/responses/200',
        mediaTypes: ['application/json'],
        isProblem: false,
        hasJsonBody: true,
        headers: ['ETag'],
        description: 'The order',
        jsonMediaType: 'application/json',
        jsonSchema: { $ref: '#/components/schemas/Order' },
      },
      {
        status: '404',
        pointer: '/paths/~1orders~1{orderId}/put/responses/404',
        mediaTypes: ['application/problem+json'],
        isProblem: true,
        hasJsonBody: true,
        headers: [],
        description: 'Not found',
        jsonMediaType: 'application/problem+json',
        jsonSchema: { $ref: '#/components/schemas/Problem' },
      },
    ]);
    const shared = operationOf(model, 'getShared');
    expect(shared.path).toBe('/shared/{orderId}');
    expect(shared.pointer).toBe('/components/pathItems/Shared/get');
    expect(shared.parameters.map((p) => p.name)).toEqual(['orderId']);
  });

  it('marks problem+json responses and reads tags, summary, description and deprecated', () => {
    const { model } = lintFixture('model-problem-responses');
    const op = operationOf(model, 'createOrder');
    expect(op).toMatchObject({
      tags: ['orders', 'sales'],
      summary: 'Create an order',
      description: 'Creates one order.',
      deprecated: true,
      requestBody: { required: false, mediaTypes: ['text/plain'] },
    });
    expect(op.requestBody?.jsonSchema).toBeUndefined();
    expect(op.responses.map((r) => [r.status, r.isProblem, r.hasJsonBody, r.headers])).toEqual([
      ['201', false, true, ['Location']],
      ['204', false, false, []],
      ['4XX', true, true, []],
      ['default', false, false, []],
    ]);
    expect(model.openapi).toBe('3.0');
    expect(model.serverUrl).toBeUndefined();
  });

  it('records the JSON media type it chose, so that the renderers need not choose again', () => {
    const spec = makeSpec(`
openapi: 3.1.0
info: { title: Media, version: '1' }
paths:
  /a:
    post:
      requestBody:
        content:
          text/plain: { schema: { type: string } }
          'application/merge-patch+json ; charset=utf-8': { schema: { type: object } }
          application/json: { schema: { type: array } }
      responses:
        '200': { description: OK, content: { text/csv: {}, application/vnd.api+json: { schema: { type: object } } } }
        '204': { description: None }
        '400': { description: Bad, content: { application/xml: {} } }
`);
    const op = buildModel({ spec }).model.operations[0]!;
    expect(op.requestBody?.jsonMediaType).toBe('application/merge-patch+json ; charset=utf-8');
    expect(op.requestBody?.jsonSchema).toEqual({ type: 'object' });
    expect(op.responses.map((r) => r.jsonMediaType)).toEqual([
      'application/vnd.api+json',
      undefined,
      undefined,
    ]);
  });

  it('skips broken references and malformed nodes without throwing', () => {
    const spec = makeSpec(`
openapi: 3.1.0
info: { title: Broken, version: '1' }
x-retry: { maxAttempts: many, backoff: { initial: soon } }
paths:
  /a:
    $ref: '#/components/pathItems/Missing'
  /b:
    get:
      parameters:
        - $ref: '#/components/parameters/Missing'
        - 42
      requestBody: { $ref: '#/components/requestBodies/Loop' }
      responses:
        '200': { $ref: '#/components/responses/Missing' }
components:
  requestBodies:
    Loop: { $ref: '#/components/requestBodies/Loop' }
`);
    const { model, diagnostics } = buildModel({ spec });
    expect(diagnostics).toEqual([]);
    expect(model.operations).toHaveLength(1);
    const op = model.operations[0]!;
    expect(op).toMatchObject({ id: 'getB', parameters: [], responses: [] });
    expect(op.requestBody).toBeUndefined();
    expect(op.retry).toMatchObject({ maxAttempts: 3, backoff: { initialMs: 100 }, pointer: '/x-retry' });
  });

  it('applies configured severities to its own diagnostics', () => {
    const spec = makeSpec(`
openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /a:
    get: { operationId: a-b, responses: { '200': { description: OK } } }
`);
    expect(buildModel({ spec }).diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(buildModel({ spec, rules: { 'operation-id-not-identifier': 'off' } }).diagnostics).toEqual([]);
  });
});
