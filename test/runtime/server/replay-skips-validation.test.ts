import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/runtime/idempotency/stores/memory.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type { ServerRoute, ValidationInput } from '../../../src/runtime/server/types.js';
import { ORDER_CONTRACT } from './fixture.js';

const BASE = 'http://api.test';

/** A route whose validator counts its calls and refuses a body whose `amount` is not a number. */
function createCore() {
  let validations = 0;
  let executions = 0;
  const route: ServerRoute = {
    operationId: 'createOrder',
    method: 'POST',
    pathTemplate: '/orders',
    idempotency: ORDER_CONTRACT,
    replayHeaders: [],
    requestBodyRequired: true,
    bodyMediaTypes: ['application/json'],
    validate: (input: ValidationInput) => {
      validations++;
      const body = input.body as { amount?: unknown };
      return typeof body.amount === 'number' ? [] : [{ pointer: '/body/amount', message: 'must be number' }];
    },
  };
  const core = createServerCore({
    routes: [route],
    handlers: {
      createOrder: () => {
        executions++;
        return { status: 201, body: { id: executions } };
      },
    },
    store: createMemoryStore(),
    maxBodyBytes: 1_000_000,
  });
  const post = (body: unknown, key: string) =>
    core.fetch(
      new Request(`${BASE}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      }),
    );
  return { post, validations: () => validations, executions: () => executions };
}

describe('validation and replays', () => {
  it('validates a new key once and answers its replays without validating again', async () => {
    const { post, validations, executions } = createCore();
    const first = await post({ amount: 5 }, 'k-1');
    expect(first.status).toBe(201);
    expect(validations()).toBe(1);
    for (let i = 0; i < 3; i++) {
      const replay = await post({ amount: 5 }, 'k-1');
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual({ id: 1 });
    }
    expect(validations()).toBe(1);
    expect(executions()).toBe(1);
  });

  it('refuses an invalid request with 400 and releases its claim: a corrected request with the key runs', async () => {
    const { post, executions } = createCore();
    const invalid = await post({ amount: 'five' }, 'k-2');
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).type).toBe('https://idemgen.dev/problems/request-validation-failed');
    // Not stored: the same invalid request is validated (and refused) again, not replayed.
    const again = await post({ amount: 'five' }, 'k-2');
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    // The key is free: the corrected request executes instead of answering 422 key-reused.
    const corrected = await post({ amount: 5 }, 'k-2');
    expect(corrected.status).toBe(201);
    expect(executions()).toBe(1);
  });

  it('answers a key reused with another (invalid) request 422, as the fingerprint decides first', async () => {
    const { post, validations } = createCore();
    expect((await post({ amount: 5 }, 'k-3')).status).toBe(201);
    const reused = await post({ amount: 'five' }, 'k-3');
    expect(reused.status).toBe(422);
    expect((await reused.json()).type).toBe('https://idemgen.dev/problems/idempotency-key-reused');
    expect(validations()).toBe(1);
  });
});
