import type { JsonObject } from '../../../src/core/json.js';
import type { ValidatorOperation } from '../../../src/render/validators/request-schema.js';

/** Components that only responses reach: the reachable-components pruning must keep them. */
export const RESPONSE_DOCUMENT: JsonObject = {
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1' },
  paths: {},
  components: {
    schemas: {
      Order: {
        type: 'object',
        required: ['id', 'items'],
        properties: {
          id: { type: 'string' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
        },
      },
      Line: {
        type: 'object',
        required: ['sku', 'qty'],
        properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
      },
      Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } },
      Error: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
    },
  },
};

export const RESPONSE_OPERATIONS: ValidatorOperation[] = [
  {
    id: 'getOrder',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: [
      { status: '200', jsonSchema: { $ref: '#/components/schemas/Order' } },
      { status: '204' },
      { status: '4xx', jsonSchema: { $ref: '#/components/schemas/Problem' } },
      { status: 'default', jsonSchema: { $ref: '#/components/schemas/Error' } },
    ],
  },
  { id: 'listOrders', parameters: [], responses: [{ status: '200' }] },
];
