import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { checkRules, parseRuleFlags, RULES } from '../../src/model/rules.js';
import { lintFixture } from './lint-model.js';
import { makeSpec } from './make-spec.js';

describe('parseRuleFlags', () => {
  it.each([
    [['unsafe-retry=warn'], { 'unsafe-retry': 'warning' }],
    [
      ['unsafe-retry=warning', 'key-outlives-retry=off'],
      { 'unsafe-retry': 'warning', 'key-outlives-retry': 'off' },
    ],
    [['retry-permanent-status=ERROR'], { 'retry-permanent-status': 'error' }],
    [[' unsafe-retry = off '], { 'unsafe-retry': 'off' }],
    [['unsafe-retry=warn', 'unsafe-retry=error'], { 'unsafe-retry': 'error' }],
  ])('%j', (flags, severities) => {
    expect(parseRuleFlags(flags)).toEqual({ severities, errors: [] });
  });

  it('reports unknown codes with the list of codes, bad severities and unreadable flags', () => {
    const { severities, errors } = parseRuleFlags([
      'nope=warn',
      'unsafe-retry=loud',
      'unsafe-retry',
      'lease-shorter-than-attempt=off',
    ]);
    expect(severities).toEqual({ 'lease-shorter-than-attempt': 'off' });
    expect(errors).toEqual([
      `Unknown rule "nope" in --rule "nope=warn". Rules: ${Object.keys(RULES).join(', ')}.`,
      'Unknown severity "loud" in --rule "unsafe-retry=loud": use error, warn or off.',
      'Cannot read --rule "unsafe-retry": expected <code>=<error|warn|off>.',
    ]);
  });
});

describe('RULES', () => {
  it('has the contract rules with their default severities', () => {
    const defaults = Object.fromEntries(Object.entries(RULES).map(([code, r]) => [code, r.defaultSeverity]));
    expect(defaults).toMatchObject({
      'unsafe-retry': 'error',
      'key-outlives-retry': 'error',
      'lease-shorter-than-attempt': 'error',
      'retry-permanent-status': 'warning',
      'idempotency-on-safe-method': 'warning',
      'key-pointer-missing': 'error',
      'operation-id-collision': 'warning',
    });
  });
});

describe('checkRules messages', () => {
  it('names the operation, says what the client does and how to fix it', () => {
    const { diagnostics } = lintFixture('rule-unsafe-retry');
    expect(diagnostics[0]).toMatchObject({
      code: 'unsafe-retry',
      message:
        'POST /orders (createOrder): x-retry reaches this POST, which has no x-idempotency; the generated client will not retry it.',
      hint: 'Add x-idempotency to the operation (or its path item or the root), or set x-retry: false on it.',
    });
  });

  it('reports a root annotation that reaches many operations once, naming the others', () => {
    const { diagnostics } = lintFixture('rule-retry-permanent-status');
    const root = diagnostics.find((d) => d.pointer === '/x-retry/retryOn');
    expect(root?.message).toBe(
      'GET /orders (listOrders): retryOn holds 404, which a retry will not change. Also: GET /customers (listCustomers).',
    );
  });

  it('states the durations in key-outlives-retry and lease-shorter-than-attempt', () => {
    const outlives = lintFixture('rule-key-outlives-retry').diagnostics[0];
    expect(outlives?.message).toBe(
      'POST /short-ttl (shortTtl): the idempotency ttl (30s) is shorter than x-retry.maxElapsed (2m), so a key could expire while the client is still retrying it.',
    );
    expect(outlives?.hint).toBe('Set x-idempotency.ttl to at least 2m, or lower x-retry.maxElapsed.');
    const lease = lintFixture('rule-lease-shorter-than-attempt').diagnostics[0];
    expect(lease?.message).toContain('inProgressTimeout (10s) is shorter than x-retry.attemptTimeout (30s)');
  });

  it('states the durations in retry-after-too-long, against the lease and against the deadline', () => {
    const [lease, deadline] = lintFixture('rule-retry-after-too-long').diagnostics;
    expect(lease?.message).toBe(
      'POST /past-lease (pastLease): x-idempotency.retryAfter (45s) is longer than inProgressTimeout (30s); the server never sends more than the rest of the lease.',
    );
    expect(deadline?.message).toBe(
      'POST /past-deadline (pastDeadline): x-idempotency.retryAfter (20s) is not shorter than x-retry.maxElapsed (15s), so a client ends its call at the first in-progress answer instead of retrying it with the same key.',
    );
    expect(deadline?.hint).toBe('Set x-idempotency.retryAfter well below 15s (the default is 1s).');
  });

  it('falls back to the contract pointer when the key comes from an inherited annotation', () => {
    const spec = makeSpec(`
openapi: 3.1.0
info: { title: T, version: '1' }
x-idempotency: { key: { in: query, name: token } }
paths:
  /a:
    post: { operationId: a, responses: { '201': { description: OK } } }
`);
    const { model } = buildModel({ spec });
    expect(checkRules({ model }).map((d) => [d.code, d.pointer])).toEqual([
      ['key-pointer-missing', '/x-idempotency/key/name'],
    ]);
    expect(checkRules({ model, severities: { 'key-pointer-missing': 'warning' } })[0]?.severity).toBe(
      'warning',
    );
    expect(checkRules({ model, severities: { 'key-pointer-missing': 'off' } })).toEqual([]);
  });
});

describe('compat-retry-not-applied', () => {
  const fixture = 'rule-compat-retry-not-applied';

  it('warns once at an inherited x-speakeasy-retries, naming the unsafe operations it does not reach', () => {
    const { diagnostics } = lintFixture(fixture);
    expect(diagnostics[0]).toMatchObject({
      code: 'compat-retry-not-applied',
      severity: 'warning',
      pointer: '/x-speakeasy-retries',
      message:
        'POST /orders (createOrder): x-speakeasy-retries on the root reaches this POST, which has no x-idempotency; a retry policy inherited from a compat alias is a migration default and is not applied to an unsafe method, so the generated client will not retry it. Also: PATCH /orders (updateOrders).',
      hint: 'To retry it, add x-idempotency (or x-fern-idempotent: true) to the operation; to keep one attempt, set x-retry: false on it.',
    });
    expect(diagnostics[1]?.message).toMatch(
      /^POST \/events \(sendEvent\): x-speakeasy-retries on its path item /,
    );
  });

  it('suppresses the retry of those operations only; ours and an alias on the operation stay unsafe-retry', () => {
    const { model } = lintFixture(fixture);
    const suppressed = Object.fromEntries(model.operations.map((op) => [op.id, op.retrySuppressed]));
    expect(suppressed).toEqual({
      listOrders: undefined,
      createOrder: 'compat-default-on-unsafe',
      updateOrders: 'compat-default-on-unsafe',
      createPayment: undefined,
      sendEvent: 'compat-default-on-unsafe',
      createRefund: 'unsafe-without-idempotency',
      createInvoice: 'unsafe-without-idempotency',
      createNote: undefined,
    });
  });

  it('is configurable like the other rules, and unsafe-retry=off leaves it alone', () => {
    const codes = (flags: string[]) =>
      lintFixture(fixture, parseRuleFlags(flags).severities).diagnostics.map(
        (d) => `${d.code}:${d.severity}`,
      );
    expect(codes(['compat-retry-not-applied=error'])).toContain('compat-retry-not-applied:error');
    expect(codes(['compat-retry-not-applied=off'])).toEqual(['unsafe-retry:error', 'unsafe-retry:error']);
    expect(codes(['unsafe-retry=off'])).toEqual([
      'compat-retry-not-applied:warning',
      'compat-retry-not-applied:warning',
    ]);
  });

  it('is an error-free lint of a root x-speakeasy-retries over unsafe operations', () => {
    const spec = makeSpec(`
openapi: 3.0.3
info: { title: T, version: '1' }
x-speakeasy-retries: { strategy: backoff, retryConnectionErrors: true }
paths:
  /a:
    post: { operationId: a, responses: { '201': { description: OK } } }
`);
    const { model } = buildModel({ spec });
    expect(checkRules({ model }).map((d) => [d.code, d.severity])).toEqual([
      ['compat-retry-not-applied', 'warning'],
    ]);
  });
});
