import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { schemaHasPointer } from '../../src/model/key-pointer.js';

const document: JsonObject = {
  components: {
    schemas: {
      Item: { type: 'object', properties: { sku: { type: 'string' }, 'a/b': { type: 'string' } } },
      Tree: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kids: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
        },
      },
      Ping: { $ref: '#/components/schemas/Pong' },
      Pong: { $ref: '#/components/schemas/Ping' },
    },
  },
};

describe('schemaHasPointer', () => {
  const rows: [string, JsonValue, string, boolean][] = [
    ['empty pointer is the whole body', { type: 'object' }, '', true],
    ['a property', { properties: { id: { type: 'string' } } }, '/id', true],
    ['escaped token', { $ref: '#/components/schemas/Item' }, '/a~1b', true],
    ['missing property', { $ref: '#/components/schemas/Item' }, '/name', false],
    ['array item', { type: 'array', items: { $ref: '#/components/schemas/Item' } }, '/0/sku', true],
    [
      'non-numeric token into an array',
      { type: 'array', items: { $ref: '#/components/schemas/Item' } },
      '/x/sku',
      false,
    ],
    ['prefixItems', { prefixItems: [{ type: 'string' }] }, '/0', true],
    ['anyOf member', { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Item' }] }, '/sku', true],
    ['additionalProperties true', { type: 'object', additionalProperties: true }, '/x/y', true],
    [
      'additionalProperties schema',
      { additionalProperties: { $ref: '#/components/schemas/Item' } },
      '/k/sku',
      true,
    ],
    [
      'additionalProperties schema, bad tail',
      { additionalProperties: { $ref: '#/components/schemas/Item' } },
      '/k/x',
      false,
    ],
    ['patternProperties', { patternProperties: { '^x-': { type: 'string' } } }, '/x-id', true],
    ['no properties, additionalProperties absent', { type: 'object' }, '/x', false],
    ['deep circular, present', { $ref: '#/components/schemas/Tree' }, '/kids/0/kids/3/id', true],
    ['deep circular, absent', { $ref: '#/components/schemas/Tree' }, '/kids/0/kids/3/nope', false],
    ['pure $ref cycle counts as unknown', { $ref: '#/components/schemas/Ping' }, '/x', true],
    ['broken $ref counts as unknown', { $ref: '#/components/schemas/Missing' }, '/x', true],
    ['not a pointer', { additionalProperties: true }, 'x', false],
    ['schema false', false, '', false],
  ];
  it.each(rows)('%s', (_name, schema, pointer, found) => {
    expect(schemaHasPointer({ document, schema, pointer })).toBe(found);
  });
});
