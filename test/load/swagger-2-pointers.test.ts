import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { swagger2PointerMap } from '../../src/load/swagger-2-pointers.js';
import { FIXTURES } from './fixtures-dir.js';

const original = parse(readFileSync(join(FIXTURES, 'swagger-2-petstore/swagger.yaml'), 'utf8'));
const map = swagger2PointerMap(original);
const exact = (pointer: string) => ({ pointer, approximate: false });
const approximate = (pointer: string) => ({ pointer, approximate: true });

describe('swagger2PointerMap: converted pointer -> original pointer', () => {
  it.each([
    [
      'an unchanged operation extension',
      '/paths/~1pets/post/x-idempotency/ttl',
      exact('/paths/~1pets/post/x-idempotency/ttl'),
    ],
    ['a root extension', '/x-retry/maxAttempts', exact('/x-retry/maxAttempts')],
    ['the version', '/openapi', exact('/swagger')],
    [
      'a schema component',
      '/components/schemas/NewPet/properties/name/minLength',
      exact('/definitions/NewPet/properties/name/minLength'),
    ],
    [
      'a parameter component, its schema',
      '/components/parameters/PetId/schema/type',
      exact('/parameters/PetId/type'),
    ],
    [
      'a response component, its content schema',
      '/components/responses/NotFound/content/application~1json/schema/$ref',
      exact('/responses/NotFound/schema/$ref'),
    ],
    [
      'a security scheme',
      '/components/securitySchemes/apiKey/name',
      exact('/securityDefinitions/apiKey/name'),
    ],
    [
      'a response content schema',
      '/paths/~1pets/post/responses/201/content/application~1json/schema',
      exact('/paths/~1pets/post/responses/201/schema'),
    ],
    [
      'a response header schema',
      '/paths/~1pets/get/responses/200/headers/X-Next/schema/type',
      exact('/paths/~1pets/get/responses/200/headers/X-Next/type'),
    ],
    [
      'a query parameter schema',
      '/paths/~1pets/get/parameters/1/schema/items/type',
      exact('/paths/~1pets/get/parameters/1/items/type'),
    ],
    [
      'the requestBody from a body parameter',
      '/paths/~1pets/post/requestBody',
      exact('/paths/~1pets/post/parameters/1'),
    ],
    [
      'its schema',
      '/paths/~1pets/post/requestBody/content/application~1json/schema/$ref',
      exact('/paths/~1pets/post/parameters/1/schema/$ref'),
    ],
    [
      'a form property from a formData parameter',
      '/paths/~1pets~1{petId}~1photo/post/requestBody/content/multipart~1form-data/schema/properties/rating/type',
      exact('/paths/~1pets~1{petId}~1photo/post/parameters/2/type'),
    ],
    ['a moved server', '/servers/0/url', approximate('/host')],
    [
      'a form schema keyword with no counterpart',
      '/paths/~1pets~1{petId}~1photo/post/requestBody/content/multipart~1form-data/schema/required',
      approximate('/paths/~1pets~1{petId}~1photo/post/parameters/1'),
    ],
    [
      'a style made from collectionFormat',
      '/paths/~1pets/get/parameters/1/style',
      approximate('/paths/~1pets/get/parameters/1'),
    ],
    [
      'something that is nowhere in the original',
      '/paths/~1pets/get/x-new/deep',
      approximate('/paths/~1pets/get'),
    ],
  ])('%s', (_name, converted, expected) => {
    expect(map(converted)).toEqual(expected);
  });

  it('renumbers operation parameters around the body parameter the conversion took out', () => {
    const withBodyFirst = swagger2PointerMap({
      swagger: '2.0',
      paths: {
        '/a': {
          post: {
            parameters: [
              { name: 'b', in: 'body', schema: {} },
              { $ref: '#/parameters/Q' },
              { name: 'f', in: 'formData', type: 'string' },
              { name: 'h', in: 'header', type: 'string' },
            ],
          },
        },
      },
      parameters: { Q: { name: 'q', in: 'query', type: 'string' } },
    });
    expect(withBodyFirst('/paths/~1a/post/parameters/0')).toEqual(exact('/paths/~1a/post/parameters/1'));
    expect(withBodyFirst('/paths/~1a/post/parameters/1/schema/type')).toEqual(
      exact('/paths/~1a/post/parameters/3/type'),
    );
  });

  it('finds a schema the conversion renamed', () => {
    const renamed = swagger2PointerMap({ swagger: '2.0', definitions: { 'Pet List': { type: 'array' } } });
    expect(renamed('/components/schemas/Pet_List/type')).toEqual(exact('/definitions/Pet List/type'));
  });
});
