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

  it('reports operations whose generated names clash: CreateOrder and createOrder, x and xSpec', () => {
    const { diagnostics } = build(['createOrder', 'CreateOrder', 'pay', 'paySpec', 'ok']);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['operation-id-collision', '/paths/~1p0/get/operationId'],
      ['operation-id-collision', '/paths/~1p1/get/operationId'],
      ['operation-id-collision', '/paths/~1p2/get/operationId'],
      ['operation-id-collision', '/paths/~1p3/get/operationId'],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'GET /p0 (createOrder): the operationId "createOrder" makes the generated name "CreateOrderInput", which GET /p1 also makes.',
    );
    expect(diagnostics[2]?.message).toContain('"paySpec"');
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

  it('still reports two operations with the same id as before', () => {
    const { diagnostics } = build(['pay', 'pay']);
    expect(diagnostics[0]?.message).toBe('GET /p0 (pay): the operationId "pay" is also the id of GET /p1.');
  });
});
