/**
 * Type tests of the generated client's signatures (a vitest type test, type-checked by `vitest run` through
 * `tsconfig.type-tests.json`; `expectTypeOf` and `@ts-expect-error` lines fail it when a signature drifts).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreatePaymentResult,
  createClient,
  createPayment,
  getPayment,
  upsertRefund,
} from '../generated/payments/client/index.js';
import type { components } from '../generated/payments/schema.js';

type Payment = components['schemas']['Payment'];
type Problem = components['schemas']['Problem'];

const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: async () => new Response(null) });

describe('generated client types', () => {
  it('types the request body and parameters from the spec', () => {
    // A wrong body or parameter does not compile; these calls are never awaited (nothing is sent).
    const calls = () => {
      void createPayment(client, { body: { amount: 100, currency: 'EUR' } });
      // @ts-expect-error amount must be a number
      void createPayment(client, { body: { amount: '100', currency: 'EUR' } });
      // @ts-expect-error currency is required
      void createPayment(client, { body: { amount: 100 } });
      // @ts-expect-error the body is required
      void createPayment(client, {});
      void getPayment(client, { path: { paymentId: 'p1' } });
      // @ts-expect-error paymentId is a path parameter of type string
      void getPayment(client, { path: { paymentId: 1 } });
      // @ts-expect-error unknown path parameter
      void getPayment(client, { path: { id: 'p1' } });
      void upsertRefund(client, { body: { refundId: 'r1', paymentId: 'p1', amount: 5 } });
      void createPayment(
        client,
        { body: { amount: 1, currency: 'EUR' } },
        { idempotencyKey: 'k', maxAttempts: 1 },
      );
      // @ts-expect-error per-call options are limited to the documented ones
      void createPayment(client, { body: { amount: 1, currency: 'EUR' } }, { retries: 10 });
    };
    expectTypeOf(calls).toBeFunction();
  });

  it('narrows success data and error bodies by status', () => {
    const handle = (r: CreatePaymentResult) => {
      if (r.ok) {
        expectTypeOf(r.status).toEqualTypeOf<201>();
        expectTypeOf(r.data).toEqualTypeOf<Payment>();
        expectTypeOf(r.idempotencyKey).toEqualTypeOf<string | undefined>();
        expectTypeOf(r.attempts).toEqualTypeOf<number>();
        return;
      }
      const error = r.error;
      if (error.kind === 'http') {
        expectTypeOf(error.status).toEqualTypeOf<422>();
        expectTypeOf(error.body).toEqualTypeOf<Problem>();
      } else if (error.kind === 'unexpected-status') {
        expectTypeOf(error.body).toEqualTypeOf<unknown>();
      } else {
        expectTypeOf(error.kind).toEqualTypeOf<
          'network' | 'timeout' | 'aborted' | 'deadline-exceeded' | 'budget-exhausted'
        >();
        expectTypeOf(error.retryable).toEqualTypeOf<boolean>();
        expectTypeOf(error.attempts).toEqualTypeOf<number>();
      }
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('narrows a 404 problem body of a read', async () => {
    const r = await getPayment(client, { path: { paymentId: 'p1' } });
    if (!r.ok && r.error.kind === 'http') {
      expectTypeOf(r.error.status).toEqualTypeOf<404>();
      expectTypeOf(r.error.body).toEqualTypeOf<Problem>();
    }
  });
});
