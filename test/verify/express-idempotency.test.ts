/**
 * verify against a plain Express app with the express-idempotency middleware (1.0.6, defaults). What it
 * finds is recorded in docs/verify.md; this test keeps that record true.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ExpressApp, startExpressIdempotencyApp } from './helpers/express-idempotency-app.js';
import { verifyPayments } from './helpers/verify-payments.js';

const TIMEOUT = 60_000;

let app: ExpressApp | undefined;
// Express's final handler logs every error's stack to the console outside its test mode.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = undefined;
});

describe('verify against Express + express-idempotency', () => {
  it(
    'finds what docs/verify.md records (production mode)',
    async () => {
      app = await startExpressIdempotencyApp();
      const report = await verifyPayments({ baseUrl: app.url, operations: ['createPayment'] });
      const reasons = Object.fromEntries(
        report.results.map((r) => [r.check, r.outcome === 'fail' ? r.reason : r.outcome]),
      );
      expect(reasons).toEqual({
        replay: 'the duplicate lacks Idempotent-Replayed: true',
        'lost-response':
          'the retry lacks Idempotent-Replayed: true, so a client cannot tell a replay from a second execution',
        'concurrent-duplicates': 'a duplicate was answered 409 without a Retry-After',
        fingerprint: 'the same key with a changed body was answered 417, not refused with 422',
        'key-required': 'a request without the key was answered 201, not 400',
        'key-malformed': 'a request with a malformed key was answered 201, not 400',
        'error-format':
          'the 409 answer is text/html, not application/problem+json or a declared error envelope',
        'declared-responses': 'pass',
        'retry-hints': 'the 409 answer has no Retry-After',
      });
      // The replays are real: one execution per key (replay, lost response, concurrent, fingerprint), plus the
      // request without a key and the one with a malformed key, both executed.
      expect(app.executions()).toBe(6);
      const replay = report.results.find((r) => r.check === 'replay')!;
      const [first, duplicate] = replay.exchanges;
      expect(first!.response!.headers.location).toBe('/payments/pay_1');
      // The replay drops the first answer's Location header.
      expect(duplicate!.response!.headers.location).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'in development mode, its error pages show stack traces',
    async () => {
      app = await startExpressIdempotencyApp('development');
      const report = await verifyPayments({ baseUrl: app.url, operations: ['createPayment'] });
      const errorFormat = report.results.find((r) => r.check === 'error-format')!;
      expect(errorFormat.outcome).toBe('fail');
      expect(errorFormat.reason).toBe('the 409 answer shows a stack trace');
      expect(errorFormat.exchanges[0]!.response!.body).toContain('idempotencyService.js');
    },
    TIMEOUT,
  );
});
