import { describe, expect, it } from 'vitest';
import { validateExtensions } from '../../src/load/validate-extensions.js';
import { buildModel } from '../../src/model/build.js';
import { parseByteSize } from '../../src/model/byte-size.js';
import { operationToRoute } from '../../src/render/server-context.js';
import { makeSpec } from './make-spec.js';

describe('parseByteSize', () => {
  it.each([
    [2048, 2048],
    ['100', 100],
    ['100b', 100],
    ['512kb', 524_288],
    ['512KB', 524_288],
    [' 10 mb ', 10_485_760],
    ['1.5mb', 1_572_864],
    ['.5kb', 512],
    ['1gb', 1_073_741_824],
    [0, undefined],
    [1.5, undefined],
    ['0kb', undefined],
    ['0.1b', undefined],
    ['1tb', undefined],
    ['-1', undefined],
    ['kb', undefined],
    [true, undefined],
    [Number.MAX_SAFE_INTEGER + 1, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(parseByteSize(value)).toBe(expected);
  });
});

const SPEC = `
openapi: 3.1.0
info: { title: T, version: '1' }
x-max-body-size: 2mb
paths:
  /a:
    x-max-body-size: 64kb
    post:
      operationId: own
      x-max-body-size: 100
      responses: { '204': { description: ok } }
    put:
      operationId: fromPathItem
      responses: { '204': { description: ok } }
  /b:
    post:
      operationId: fromRoot
      responses: { '204': { description: ok } }
  /c:
    x-max-body-size: lots
    post:
      operationId: invalidSkipped
      responses: { '204': { description: ok } }
`;

describe('x-max-body-size', () => {
  const spec = makeSpec(SPEC);
  const { model } = buildModel({ spec });
  const byId = (id: string) => model.operations.find((op) => op.id === id)!;

  it('takes the nearest value: operation, then path item, then root; an invalid one is skipped', () => {
    expect(byId('own').maxBodySize).toEqual({ bytes: 100, pointer: '/paths/~1a/post/x-max-body-size' });
    expect(byId('fromPathItem').maxBodySize).toEqual({
      bytes: 65_536,
      pointer: '/paths/~1a/x-max-body-size',
    });
    expect(byId('fromRoot').maxBodySize).toEqual({ bytes: 2_097_152, pointer: '/x-max-body-size' });
    expect(byId('invalidSkipped').maxBodySize?.bytes).toBe(2_097_152);
  });

  it('goes into the route table as maxBodyBytes, and only when set', () => {
    expect(operationToRoute(byId('own')).maxBodyBytes).toBe(100);
    const { model: plain } = buildModel({ spec: makeSpec(SPEC.replace(/^.*x-max-body-size.*$/gm, '')) });
    expect(Object.keys(operationToRoute(plain.operations[0]!))).not.toContain('maxBodyBytes');
  });

  it('an invalid value is an extension-invalid error at its pointer', () => {
    const diagnostics = validateExtensions(spec);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'extension-invalid',
        severity: 'error',
        pointer: '/paths/~1c/x-max-body-size',
        message: expect.stringContaining('a positive integer of bytes or a string such as 512kb, 10mb'),
      }),
    ]);
  });
});
