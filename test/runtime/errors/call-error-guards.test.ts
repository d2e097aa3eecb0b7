import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as local from '../../../src/runtime/errors/index.js';

const source = join(import.meta.dirname, '../../../src/runtime');
const copyRoot = mkdtempSync(join(tmpdir(), 'idemgen-runtime-copy-'));
for (const dir of ['shared', 'problem', 'errors']) {
  cpSync(join(source, dir), join(copyRoot, dir), { recursive: true });
}
afterAll(() => rmSync(copyRoot, { recursive: true, force: true }));

/** A second, independent copy of the errors module, as when generated code vendors the runtime. */
const loadCopy = async (): Promise<typeof local> =>
  (await import(/* @vite-ignore */ join(copyRoot, 'errors/index.ts'))) as typeof local;

const build = (m: typeof local) => ({
  network: new m.NetworkError({ retryable: true, attempts: 2, idempotencyKey: 'k', correlationId: 'c' }),
  timeout: new m.TimeoutError({ retryable: true, attempts: 1, timeoutMs: 5 }),
  aborted: new m.AbortedError({ attempts: 0 }),
  'deadline-exceeded': new m.DeadlineExceededError({ retryable: true, attempts: 1, maxElapsedMs: 9 }),
  'budget-exhausted': new m.BudgetExhaustedError({ retryable: true, attempts: 1 }),
  http: new m.HttpError({ status: 503, body: 'x', headers: new Headers(), retryable: true, attempts: 3 }),
});

const guards = (m: typeof local) => ({
  network: m.isNetworkError,
  timeout: m.isTimeoutError,
  aborted: m.isAbortedError,
  'deadline-exceeded': m.isDeadlineExceededError,
  'budget-exhausted': m.isBudgetExhaustedError,
  http: (e: unknown) => m.isHttpError(e),
});

describe('error guards', () => {
  it('recognize errors from another copy of the runtime, where instanceof fails', async () => {
    const copy = await loadCopy();
    expect(copy.NetworkError).not.toBe(local.NetworkError);
    for (const [from, to] of [
      [copy, local],
      [local, copy],
    ] as const) {
      const errors = build(from);
      const check = guards(to);
      for (const [kind, error] of Object.entries(errors)) {
        expect(to.isIdemgenError(error)).toBe(true);
        expect(to.errorKindOf(error)).toBe(kind);
        for (const [guardKind, guard] of Object.entries(check)) expect(guard(error)).toBe(guardKind === kind);
      }
      expect(errors.network instanceof to.NetworkError).toBe(false);
    }
  });

  it('read the Symbol.for brand on any object, and reject unbranded look-alikes', () => {
    const branded = { [Symbol.for('idemgen.error')]: 'http', status: 404 };
    expect(local.isHttpError(branded)).toBe(true);
    expect(local.isHttpError(branded, 404)).toBe(true);
    expect(local.isHttpError(branded, 500)).toBe(false);
    for (const value of [
      { kind: 'http', status: 404 },
      { [Symbol('idemgen.error')]: 'http' },
      { [Symbol.for('idemgen.error')]: 'something-else' },
      new Error('x'),
      null,
      'http',
    ]) {
      expect(local.isIdemgenError(value)).toBe(false);
    }
  });

  it('carry what the caller needs: names, flags, key, correlation id and cause', () => {
    const errors = build(local);
    expect(Object.values(errors).map((e) => e.name)).toEqual([
      'NetworkError',
      'TimeoutError',
      'AbortedError',
      'DeadlineExceededError',
      'BudgetExhaustedError',
      'HttpError',
    ]);
    expect(errors.network).toMatchObject({
      retryable: true,
      attempts: 2,
      idempotencyKey: 'k',
      correlationId: 'c',
    });
    expect(errors.aborted.retryable).toBe(false);
    expect(errors.http.message).toBe('HTTP 503 Service Unavailable');
    const withProblem = new local.HttpError({
      status: 422,
      body: {},
      headers: new Headers(),
      problem: { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'sku unknown' },
      retryable: false,
      attempts: 1,
    });
    expect(withProblem.message).toBe('HTTP 422 Unprocessable: sku unknown');
  });
});
