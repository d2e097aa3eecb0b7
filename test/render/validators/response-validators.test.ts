import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidators } from '../../../src/render/validators/generate-validators.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerLogEntry, ServerRoute } from '../../../src/runtime/server/types.js';
import { RESPONSE_DOCUMENT, RESPONSE_OPERATIONS } from './response-spec.js';

type Issue = { pointer: string; message: string };
type ValidateResponse = (status: number, body: unknown) => Issue[] | null;

let dir: string;
let validators: Record<string, ValidateResponse>;
const generated = generateValidators({
  document: RESPONSE_DOCUMENT,
  openapi: '3.0',
  operations: RESPONSE_OPERATIONS,
  responses: true,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-response-validators-'));
  const file = join(dir, 'validators.mjs');
  await writeFile(file, generated.js);
  validators = (await import(pathToFileURL(file).href)) as Record<string, ValidateResponse>;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const order = { id: 'o1', items: [{ sku: 'ab', qty: 2 }] };

describe('generateValidators({ responses: true })', () => {
  it('names one response validator per operation and declares it', () => {
    expect(generated.names).toEqual([
      { operationId: 'getOrder', name: 'validateGetOrder', responseName: 'validateGetOrderResponse' },
      { operationId: 'listOrders', name: 'validateListOrders', responseName: 'validateListOrdersResponse' },
    ]);
    expect(generated.dts).toContain(
      'export declare function validateGetOrderResponse(status: number, body: unknown): RequestValidationError[] | null;',
    );
  });

  it('keeps request validator names as they are when a response validator name would clash', () => {
    const clash = generateValidators({
      document: RESPONSE_DOCUMENT,
      openapi: '3.0',
      operations: [
        { id: 'getOrder', parameters: [] },
        { id: 'getOrderResponse', parameters: [] },
      ],
      responses: true,
    });
    expect(clash.names.map((n) => [n.name, n.responseName])).toEqual([
      ['validateGetOrder', 'validateGetOrderResponse_2'],
      ['validateGetOrderResponse', 'validateGetOrderResponseResponse'],
    ]);
  });

  it.each([
    ['the exact status, matching', 200, order, null],
    [
      'the exact status, not matching (through a $ref only responses reach)',
      200,
      { id: 1, items: [{ sku: 'ab', qty: 'two' }] },
      [
        { pointer: '/body/id', message: 'must be string' },
        { pointer: '/body/items/0/qty', message: 'must be integer' },
      ],
    ],
    ['a declared status without a schema', 204, 'anything', null],
    ['the range for an undeclared exact status', 409, { title: 'Conflict' }, null],
    ['the range, not matching', 404, { detail: 'x' }, [{ pointer: '/body/title', message: 'is required' }]],
    ['default when neither matches', 503, { code: 'busy' }, null],
    ['default, not matching', 503, {}, [{ pointer: '/body/code', message: 'is required' }]],
  ])('%s', (_label, status, body, expected) => {
    expect(validators.validateGetOrderResponse!(status, body)).toEqual(expected);
  });

  it('returns null for any status of an operation that declares no schema', () => {
    expect(validators.validateListOrdersResponse!(200, 'x')).toBeNull();
  });

  it('emits nothing for responses without the option', () => {
    const plain = generateValidators({
      document: RESPONSE_DOCUMENT,
      openapi: '3.0',
      operations: RESPONSE_OPERATIONS,
    });
    expect(plain.js).not.toContain('Response(status, body)');
    expect(plain.names.every((n) => n.responseName === undefined)).toBe(true);
  });
});

describe('createServerCore({ validateResponses }) with a generated response validator', () => {
  const serve = (body: unknown, validateResponses: boolean) => {
    const logs: ServerLogEntry[] = [];
    const route: ServerRoute = {
      operationId: 'getOrder',
      method: 'GET',
      pathTemplate: '/orders/{id}',
      replayHeaders: [],
      requestBodyRequired: false,
      bodyMediaTypes: [],
      responseStatuses: ['200', '204', '4XX', 'default'],
      validateResponse: validators.validateGetOrderResponse!,
    };
    const core = createServerCore({
      routes: [route],
      handlers: { getOrder: () => ({ status: 200, body }) },
      validateResponses,
      logger: { error: (entry) => logs.push(entry) },
    });
    return { logs, response: core.fetch(new Request('http://api.test/orders/o1')) };
  };

  it('passes a body that matches', async () => {
    const { logs, response } = serve(order, true);
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(order);
    expect(logs).toEqual([]);
  });

  it('answers 500 internal-error for a body that does not, and logs the operation, status and issues', async () => {
    const { logs, response } = serve({ id: 'o1', items: [{ sku: 'ab', qty: 'two' }] }, true);
    const answer = await response;
    expect(answer.status).toBe(500);
    const problem = await answer.json();
    expect(problem.type).toMatch(/internal-error$/);
    expect(JSON.stringify(problem)).not.toContain('qty');
    expect(logs).toHaveLength(1);
    expect(logs[0]!.operationId).toBe('getOrder');
    expect(logs[0]!.message).toBe(
      'getOrder returned a 200 body that does not match the spec: /body/items/0/qty must be integer',
    );
  });

  it('lets the same wrong body through when validateResponses is off', async () => {
    const { logs, response } = serve({ id: 1 }, false);
    expect((await response).status).toBe(200);
    expect(logs).toEqual([]);
  });
});
