/**
 * Many calls of one generated client at once through a server that drops the first connections it sees:
 * every call ends ok, each with its own key, and each retry of a call carries that call's key only.
 *
 * The client runs on a FakeClock that moves only by the backoff delays it sleeps (each retry's delay, in
 * turn): at most 110 ms in all (10 drops, at most 5 + 10 + 20 ms per call), never the fixture's 200 ms
 * attemptTimeout. An attempt therefore never times out however slow the machine is, and the counts below
 * are exact: one attempt per call and one more per dropped connection, each read by the server once.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { type GeneratedClientOutput, generateE2eClient } from './helpers/client-generated.js';
import { type FaultServer, startFaultServer } from './helpers/fault-server.js';
import { drop, ok } from './helpers/fault-steps.js';

const CALLS = 20;
const DROPS = 10;

let out: GeneratedClientOutput;
let server: FaultServer | undefined;
beforeAll(async () => {
  out = await generateE2eClient('concurrency');
});
afterAll(() => out?.remove());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it(`keeps ${CALLS} concurrent calls' keys apart through ${DROPS} dropped connections`, async () => {
  server = await startFaultServer({
    script: Array.from({ length: DROPS }, drop),
    otherwise: ok(201, { id: 'pay', amount: 1, currency: 'EUR' }),
  });
  const clock = new FakeClock(1_700_000_000_000);
  const start = clock.now();
  const retries: string[] = [];
  // Each retry advances the clock by its own delay once every earlier advance is done, so the sleep it
  // is about to start (after the hook returns) is due by then: FakeClock.advance first lets pending work run.
  let advancing = Promise.resolve();
  const client = out.client.createClient({
    baseUrl: server.url,
    budget: undefined,
    clock,
    hooks: {
      onRetry: ({ reason, delayMs }) => {
        retries.push(reason);
        advancing = advancing.then(() => clock.advance(delayMs));
      },
    },
  });

  const results = await Promise.all(
    Array.from({ length: CALLS }, (_, i) =>
      out.client.createPayment(client, { body: { amount: i + 1, currency: 'EUR' } }),
    ),
  );

  await advancing;

  const keys = results.map((r) => (r.ok ? r.idempotencyKey : `failed: ${r.error.kind}`));
  expect(new Set(keys).size).toBe(CALLS);
  // Each dropped connection cost its call exactly one retry, and every attempt reached the server once.
  expect(retries).toEqual(Array.from({ length: DROPS }, () => 'network'));
  expect(results.reduce((sum, r) => sum + (r.ok ? r.attempts : 0), 0)).toBe(CALLS + DROPS);
  expect(server.requests).toHaveLength(CALLS + DROPS);
  expect(clock.now() - start).toBeLessThan(200);
  for (const [i, result] of results.entries()) {
    if (!result.ok) throw new Error(`call ${i} failed: ${result.error.message}`);
    const own = server.requests.filter((r) => r.idempotencyKey === result.idempotencyKey);
    expect(own).toHaveLength(result.attempts);
    // One call's attempts all carry its own body and correlation id.
    expect(new Set(own.map((r) => r.body))).toEqual(
      new Set([JSON.stringify({ amount: i + 1, currency: 'EUR' })]),
    );
    expect(new Set(own.map((r) => r.requestId))).toEqual(new Set([result.correlationId]));
  }
});
