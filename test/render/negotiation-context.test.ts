/**
 * Issue 15: what the generator precomputes for content negotiation: the client's `Accept` (in the operation
 * spec literal, left out when it is the default), the client's `data` types against what `readBody` gives,
 * and the server route's success media types.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import type { OperationModel } from '../../src/model/types.js';
import { acceptHeader, operationSpec, operationToClientContext } from '../../src/render/client-context.js';
import { operationToRoute, operationToServerContext } from '../../src/render/server-context.js';
import { makeSpec } from '../model/make-spec.js';

const content = (...types: string[]) =>
  `{ ${types.map((t) => `'${t}': { schema: { type: string } }`).join(', ')} }`;

/** One GET operation per entry, `responses` as YAML flow text. */
function operations(responses: Record<string, string>): Map<string, OperationModel> {
  const paths = Object.entries(responses)
    .map(([id, text]) => `  /${id}:\n    get:\n      operationId: ${id}\n      responses: ${text}`)
    .join('\n');
  const spec = makeSpec(`openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n${paths}\n`);
  const { model } = buildModel({ spec });
  return new Map(model.operations.map((op) => [op.id, op]));
}

const ops = operations({
  jsonOnly: `{ '200': { description: ok, content: ${content('application/json')} } }`,
  jsonProblem: `{ '200': { description: ok, content: ${content('application/json')} }, '422': { description: no, content: ${content('application/problem+json')} } }`,
  csvAndJson: `{ '200': { description: ok, content: ${content('application/json', 'text/csv')} }, '404': { description: no, content: ${content('application/json', 'application/problem+json')} } }`,
  wildcards: `{ '200': { description: ok, content: ${content('image/*', '*/*', 'image/*')} } }`,
  empty: `{ '204': { description: none } }`,
  xml: `{ '200': { description: ok, content: ${content('application/xml')} } }`,
  pdf: `{ '200': { description: ok, content: ${content('application/pdf')} } }`,
  png: `{ '200': { description: ok, content: ${content('image/png')} } }`,
  any: `{ '200': { description: ok, content: ${content('*/*')} } }`,
  vnd: `{ '200': { description: ok, content: ${content('application/vnd.api+json')} } }`,
  jsonSpaced: `{ '200': { description: ok, content: ${content('application/json ; charset=utf-8')} } }`,
  textUtf8: `{ '200': { description: ok, content: ${content('text/plain; charset=utf-8')} } }`,
  csv: `{ '200': { description: ok, content: ${content('text/csv')} } }`,
  errorOnly: `{ '200': { description: ok }, '400': { description: no, content: ${content('text/plain')} } }`,
});
const op = (id: string): OperationModel => {
  const found = ops.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};

describe('the client Accept header', () => {
  it('lists every response type in order, once, then application/problem+json unless listed', () => {
    expect(acceptHeader(op('csvAndJson'))).toBe('application/json, text/csv, application/problem+json');
    expect(acceptHeader(op('wildcards'))).toBe('image/*, */*, application/problem+json');
    expect(acceptHeader(op('textUtf8'))).toBe('text/plain; charset=utf-8, application/problem+json');
    expect(acceptHeader(op('errorOnly'))).toBe('text/plain, application/problem+json');
  });

  it('is the default when no response declares content', () => {
    expect(acceptHeader(op('empty'))).toBe('application/json, application/problem+json');
  });

  it('is left out of the spec literal when it equals the default, kept otherwise', () => {
    expect(operationSpec(op('jsonOnly')).accept).toBeUndefined();
    expect(operationSpec(op('jsonProblem')).accept).toBeUndefined();
    expect(operationSpec(op('empty')).accept).toBeUndefined();
    expect(operationSpec(op('pdf')).accept).toBe('application/pdf, application/problem+json');
    expect(operationToClientContext(op('jsonOnly')).specLiteral).not.toContain('accept');
  });
});

describe("the client's data types agree with readBody", () => {
  const dataType = (id: string) => operationToClientContext(op(id)).successes[0]?.dataType;

  it.each([
    ['csv', 'string'],
    ['xml', 'string'],
    ['textUtf8', 'string'],
    ['pdf', 'Blob | string'],
    ['png', 'Blob | string'],
    // */* may be answered with JSON, parsed by readBody: nothing narrower is true.
    ['any', 'unknown'],
    ['wildcards', 'unknown'],
    ['vnd', 'VndOperation["responses"][200]["content"]["application/vnd.api+json"]'],
    // The model's choice of JSON media type, which allows a space before the parameters.
    ['jsonSpaced', 'JsonSpacedOperation["responses"][200]["content"]["application/json ; charset=utf-8"]'],
    ['csvAndJson', 'CsvAndJsonOperation["responses"][200]["content"]["application/json"] | string'],
  ])('%s: %s', (id, expected) => {
    expect(dataType(id)).toBe(expected);
  });
});

describe('the JSON media type', () => {
  it('is the one the model recorded: the renderers do not choose it again', () => {
    const original = op('csvAndJson');
    const first = original.responses[0]!;
    const unrecorded: OperationModel = {
      ...original,
      responses: [{ ...first, jsonMediaType: undefined }, ...original.responses.slice(1)],
    };
    expect(operationToClientContext(unrecorded).successes[0]?.dataType).toBe('string');
    expect(operationToServerContext(unrecorded, { name: 'v' }).responses[0]?.bodyType).toBe(
      'string | Uint8Array',
    );
    expect(operationToServerContext(original, { name: 'v' }).responses[0]?.bodyType).toBe(
      'CsvAndJsonOperation["responses"][200]["content"]["application/json"] | string | Uint8Array',
    );
  });
});

describe('the server route', () => {
  it('holds the success media types, once each, and none when no success declares content', () => {
    expect(operationToRoute(op('csvAndJson')).responseMediaTypes).toEqual(['application/json', 'text/csv']);
    expect(operationToRoute(op('wildcards')).responseMediaTypes).toEqual(['image/*', '*/*']);
    expect(operationToRoute(op('empty')).responseMediaTypes).toBeUndefined();
    expect(operationToRoute(op('errorOnly')).responseMediaTypes).toBeUndefined();
  });

  it('types responseMediaType and a content map only where there is a choice', () => {
    const several = operationToServerContext(op('csvAndJson'), { name: 'v' });
    expect(several.responseMediaTypeType).toBe('"application/json" | "text/csv"');
    expect(several.responses[0]?.contentType).toBe(
      '{ "application/json"?: CsvAndJsonOperation["responses"][200]["content"]["application/json"]; "text/csv"?: string | Uint8Array }',
    );
    const one = operationToServerContext(op('jsonOnly'), { name: 'v' });
    expect(one.responseMediaTypeType).toBe('');
    expect(one.responses[0]?.contentType).toBe('');
  });
});
