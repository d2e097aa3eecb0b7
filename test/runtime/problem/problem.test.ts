import { describe, expect, it } from 'vitest';
import {
  FRAMEWORK_PROBLEMS,
  isJsonContentType,
  isProblemContentType,
  isProblemSlug,
  PROBLEM_SLUGS,
  parseProblem,
  problemType,
  slugOf,
  statusToPhrase,
} from '../../../src/runtime/problem/index.js';

describe('parseProblem', () => {
  it('defaults an absent type to about:blank and its title to the status phrase', () => {
    expect(parseProblem({ detail: 'no such order' }, 404)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no such order',
    });
  });

  it('keeps the members and the extension members', () => {
    const body = {
      type: 'https://x.test/problems/request-validation-failed',
      title: 'Request validation failed',
      status: 400,
      instance: 'req-1',
      errors: [{ pointer: '/amount', message: 'must be positive' }],
    };
    expect(parseProblem(body, 400)).toEqual(body);
  });

  it.each([
    ['type not a string', { type: 7 }, { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['empty type', { type: '' }, { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['title not a string', { title: ['x'] }, { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['detail not a string', { detail: 3 }, { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['instance not a string', { instance: {} }, { type: 'about:blank', title: 'Conflict', status: 409 }],
    [
      'body status differs (HTTP status wins)',
      { status: 500 },
      { type: 'about:blank', title: 'Conflict', status: 409 },
    ],
    ['body is text', 'oops', { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['body is an array', [1], { type: 'about:blank', title: 'Conflict', status: 409 }],
    ['body is null', null, { type: 'about:blank', title: 'Conflict', status: 409 }],
  ])('ignores members of the wrong type: %s', (_name, body, expected) => {
    expect(parseProblem(body, 409)).toEqual(expected);
  });

  it('defaults the title of a typed problem to the status phrase too', () => {
    expect(parseProblem({ type: 'https://x.test/p/out-of-stock' }, 422).title).toBe('Unprocessable Content');
  });
});

describe('content types', () => {
  it.each([
    ['application/problem+json', true, true],
    ['Application/Problem+JSON; charset=utf-8', true, true],
    ['application/json', false, true],
    ['application/json;charset=UTF-8', false, true],
    ['application/vnd.api+json', false, true],
    ['text/plain', false, false],
    ['application/jsonx', false, false],
    ['', false, false],
    [null, false, false],
  ])('%s: problem %s, json %s', (ct, problem, json) => {
    expect(isProblemContentType(ct)).toBe(problem);
    expect(isJsonContentType(ct)).toBe(json);
  });
});

describe('problem types and slugs', () => {
  it.each([
    ['https://x.test/problems', 'internal-error', 'https://x.test/problems/internal-error'],
    ['https://x.test/problems/', 'internal-error', 'https://x.test/problems/internal-error'],
    ['https://x.test/errors#', 'internal-error', 'https://x.test/errors#internal-error'],
    ['urn:acme:problem:', 'internal-error', 'urn:acme:problem:internal-error'],
  ])('problemType(%s, %s)', (base, slug, expected) => {
    expect(problemType(base, slug)).toBe(expected);
    expect(slugOf(expected, base)).toBe(slug);
    expect(slugOf(expected)).toBe(slug);
  });

  it.each([
    ['about:blank', undefined, undefined],
    ['', undefined, undefined],
    ['https://other.test/problems/internal-error', 'https://x.test/problems', undefined],
    ['https://x.test/problems/', 'https://x.test/problems', undefined],
    ['https://x.test/problems/idempotency-key-reused/', undefined, 'idempotency-key-reused'],
    ['idempotency-key-reused', undefined, 'idempotency-key-reused'],
  ])('slugOf(%s, %s) is %s', (type, base, expected) => {
    expect(slugOf(type, base)).toBe(expected);
  });

  it('holds the framework slugs with their statuses', () => {
    const statuses = Object.fromEntries(PROBLEM_SLUGS.map((slug) => [slug, FRAMEWORK_PROBLEMS[slug].status]));
    expect(statuses).toEqual({
      'cursor-invalid': 400,
      'idempotency-key-missing': 400,
      'idempotency-key-invalid': 400,
      'idempotency-key-reused': 422,
      'idempotency-request-in-progress': 409,
      'request-validation-failed': 400,
      'request-too-large': 413,
      'unsupported-media-type': 415,
      'not-acceptable': 406,
      'dependency-unavailable': 503,
      'internal-error': 500,
      'not-implemented': 501,
      'webhook-signature-invalid': 401,
    });
    expect(isProblemSlug('internal-error')).toBe(true);
    expect(isProblemSlug('toString')).toBe(false);
  });

  it.each([
    [404, 'Not Found'],
    [429, 'Too Many Requests'],
    [599, 'Server Error'],
    [499, 'Client Error'],
    [299, 'Unknown Status'],
  ])('statusToPhrase(%i) is %s', (status, phrase) => {
    expect(statusToPhrase(status)).toBe(phrase);
  });
});
