import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { hasRepeatedOperationIds, toSchemaDocument } from '../../src/render/schema-document.js';

const ok = { '200': { description: 'ok' } };

function documentOf(paths: JsonObject, components: JsonObject = {}): JsonObject {
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths, components };
}

describe('toSchemaDocument', () => {
  it('gives a repeated operationId the model id in a copy, leaving the document as it was', () => {
    const document = documentOf({
      '/a': { get: { operationId: 'pay', responses: ok }, post: { operationId: 'pay', responses: ok } },
      '/b': { get: { operationId: 'list', responses: ok } },
    });
    const before = structuredClone(document);
    expect(hasRepeatedOperationIds(document)).toBe(true);
    const out = toSchemaDocument(document, [
      { pointer: '/paths/~1a/get', id: 'pay' },
      { pointer: '/paths/~1a/post', id: 'pay2' },
      { pointer: '/paths/~1b/get', id: 'list' },
    ]);
    expect(document).toEqual(before);
    expect(out).toEqual({
      ...before,
      paths: {
        ...(before.paths as JsonObject),
        '/a': { get: { operationId: 'pay', responses: ok }, post: { operationId: 'pay2', responses: ok } },
      },
    });
    expect(out.paths).not.toBe(document.paths);
  });

  it('returns the document itself when no operationId repeats, counting a shared path item once', () => {
    const document = documentOf(
      { '/a': { $ref: '#/components/pathItems/P' }, '/b': { $ref: '#/components/pathItems/P' } },
      { pathItems: { P: { get: { operationId: 'pay', responses: ok } } } },
    );
    expect(hasRepeatedOperationIds(document)).toBe(false);
    const ops = [
      { pointer: '/components/pathItems/P/get', id: 'pay' },
      { pointer: '/components/pathItems/P/get', id: 'pay2' },
    ];
    expect(toSchemaDocument(document, ops)).toBe(document);
  });
});
