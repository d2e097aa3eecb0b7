/** `lint()`, the programmatic entry that the CLI wraps (src/lint.ts). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { positionStats } from '../../src/load/positions.js';
import { REPO_ROOT } from './support/build-package.js';

describe('lint()', () => {
  it('returns the model and no diagnostics for a clean spec, computing no positions', async () => {
    const before = positionStats.parses;
    const result = await lint({ spec: 'fixtures/cli-clean/openapi.yaml', cwd: REPO_ROOT });
    expect(result.usable).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.operations.map((op) => op.id).sort()).toEqual(['createOrder', 'listOrders']);
    expect(result.spec?.file).toBe('fixtures/cli-clean/openapi.yaml');
    expect(positionStats.parses).toBe(before);
  });

  it('locates and sorts the diagnostics', async () => {
    const { diagnostics } = await lint({ spec: join(REPO_ROOT, 'fixtures/cli-errors/openapi.yaml') });
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['unsafe-retry', 'error', 7, 5],
      ['idempotency-on-safe-method', 'warning', 16, 7],
    ]);
  });

  it.each([
    {
      rules: { 'unsafe-retry': 'warning' as const },
      codes: ['unsafe-retry:warning', 'idempotency-on-safe-method:warning'],
    },
    { rules: { 'unsafe-retry': 'off' as const }, codes: ['idempotency-on-safe-method:warning'] },
    {
      rules: { 'idempotency-on-safe-method': 'error' as const },
      codes: ['unsafe-retry:error', 'idempotency-on-safe-method:error'],
    },
  ])('applies rule severities $rules', async ({ rules, codes }) => {
    const { diagnostics } = await lint({ spec: 'fixtures/cli-errors/openapi.yaml', cwd: REPO_ROOT, rules });
    expect(diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(codes);
  });

  it.each([
    { name: 'a missing file', spec: 'fixtures/cli-none/openapi.yaml', code: 'file-not-found' },
    { name: 'broken YAML', spec: 'fixtures/cli-broken-yaml/openapi.yaml', code: 'yaml-syntax' },
  ])('does not throw for $name: unusable, no model', async ({ spec, code }) => {
    const result = await lint({ spec, cwd: REPO_ROOT });
    expect(result.usable).toBe(false);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe(code);
  });
});
