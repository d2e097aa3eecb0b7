/**
 * Error bodies as the generated client reports them over real sockets: a declared problem+json status is an
 * `http` error whose `problem` keeps the type and every extension member; an undeclared status is
 * `unexpected-status` with the problem still parsed; a JSON body that is not problem+json has no `problem`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, type GeneratedClientOutput, generateE2eClient } from './helpers/client-generated.js';
import { type FaultServer, startFaultServer } from './helpers/fault-server.js';
import { type FaultStep, ok, problem } from './helpers/fault-steps.js';

const NEW_PAYMENT = { body: { amount: 4200, currency: 'EUR' } };
const REFUSED = {
  type: 'https://errors.example.test/payment-refused',
  title: 'Payment refused',
  detail: 'The balance is too low.',
  instance: 'urn:request:abc',
  balance: 12,
  errors: [{ pointer: '/amount', message: 'exceeds the balance' }],
};

let out: GeneratedClientOutput;
let server: FaultServer | undefined;
beforeAll(async () => {
  out = await generateE2eClient('problems');
});
afterAll(() => out?.remove());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function callWith(step: FaultStep) {
  server = await startFaultServer({ script: [step] });
  const client = out.client.createClient({ baseUrl: server.url, budget: undefined });
  const error = failureOf(await out.client.createPayment(client, NEW_PAYMENT));
  return { error, requests: server.requests };
}

describe('generated client: problem details', () => {
  it('types a declared 422 problem+json as an http error, keeping type and extension members', async () => {
    const { error, requests } = await callWith(problem(422, REFUSED));

    expect(requests).toHaveLength(1);
    if (error.kind !== 'http') throw new Error(`expected http, got ${error.kind}`);
    expect(error).toMatchObject({ status: 422, retryable: false, attempts: 1 });
    expect(error.problem).toEqual({ ...REFUSED, status: 422 });
    expect(error.problem?.balance).toBe(12);
    expect(error.body).toEqual({ ...REFUSED, status: 422 });
    expect(error.headers.get('content-type')).toBe('application/problem+json');
    expect(error.idempotencyKey).toBe(requests[0]?.idempotencyKey);
    expect(error.correlationId).toBe(requests[0]?.requestId);
    expect(error.message).toBe('HTTP 422 Payment refused: The balance is too low.');
  });

  it.each([
    {
      case: 'a problem without type or title',
      body: { detail: 'no type' },
      expected: { type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: 'no type' },
    },
    {
      case: 'a problem whose status member disagrees with the response',
      body: { type: 'urn:x', title: 'X', status: 400 },
      expected: { type: 'urn:x', title: 'X', status: 422 },
    },
  ])('reads $case leniently (RFC 9457)', async ({ body, expected }) => {
    const { error } = await callWith({ ...problem(422, {}), body });

    expect(error.kind === 'http' && error.problem).toEqual(expected);
  });

  it('reports an undeclared problem status as unexpected-status, problem kept', async () => {
    const { error } = await callWith(
      problem(404, { type: 'urn:problems:not-found', title: 'Nope', shelf: 3 }),
    );

    expect(error.kind).toBe('unexpected-status');
    expect(error).toMatchObject({ status: 404, retryable: false, attempts: 1 });
    expect(error.kind === 'unexpected-status' && error.problem).toEqual({
      type: 'urn:problems:not-found',
      title: 'Nope',
      status: 404,
      shelf: 3,
    });
  });

  it('leaves problem unset when a declared status answers plain JSON', async () => {
    const { error } = await callWith(ok(422, { reason: 'plain' }));

    if (error.kind !== 'http') throw new Error(`expected http, got ${error.kind}`);
    expect(error.problem).toBeUndefined();
    expect(error.body).toEqual({ reason: 'plain' });
  });
});
