import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as local from '../../../src/runtime/errors/index.js';

const source = join(import.meta.dirname, '../../../src/runtime');
const copyRoot = mkdtempSync(join(tmpdir(), 'idemgen-errors-copy-'));
for (const dir of ['shared', 'problem', 'errors']) {
  cpSync(join(source, dir), join(copyRoot, dir), { recursive: true });
}
afterAll(() => rmSync(copyRoot, { recursive: true, force: true }));

const loadCopy = async (): Promise<typeof local> =>
  (await import(/* @vite-ignore */ join(copyRoot, 'errors/index.ts'))) as typeof local;

const cause = new Error('underlying');

/** The store's and the server's errors, each built with a `cause`. */
const build = (m: typeof local) => ({
  'store-unavailable': new m.StoreUnavailableError('down', { reason: 'full', cause }),
  'fenced-completion': new m.FencedCompletionError(201, { cause }),
  'request-body-too-large': new m.RequestBodyTooLargeError(10, { cause }),
  'response-validation': new m.ResponseValidationError(
    { operationId: 'op', status: 200, issues: [{ pointer: '/a', message: 'must be string' }] },
    { cause },
  ),
  'undeclared-status': new m.UndeclaredStatusError('op returned undeclared status 299', { cause }),
});

const guards = (m: typeof local) => ({
  'store-unavailable': m.isStoreUnavailableError,
  'fenced-completion': m.isFencedCompletionError,
  'request-body-too-large': m.isRequestBodyTooLargeError,
  'response-validation': m.isResponseValidationError,
  'undeclared-status': m.isUndeclaredStatusError,
});

describe('the runtime errors outside a call', () => {
  it('are recognized by their guard only, from either copy of the runtime', async () => {
    const copy = await loadCopy();
    expect(copy.StoreUnavailableError).not.toBe(local.StoreUnavailableError);
    for (const [from, to] of [
      [copy, local],
      [local, copy],
    ] as const) {
      const check = guards(to);
      for (const [kind, error] of Object.entries(build(from))) {
        for (const [guardKind, guard] of Object.entries(check)) expect(guard(error)).toBe(guardKind === kind);
        expect(to.isIdemgenError(error)).toBe(false);
      }
    }
  });

  it('carry a cause, a name from their kind, and their fields', () => {
    const errors = build(local);
    expect(Object.values(errors).map((e) => e.cause)).toEqual(Object.values(errors).map(() => cause));
    expect(Object.values(errors).map((e) => e.name)).toEqual([
      'StoreUnavailableError',
      'FencedCompletionError',
      'RequestBodyTooLargeError',
      'ResponseValidationError',
      'UndeclaredStatusError',
    ]);
    expect(errors['store-unavailable'].reason).toBe('full');
    expect(errors['fenced-completion'].status).toBe(201);
    expect(errors['request-body-too-large'].maxBytes).toBe(10);
    expect(errors['response-validation'].message).toBe(
      'op returned a 200 body that does not match the spec: /a must be string',
    );
  });

  it('leave the cause out when none is given', () => {
    expect('cause' in new local.StoreUnavailableError('down')).toBe(false);
    expect(new local.StoreUnavailableError('down').reason).toBe('unreachable');
  });
});
