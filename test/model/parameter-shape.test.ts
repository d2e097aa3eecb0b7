import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { mergeParameters } from '../../src/model/operation-parts.js';
import { declaredProperties, parameterShape } from '../../src/model/parameter-shape.js';
import type { OperationModel } from '../../src/model/types.js';
import { clientParameterSpecs, serverParameterSpecs } from '../../src/render/parameter-specs.js';

const document = {
  components: {
    schemas: {
      Tags: { type: 'array', items: { type: 'string' } },
      Rgb: { type: 'object', properties: { R: { type: 'integer' } } },
      Alias: { $ref: '#/components/schemas/Rgb' },
      Loop: { $ref: '#/components/schemas/Loop' },
    },
  },
} as unknown as JsonObject;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('parameterShape', () => {
  it.each([
    ['no schema', undefined, 'primitive'],
    ['type: string', { type: 'string' }, 'primitive'],
    ['3.1 type with null', { type: ['integer', 'null'] }, 'primitive'],
    ['type: array', { type: 'array' }, 'array'],
    ['items without a type', { items: { type: 'string' } }, 'array'],
    ['a $ref to an array', ref('Tags'), 'array'],
    ['type: object', { type: 'object' }, 'object'],
    ['properties without a type', { properties: { a: {} } }, 'object'],
    ['additionalProperties', { additionalProperties: { type: 'string' } }, 'object'],
    ['a $ref to a $ref to an object', ref('Alias'), 'object'],
    ['allOf branches that agree', { allOf: [ref('Rgb'), { properties: { G: {} } }] }, 'object'],
    ['oneOf an array or null', { oneOf: [ref('Tags'), { type: 'null' }] }, 'array'],
    ['anyOf branches that disagree', { anyOf: [ref('Tags'), { type: 'string' }] }, 'primitive'],
    ['a type list mixing shapes', { type: ['string', 'array'] }, 'primitive'],
    ['a $ref cycle', ref('Loop'), 'primitive'],
  ])('%s -> %s', (_label, schema, shape) => {
    expect(parameterShape(document, schema as never)).toBe(shape);
  });
});

describe('declaredProperties', () => {
  it('collects the properties of the schema and its branches, $refs resolved', () => {
    expect(declaredProperties(document, { allOf: [ref('Alias'), { properties: { G: {} } }] })).toEqual([
      'R',
      'G',
    ]);
  });

  it('is undefined for an object that takes other names too', () => {
    expect(declaredProperties(document, { properties: { a: {} }, additionalProperties: true })).toBe(
      undefined,
    );
    expect(declaredProperties(document, { type: 'object' })).toBe(undefined);
  });
});

describe('parameters in the model, and the specs the generated code carries', () => {
  const parameters = [
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'c', in: 'path', required: true, style: 'label', schema: ref('Tags') },
    { name: 'q', in: 'query', schema: { type: 'string' } },
    { name: 'tags', in: 'query', schema: ref('Tags') },
    { name: 'ids', in: 'query', style: 'form', explode: false, schema: ref('Tags') },
    { name: 'rgb', in: 'query', schema: ref('Alias') },
    { name: 'next', in: 'query', allowReserved: true, schema: { type: 'string' } },
    { name: 'where', in: 'query', content: { 'application/json': { schema: ref('Rgb') } } },
    { name: 'X-A', in: 'header', style: 'simple', explode: false, schema: ref('Tags') },
    { name: 's', in: 'cookie', schema: { type: 'string' } },
  ];
  const model = mergeParameters({
    document,
    pathItem: { node: {}, pointer: '/paths/~1x' },
    operation: { node: { parameters } as never, pointer: '/paths/~1x/get' },
  });
  const op = { parameters: model } as OperationModel;

  it('reads style, explode, allowReserved, content (its schema) and the shape', () => {
    const byName = Object.fromEntries(model.map((p) => [p.name, p]));
    expect(byName.c).toMatchObject({ style: 'label', shape: 'array' });
    expect(byName.ids).toMatchObject({ style: 'form', explode: false, shape: 'array' });
    expect(byName.rgb).toMatchObject({ shape: 'object', properties: ['R'] });
    expect(byName.next).toMatchObject({ allowReserved: true, shape: 'primitive' });
    expect(byName.where).toMatchObject({
      contentType: 'application/json',
      schema: ref('Rgb'),
      shape: 'object',
    });
    expect(byName.id).not.toHaveProperty('style');
  });

  it('the client carries only the parameters not written in the default way, with only what differs', () => {
    expect(clientParameterSpecs(op)).toEqual([
      { name: 'c', in: 'path', style: 'label' },
      { name: 'ids', in: 'query', explode: false },
      { name: 'next', in: 'query', allowReserved: true },
      { name: 'where', in: 'query', contentType: 'application/json' },
    ]);
  });

  it('the server also carries every array- or object-shaped one and every cookie, with the shape', () => {
    expect(serverParameterSpecs(op)).toEqual([
      { name: 'c', in: 'path', style: 'label', shape: 'array' },
      { name: 'tags', in: 'query', shape: 'array' },
      { name: 'ids', in: 'query', explode: false, shape: 'array' },
      { name: 'rgb', in: 'query', shape: 'object', properties: ['R'] },
      { name: 'next', in: 'query', allowReserved: true },
      { name: 'where', in: 'query', contentType: 'application/json' },
      { name: 'X-A', in: 'header', shape: 'array' },
      { name: 's', in: 'cookie' },
    ]);
  });
});
