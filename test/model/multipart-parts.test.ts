import { describe, expect, it } from 'vitest';
import { readRequestBody } from '../../src/model/operation-parts.js';

const operation = (schema: unknown, encoding?: unknown) => ({
  requestBody: {
    content: { 'multipart/form-data': { schema, ...(encoding === undefined ? {} : { encoding }) } },
  },
});

describe('multipart parts in the model', () => {
  it('lists binary properties (3.0 format, 3.1 contentMediaType, arrays of them) and JSON properties', () => {
    const document = {
      components: {
        schemas: {
          Meta: { type: 'object', properties: { a: { type: 'string' } } },
          Upload: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              avatar: { type: 'string', format: 'binary' },
              scan: { contentMediaType: 'image/png' },
              encoded: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' },
              docs: { type: 'array', items: { type: 'string', format: 'binary' } },
              meta: { $ref: '#/components/schemas/Meta' },
              lines: { type: 'array', items: { $ref: '#/components/schemas/Meta' } },
              tags: { type: 'array', items: { type: 'string' } },
              loose: { properties: { b: { type: 'integer' } } },
            },
          },
        },
      },
    };
    const body = readRequestBody({
      document: document as never,
      operation: operation({ $ref: '#/components/schemas/Upload' }) as never,
      pointer: '/paths/~1x/post',
    });
    expect(body?.multipartFiles).toEqual(['avatar', 'scan', 'docs']);
    expect(body?.multipartJson).toEqual(['meta', 'lines', 'loose']);
  });

  it('encoding.contentType decides: a JSON type makes any property JSON, another type none', () => {
    const schema = {
      type: 'object',
      properties: {
        meta: { type: 'object' },
        count: { type: 'integer' },
        avatar: { type: 'string', format: 'binary' },
      },
    };
    const encoding = {
      meta: { contentType: 'text/plain' },
      count: { contentType: 'application/json' },
      avatar: { contentType: 'image/png' },
    };
    const body = readRequestBody({
      document: {},
      operation: operation(schema, encoding) as never,
      pointer: '/paths/~1x/post',
    });
    expect(body?.multipartJson).toEqual(['count']);
    expect(body?.multipartFiles).toEqual(['avatar']);
    const urlencoded = readRequestBody({
      document: {},
      operation: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema } } } } as never,
      pointer: '/paths/~1x/post',
    });
    expect(urlencoded?.multipartJson).toBeUndefined();
  });
});
