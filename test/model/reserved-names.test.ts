import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { makeSpec } from './make-spec.js';

function build(operationIds: string[]) {
  const paths = operationIds.map(
    (id, i) =>
      `  /p${i}:\n    get:\n      operationId: ${JSON.stringify(id)}\n      responses: { '200': { description: ok } }`,
  );
  const spec = makeSpec(`openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n${paths.join('\n')}\n`);
  return buildModel({ spec });
}

describe('reserved operation names', () => {
  it.each([
    ['then', 'then_'],
    ['constructor', 'constructor_'],
    ['__proto__', '__proto___'],
    ['prototype', 'prototype_'],
    ['toString', 'toString_'],
    ['valueOf', 'valueOf_'],
    ['hasOwnProperty', 'hasOwnProperty_'],
    ['isPrototypeOf', 'isPrototypeOf_'],
    ['undefined', 'undefined_'],
    ['paths', 'paths_'],
    ['createClient', 'createClient_'],
    ['readBody', 'readBody_'],
    ['handler', 'handler_'],
    ['operation', 'operation_'],
  ])('%s -> %s, with a name-renamed warning at the operationId', (operationId, id) => {
    const { model, diagnostics } = build([operationId]);
    expect(model.operations[0]).toMatchObject({ id, operationId, derivedId: false });
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['name-renamed', 'warning', '/paths/~1p0/get/operationId'],
    ]);
    expect(diagnostics[0]?.message).toContain(`"${id}"`);
  });

  it.each([
    ['default', 'default_'],
    ['delete', 'delete_'],
    ['eval', 'eval_'],
    ['arguments', 'arguments_'],
    ['let', 'let_'],
    ['static', 'static_'],
    ['yield', 'yield_'],
    ['await', 'await_'],
    ['implements', 'implements_'],
  ])('the reserved word %s -> %s (operation-id-not-identifier, as before)', (operationId, id) => {
    const { model, diagnostics } = build([operationId]);
    expect(model.operations[0]?.id).toBe(id);
    expect(diagnostics.map((d) => d.code)).toEqual(['operation-id-not-identifier']);
  });

  it('makes names that are no longer identifiers free too: to-string -> toString_', () => {
    expect(build(['to-string']).model.operations[0]?.id).toBe('toString_');
  });

  it('keeps ordinary names, and names that only contain a reserved one', () => {
    const { model, diagnostics } = build(['thenPay', 'getConstructor', 'createOrder']);
    expect(model.operations.map((o) => o.id)).toEqual(['thenPay', 'getConstructor', 'createOrder']);
    expect(diagnostics).toEqual([]);
  });

  it('turns the warning off with the rule severity', () => {
    const spec = makeSpec(`openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /a: { get: { operationId: then, responses: { '200': { description: ok } } } }
`);
    expect(buildModel({ spec, rules: { 'name-renamed': 'off' } }).diagnostics).toEqual([]);
  });

  it('renames the later of two operations whose generated names clash: CreateOrder and createOrder, x and xSpec', () => {
    const { model, diagnostics } = build(['createOrder', 'CreateOrder', 'pay', 'paySpec', 'ok']);
    expect(model.operations.map((o) => o.id)).toEqual([
      'createOrder',
      'CreateOrder2',
      'pay',
      'paySpec2',
      'ok',
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['operation-id-collision', 'warning', '/paths/~1p1/get/operationId'],
      ['operation-id-collision', 'warning', '/paths/~1p3/get/operationId'],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'GET /p1 (CreateOrder): the operationId "CreateOrder" makes the generated name "CreateOrderInput", which GET /p0 (createOrder) also makes; the generated code names this operation "CreateOrder2".',
    );
    expect(diagnostics[0]?.hint).toBe(
      'Set an operationId on GET /p1 that no other operation has (or turn the warning off: --rule operation-id-collision=off).',
    );
    expect(diagnostics[1]?.message).toContain('"paySpec"');
    expect(diagnostics[1]?.message).toContain('"paySpec2"');
  });

  it('renames an operationId that is a name an earlier operation generates: CreateIntegration, CreateIntegrationResponse', () => {
    const { model, diagnostics } = build(['CreateIntegration', 'CreateIntegrationResponse']);
    expect(model.operations.map((o) => o.id)).toEqual(['CreateIntegration', 'CreateIntegrationResponse2']);
    expect(diagnostics[0]?.message).toBe(
      'GET /p1 (CreateIntegrationResponse): the operationId "CreateIntegrationResponse" makes the generated name "CreateIntegrationResponse", which GET /p0 (CreateIntegration) also makes; the generated code names this operation "CreateIntegrationResponse2".',
    );
  });

  it('keeps the first in document order, whichever declares the name', () => {
    const { model } = build(['CreateIntegrationResponse', 'CreateIntegration']);
    expect(model.operations.map((o) => o.id)).toEqual(['CreateIntegrationResponse', 'CreateIntegration2']);
  });

  it("numbers past names any operation has, later ones included, and the generator's own", () => {
    const { model } = build(['pay', 'pay', 'pay2', 'pay', 'pay3Spec']);
    // pay2 is the third operation's; pay3 declares pay3Spec, the fifth operation's function.
    expect(model.operations.map((o) => o.id)).toEqual(['pay', 'pay4', 'pay2', 'pay5', 'pay3Spec']);
    expect(build(['getV1', 'getV1']).model.operations.map((o) => o.id)).toEqual(['getV1', 'getV1_2']);
  });

  it('renames a derived name at the operation, and the severity is configurable', () => {
    const spec = makeSpec(`openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /orders: { get: { operationId: getOrders, responses: { '200': { description: ok } } } }
  /Orders: { get: { responses: { '200': { description: ok } } } }
`);
    const { model, diagnostics } = buildModel({ spec });
    expect(model.operations.map((o) => o.id)).toEqual(['getOrders', 'getOrders2']);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['operation-id-collision', '/paths/~1Orders/get'],
    ]);
    expect(diagnostics[0]?.message).toContain('the derived name "getOrders"');
    const strict = buildModel({ spec, rules: { 'operation-id-collision': 'error' } });
    expect(strict.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(buildModel({ spec, rules: { 'operation-id-collision': 'off' } }).diagnostics).toEqual([]);
  });

  it('lets names local to a module (xSpec, XOperation) repeat in another module', () => {
    const spec = makeSpec(`openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /a: { get: { operationId: pay, tags: [A], responses: { '200': { description: ok } } } }
  /b: { get: { operationId: paySpec, tags: [B], responses: { '200': { description: ok } } } }
`);
    expect(buildModel({ spec }).diagnostics).toEqual([]);
  });

  it('renames the second of two operations with the same id', () => {
    const { model, diagnostics } = build(['pay', 'pay']);
    expect(model.operations.map((o) => [o.id, o.operationId])).toEqual([
      ['pay', 'pay'],
      ['pay2', 'pay'],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'GET /p1 (pay): the operationId "pay" is also the id of GET /p0 (pay); the generated code names this operation "pay2".',
    );
  });
});
