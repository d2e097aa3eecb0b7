import { describe, expect, it } from 'vitest';
import { createErrorCoreResponse, type ErrorBodyShaper } from '../../../src/runtime/server/error-body.js';
import type { ProblemInput } from '../../../src/runtime/server/problem-response.js';

const BASE = 'https://errors.example.test/';
const inProgress: ProblemInput = {
  slug: 'idempotency-request-in-progress',
  detail: 'A request with this key is running.',
  correlationId: 'req-1',
  base: BASE,
  headers: { 'Retry-After': '3' },
};

function shape(errorBody: ErrorBodyShaper | undefined, problem: ProblemInput = inProgress) {
  const failures: unknown[] = [];
  const response = createErrorCoreResponse({
    problem,
    errorBody,
    operationId: 'createCharge',
    onShapeError: (error) => failures.push(error),
  });
  return { response, failures };
}

describe('createErrorCoreResponse', () => {
  it('hands the problem and its context to errorBody and keeps the status and headers', () => {
    const seen: unknown[] = [];
    const { response, failures } = shape((problem, context) => {
      seen.push(problem, context);
      return { contentType: 'application/vnd.api+json', body: { errors: [{ code: context.slug }] } };
    });
    expect(seen).toEqual([
      {
        type: `${BASE}idempotency-request-in-progress`,
        title: 'Idempotent request in progress',
        status: 409,
        detail: 'A request with this key is running.',
        instance: 'urn:idemgen:request:req-1',
      },
      { slug: 'idempotency-request-in-progress', operationId: 'createCharge', correlationId: 'req-1' },
    ]);
    expect(failures).toEqual([]);
    expect(response).toEqual({
      status: 409,
      headers: {
        'retry-after': '3',
        'content-type': 'application/vnd.api+json',
        'x-request-id': 'req-1',
        'problem-type': `${BASE}idempotency-request-in-progress`,
      },
      body: '{"errors":[{"code":"idempotency-request-in-progress"}]}',
    });
  });

  it('sends a string or bytes body as it is, and no body for undefined', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(shape(() => ({ contentType: 'text/plain', body: 'busy' })).response.body).toBe('busy');
    expect(shape(() => ({ contentType: 'application/octet-stream', body: bytes })).response.body).toBe(bytes);
    expect('body' in shape(() => ({ contentType: 'text/plain', body: undefined })).response).toBe(false);
  });

  it('no Problem-Type for about:blank (404, 405)', () => {
    const notFound: ProblemInput = {
      status: 404,
      detail: 'No operation at /x.',
      correlationId: 'r',
      base: BASE,
    };
    const { response } = shape(
      () => ({ contentType: 'application/json', body: { error: 'not found' } }),
      notFound,
    );
    expect(response.status).toBe(404);
    expect(response.headers['problem-type']).toBeUndefined();
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('bug');
      },
    ],
    ['answers no contentType', () => ({ body: {} })],
    ['answers an empty contentType', () => ({ contentType: '', body: {} })],
    ['answers a non-object', () => 'oops'],
    [
      'answers a body JSON cannot write (BigInt)',
      () => ({ contentType: 'application/json', body: { n: 1n } }),
    ],
    [
      'answers a body JSON writes as nothing (a function)',
      () => ({ contentType: 'application/json', body: () => 1 }),
    ],
  ])('sends the RFC 9457 problem and reports the failure when errorBody %s', (_name, errorBody) => {
    const { response, failures } = shape(errorBody as unknown as ErrorBodyShaper);
    expect(failures).toHaveLength(1);
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['retry-after']).toBe('3');
    expect(JSON.parse(String(response.body))).toMatchObject({
      type: `${BASE}idempotency-request-in-progress`,
    });
  });

  it('undefined from errorBody, or no errorBody, is the problem without Problem-Type', () => {
    for (const errorBody of [undefined, () => undefined]) {
      const { response, failures } = shape(errorBody);
      expect(failures).toEqual([]);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['problem-type']).toBeUndefined();
    }
  });
});
