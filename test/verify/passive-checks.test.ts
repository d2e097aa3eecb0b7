/** The checks that judge answers already seen: error-format, declared-responses, retry-hints. */
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/verify/checks/check-context.js';
import { checkDeclaredResponses } from '../../src/verify/checks/declared-responses.js';
import { checkErrorFormat } from '../../src/verify/checks/error-format.js';
import { checkRetryHints } from '../../src/verify/checks/retry-hints.js';
import { createSchemaValidator } from '../../src/verify/schema-validator.js';
import type { Exchange, ProbeResponse } from '../../src/verify/types.js';
import { paymentsModel } from './helpers/verify-payments.js';

async function contextFor(operationId: string): Promise<CheckContext> {
  const model = await paymentsModel();
  const operation = model.operations.find((op) => op.id === operationId)!;
  return {
    operation,
    document: model.document,
    validator: createSchemaValidator({ document: model.document, openapi: model.openapi }),
  } as CheckContext;
}

const exchange = (
  response: Partial<ProbeResponse> & { status: number },
  role: Exchange['role'] = 'valid',
): Exchange => ({
  label: 'first',
  role,
  request: { method: 'POST', target: '/payments', headers: {} },
  response: { headers: {}, body: '', ...response },
});

const problem = (status: number, members: Record<string, unknown> = {}) =>
  exchange({
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'https://x.test/p', title: 'T', status, ...members }),
  });

describe('error-format', () => {
  it('passes problems with type, title and status; skips when no error was seen', async () => {
    const context = await contextFor('createPayment');
    expect(checkErrorFormat(context, [problem(422), problem(400)]).outcome).toBe('pass');
    expect(checkErrorFormat(context, [exchange({ status: 201 })])).toMatchObject({ outcome: 'skip' });
  });

  it.each([
    [problem(422, { status: 400 }), 'the 422 problem lacks status (422)'],
    [problem(409, { title: undefined }), 'the 409 problem lacks title'],
    [
      problem(500, { detail: 'connect ECONNREFUSED 10.0.0.5:5432' }),
      'the 500 answer shows an internal error code',
    ],
    [
      exchange({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'oops' }),
      'the 500 answer is text/plain',
    ],
  ])('fails %#', async (seen, reason) => {
    const verdict = checkErrorFormat(await contextFor('createPayment'), [problem(400), seen]);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.reason).toContain(reason);
    expect(verdict.exchanges).toEqual([seen]);
  });
});

describe('declared-responses', () => {
  const payment = { id: 'p', status: 'succeeded', amount: 1, currency: 'EUR' };
  const created = (body: unknown, contentType = 'application/json') =>
    exchange({ status: 201, headers: { 'content-type': contentType }, body: JSON.stringify(body) });

  it('passes a declared status with a body its schema accepts; leaves probes and 409s aside', async () => {
    const context = await contextFor('createPayment');
    const verdict = checkDeclaredResponses(context, [
      created(payment),
      { ...problem(400), role: 'probe' },
      exchange({ status: 409 }),
    ]);
    expect(verdict).toMatchObject({ outcome: 'pass', exchanges: [{ response: { status: 201 } }] });
  });

  it.each([
    [exchange({ status: 200, body: '{}' }), 'status 200 is not declared (declared: 201, 422)'],
    [
      created({ ...payment, status: 'lost' }),
      'the 201 body does not match its declared schema: /status must be equal to one of the allowed values',
    ],
    [created(payment, 'text/html'), 'the 201 answer is text/html; declared: application/json'],
  ])('fails %#', async (seen, reason) => {
    const verdict = checkDeclaredResponses(await contextFor('createPayment'), [seen]);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.reason).toContain(reason);
  });
});

describe('retry-hints', () => {
  const busy = (headers: Record<string, string>) => exchange({ status: 409, headers });

  it('passes readable hints within the deadline; skips when none was asked for', async () => {
    const context = await contextFor('createPayment');
    expect(
      checkRetryHints(context, [
        busy({ 'retry-after': '1' }),
        exchange({ status: 503, headers: { 'retry-after-ms': '250' } }),
      ]).outcome,
    ).toBe('pass');
    expect(checkRetryHints(context, [exchange({ status: 201 })]).outcome).toBe('skip');
  });

  it.each([
    [busy({}), 'the 409 answer has no Retry-After'],
    [exchange({ status: 429, headers: { 'retry-after': 'soon' } }), 'an unreadable Retry-After (soon)'],
    // payments.yaml: x-retry maxElapsed 20s.
    [
      exchange({ status: 503, headers: { 'retry-after': '60' } }),
      "asks for 60000 ms, longer than the client's deadline (x-retry maxElapsed, 20000 ms)",
    ],
  ])('fails %#', async (seen, reason) => {
    const verdict = checkRetryHints(await contextFor('createPayment'), [seen]);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.reason).toContain(reason);
  });
});
