/**
 * verify against small hand-written servers: the honest one passes every check, and each deliberately
 * broken one fails exactly the checks whose sentence it breaks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BrokenServer, type Flaw, startPaymentsServer } from './broken-servers/payments-server.js';
import { failedChecks, verifyPayments } from './helpers/verify-payments.js';

const TIMEOUT = 60_000;

let server: BrokenServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('verify against hand-written servers', () => {
  it(
    'passes a server that keeps the contract, and executes each probe key once',
    async () => {
      server = await startPaymentsServer();
      const report = await verifyPayments({ baseUrl: server.url, operations: ['createPayment'] });
      expect(failedChecks(report)).toEqual([]);
      expect(report.results.filter((r) => r.outcome === 'skip').map((r) => r.check)).toEqual([]);
      // replay, lost-response, concurrent-duplicates and fingerprint: one execution each.
      expect(server.executions()).toBe(4);
    },
    TIMEOUT,
  );

  const cases: [Flaw, string[], RegExp][] = [
    [
      'executes-duplicates',
      ['replay', 'lost-response', 'concurrent-duplicates', 'fingerprint'],
      /executed twice/,
    ],
    ['ignores-fingerprint', ['fingerprint'], /changed body was accepted: the fingerprint is ignored/],
    ['leaks-stack-trace', ['error-format'], /shows a stack trace/],
    ['missing-key-500', ['key-required'], /without the key was answered 500, not 400/],
    ['replays-other-status', ['replay', 'declared-responses'], /duplicate was answered 200, the first 201/],
    ['drops-retry-after', ['concurrent-duplicates', 'retry-hints'], /409 without a Retry-After/],
  ];

  it.each(cases)(
    'catches a server that %s',
    async (flaw, expected, reason) => {
      server = await startPaymentsServer(flaw);
      const report = await verifyPayments({ baseUrl: server.url, operations: ['createPayment'] });
      expect(failedChecks(report)).toEqual(expected);
      const failure = report.results.find((r) => r.check === expected[0])!;
      expect(failure.reason).toMatch(reason);
      expect(failure.exchanges.length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
