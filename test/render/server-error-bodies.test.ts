import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { isErrorStatus, modelToErrorBodies } from '../../src/render/server-error-bodies.js';
import { makeSpec } from '../model/make-spec.js';

const SPEC = `openapi: 3.1.0
info: { title: Errors, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '302': { description: moved }
        '404': { description: no, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        4XX: { description: client, content: { application/problem+json: { schema: { type: object } } } }
        default: { description: other, content: { text/html: { schema: { type: string } } } }
  /b:
    post:
      operationId: postB
      responses:
        '201': { description: created }
        '409': { description: no, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '503': { description: down, content: { application/vnd.error+json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '500': { description: inline, content: { application/json: { schema: { type: object } } } }
components:
  schemas:
    Error: { type: object, required: [error], properties: { error: { type: string } } }
`;

describe('modelToErrorBodies (the type of errorBody)', () => {
  it('takes every 4XX, 5XX and default media type, once per shared schema $ref', () => {
    const { model } = buildModel({ spec: makeSpec(SPEC, 'errors.yaml') });
    expect(modelToErrorBodies(model)).toEqual([
      {
        contentType: '"application/json"',
        bodyType: 'paths["/a"]["get"]["responses"][404]["content"]["application/json"]',
      },
      {
        contentType: '"application/problem+json"',
        bodyType: 'paths["/a"]["get"]["responses"]["4XX"]["content"]["application/problem+json"]',
      },
      { contentType: '"text/html"', bodyType: 'string | Uint8Array' },
      {
        contentType: '"application/json"',
        bodyType: 'paths["/b"]["post"]["responses"][500]["content"]["application/json"]',
      },
      {
        contentType: '"application/vnd.error+json"',
        bodyType: 'paths["/b"]["post"]["responses"][503]["content"]["application/vnd.error+json"]',
      },
    ]);
  });

  it.each([
    ['400', true],
    ['599', true],
    ['4XX', true],
    ['5xx', true],
    ['default', true],
    ['200', false],
    ['2XX', false],
    ['302', false],
    ['600', false],
  ])('isErrorStatus(%s) is %s', (status, expected) => {
    expect(isErrorStatus(status)).toBe(expected);
  });
});
