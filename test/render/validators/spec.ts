import type { JsonObject } from '../../../src/core/json.js';
import type { ValidatorOperation } from '../../../src/render/validators/request-schema.js';

/** A small 3.0 document: `$ref` components, a circular tree, OpenAPI 3.0 keywords, formats. */
export const DOCUMENT_30: JsonObject = {
  openapi: '3.0.3',
  info: { title: 'Shop', version: '1' },
  paths: {},
  components: {
    schemas: {
      Line: {
        type: 'object',
        required: ['sku', 'qty'],
        additionalProperties: false,
        example: { sku: 'a', qty: 1 },
        xml: { name: 'line' },
        properties: {
          sku: { type: 'string', minLength: 2, maxLength: 4, readOnly: false },
          qty: { type: 'integer', format: 'int32', minimum: 0, exclusiveMinimum: true },
          note: { type: 'string', nullable: true, deprecated: true },
          kind: { enum: [{ a: 1 }, 'plain'] },
        },
      },
      Order: {
        type: 'object',
        required: ['items'],
        externalDocs: { url: 'https://example.test' },
        properties: {
          items: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Line' } },
          placedAt: { type: 'string', format: 'date-time' },
          email: { type: 'string', format: 'email' },
          ref: { type: 'string', format: 'uuid' },
        },
      },
      Category: {
        type: 'object',
        required: ['name'],
        discriminator: { propertyName: 'name' },
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Category' } },
        },
      },
    },
    parameters: {},
  },
};

export const OPERATIONS: ValidatorOperation[] = [
  {
    id: 'createOrder',
    parameters: [
      { name: 'shopId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', maximum: 100 } },
      { name: 'ids', in: 'query', required: false, schema: { type: 'array', items: { type: 'integer' } } },
      { name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } },
      { name: 'X-Tenant-Id', in: 'header', required: true, schema: { type: 'string', pattern: '^t-' } },
      { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
    ],
    requestBody: { required: true, jsonSchema: { $ref: '#/components/schemas/Order' } },
  },
  {
    id: 'put-category',
    parameters: [],
    requestBody: { required: false, jsonSchema: { $ref: '#/components/schemas/Category' } },
  },
  { id: 'listThings', parameters: [{ name: 'q', in: 'query', required: true }] },
];

/** The same shapes in 3.1: `type` arrays instead of `nullable`, numeric `exclusiveMinimum`. */
export const DOCUMENT_31: JsonObject = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1' },
  paths: {},
  components: {
    schemas: {
      Tree: {
        type: 'object',
        required: ['label'],
        properties: {
          label: { type: ['string', 'null'], examples: ['x'] },
          weight: { type: 'number', exclusiveMinimum: 0 },
          children: { type: 'array', items: { $ref: '#/components/schemas/Tree' }, prefixItems: [] },
        },
      },
    },
  },
};
