/**
 * Type tests of the generated server's signatures (a vitest type test, type-checked by `vitest run` through
 * `tsconfig.type-tests.json`): `createServer` reports the operations without a handler by name, and a
 * handler's request and response are typed from the spec.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreatePaymentRequest,
  type CreatePaymentResponse,
  createServer,
  type Handlers,
  type MissingHandlers,
} from '../generated/payments/server/index.js';

describe('generated server types', () => {
  it('names the operations a handler set leaves out', () => {
    const handlers = {
      getPayment: () => ({
        status: 404 as const,
        body: { type: 'about:blank', title: 'Not Found', status: 404 },
      }),
    };
    expectTypeOf<MissingHandlers<typeof handlers>>().toEqualTypeOf<'createPayment' | 'upsertRefund'>();
    expectTypeOf<MissingHandlers<Handlers>>().toEqualTypeOf<never>();
    expectTypeOf<MissingHandlers<Record<never, never>>>().toEqualTypeOf<keyof Handlers>();
    const build = () => createServer({ handlers });
    expectTypeOf<ReturnType<typeof build>['missing']>().toEqualTypeOf<('createPayment' | 'upsertRefund')[]>();
  });

  it('types a handler request and response from the spec', () => {
    expectTypeOf<CreatePaymentRequest['body']['amount']>().toEqualTypeOf<number>();
    expectTypeOf<CreatePaymentResponse['status']>().toEqualTypeOf<201 | 422>();
    // @ts-expect-error a status the operation does not declare
    const wrong: CreatePaymentResponse = { status: 200, body: undefined };
    expectTypeOf(wrong).not.toBeAny();
  });
});
