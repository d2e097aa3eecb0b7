/**
 * The contract has one definition, the runtime's, and the generator's literals are built from tables the
 * compiler checks against it. The `@ts-expect-error` lines are the proof: `tsc` (in `npm test`) fails if any
 * of them stops being an error, that is, if a forgotten or extra field would compile. The `expect` lines
 * check at run time that the tables hold exactly the runtime's fields, in the order the literals use.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BACKOFF_POLICY_KEYS,
  IDEMPOTENCY_CONTRACT_KEYS,
  type KeyTable,
  RETRY_POLICY_KEYS,
} from '../../src/model/contract-keys.js';
import type {
  IdempotencyContract as ModelIdempotencyContract,
  RetryContract,
} from '../../src/model/types.js';
import { operationSpec } from '../../src/render/client-context.js';
import type { LiteralBuilder } from '../../src/render/literal-builder.js';
import { operationToRoute } from '../../src/render/server-context.js';
import type { OperationSpec } from '../../src/runtime/client/index.js';
import { DEFAULT_IDEMPOTENCY } from '../../src/runtime/idempotency/defaults.js';
import type { IdempotencyContract } from '../../src/runtime/idempotency/types.js';
import { DEFAULT_RETRY_POLICY } from '../../src/runtime/retry/defaults.js';
import type { RetryPolicy } from '../../src/runtime/retry/types.js';
import type { ServerRoute } from '../../src/runtime/server/types.js';

describe('one definition of the contract', () => {
  it('a key table stops compiling when the runtime type gains a field, or when it lists one too many', () => {
    // A field added to the runtime's RetryPolicy: the existing table no longer satisfies it.
    // @ts-expect-error 'jitterCapMs' is missing from the table
    const grown: KeyTable<RetryPolicy & { jitterCapMs: number }> = RETRY_POLICY_KEYS;
    // Optional fields count too (`retryAfterMs` is optional in the runtime's contract).
    // @ts-expect-error 'retryAfterMs' is missing
    const withoutOptional: KeyTable<IdempotencyContract> = {
      key: true,
      required: true,
      ttlMs: true,
      inProgressTimeoutMs: true,
      fingerprint: true,
      scope: true,
      concurrent: true,
      replay: true,
    };
    const extra: KeyTable<RetryPolicy> = {
      ...RETRY_POLICY_KEYS,
      // @ts-expect-error a field the runtime does not have
      pointer: true,
    };
    expect([grown, withoutOptional, extra].every((table) => typeof table === 'object')).toBe(true);
  });

  it('a literal builder stops compiling when a field of OperationSpec or ServerRoute has no entry', () => {
    // @ts-expect-error 'accept' (optional) is not built
    const spec: LiteralBuilder<OperationSpec, null> = {
      operationId: () => 'op',
      method: () => 'GET',
      pathTemplate: () => '/',
      idempotency: () => undefined,
      retry: () => undefined,
      errorStatuses: () => [],
      body: () => undefined,
      parameters: () => undefined,
    };
    type RouteFields = keyof LiteralBuilder<Omit<ServerRoute, 'validate' | 'validateResponse'>, null>;
    expectTypeOf<RouteFields>().toEqualTypeOf<Exclude<keyof ServerRoute, 'validate' | 'validateResponse'>>();
    expect(Object.keys(spec)).not.toContain('accept');
  });

  it("the model's contracts are the runtime's, narrowed and located", () => {
    expectTypeOf<RetryContract>().toExtend<RetryPolicy>();
    expectTypeOf<ModelIdempotencyContract>().toExtend<IdempotencyContract>();
    expectTypeOf(operationSpec).returns.toEqualTypeOf<OperationSpec>();
    expectTypeOf(operationToRoute).returns.toExtend<Omit<ServerRoute, 'validate' | 'validateResponse'>>();
    // The tables name exactly the defaults' fields, in the order of the generated literals.
    expect(Object.keys(RETRY_POLICY_KEYS)).toEqual(Object.keys(DEFAULT_RETRY_POLICY));
    expect(Object.keys(BACKOFF_POLICY_KEYS)).toEqual(Object.keys(DEFAULT_RETRY_POLICY.backoff));
    expect(Object.keys(IDEMPOTENCY_CONTRACT_KEYS)).toEqual(Object.keys(DEFAULT_IDEMPOTENCY));
  });
});
