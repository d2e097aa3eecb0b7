/**
 * Many calls of one generated client at once through a server that drops the first connections it sees:
 * every call ends ok, each with its own key, and each retry of a call carries that call's key only.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
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
  const client = out.client.createClient({ baseUrl: server.url, budget: undefined });

  const results = await Promise.all(
    Array.from({ length: CALLS }, (_, i) =>
      out.client.createPayment(client, { body: { amount: i + 1, currency: 'EUR' } }),
    ),
  );

  const keys = results.map((r) => (r.ok ? r.idempotencyKey : `failed: ${r.error.kind}`));
  expect(new Set(keys).size).toBe(CALLS);
  // Every attempt reached the server once. At least one per call and one per drop: more when a busy machine
  // makes an attempt outlast the fixture's 200 ms attemptTimeout (it is then retried, with the same key).
  const attempts = results.reduce((sum, r) => sum + (r.ok ? r.attempts : 0), 0);
  expect(server.requests).toHaveLength(attempts);
  expect(attempts).toBeGreaterThanOrEqual(CALLS + DROPS);
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
