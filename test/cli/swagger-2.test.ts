/**
 * `idemgen lint` and `generate` on Swagger 2.0 input: the conversion is one info diagnostic that does not
 * change the exit code; errors point at the original file; a document the converter gives up on is
 * reported, located, without a stack trace.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const PETSTORE = 'fixtures/swagger-2-petstore/swagger.yaml';
const INVALID = 'fixtures/swagger-2-errors/invalid-idempotency.yaml';
const UNCONVERTIBLE = 'fixtures/swagger-2-errors/unconvertible.yaml';
const CONVERTED =
  /^fixtures\/swagger-2-petstore\/swagger\.yaml:1:1 {2}info {2}converted from Swagger 2\.0 to OpenAPI 3\.0.+ {2}swagger-2-converted$/m;

describe('idemgen on Swagger 2.0', () => {
  it('lint: prints the info diagnostic, counts it apart from problems, exit 0', async () => {
    const run = await runCli(['lint', PETSTORE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(CONVERTED);
    expect(run.stdout).toContain('✔ no problems (1 info message)');
    expect(run.stderr).toBe('');
  });

  it('lint --format json: the info diagnostic and its count', async () => {
    const run = await runCli(['lint', PETSTORE, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      diagnostics: { severity: string; code: string }[];
      summary: unknown;
    };
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'swagger-2-converted' }),
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });

  it('generate: prints the info diagnostic and writes the code, exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'idemgen-swagger-cli-'));
    const run = await runCli(['generate', PETSTORE, '-o', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(CONVERTED);
    expect(run.stdout).toMatch(/written/);
  }, 60_000);

  it('lint: an invalid x-idempotency is an error at the original line, exit 1', async () => {
    const run = await runCli(['lint', INVALID]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^fixtures\/swagger-2-errors\/invalid-idempotency\.yaml:12:9 {2}error {2}x-idempotency\.ttl .+extension-invalid$/m,
    );
    expect(run.stdout).toContain('> 12 |         ttl: forever');
  });

  it('a document the converter cannot convert: a located error with its message, no stack trace', async () => {
    for (const command of [
      ['lint'],
      ['generate', '-o', mkdtempSync(join(tmpdir(), 'idemgen-swagger-cli-'))],
    ]) {
      const [name, ...rest] = command as [string, ...string[]];
      const run = await runCli([name, UNCONVERTIBLE, ...rest]);
      // Like any spec that cannot be loaded (yaml-syntax, not-openapi): exit 2.
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(
        /^fixtures\/swagger-2-errors\/unconvertible\.yaml:1:1 {2}error {2}converting this Swagger 2\.0 document to OpenAPI 3\.0 failed: info must be an object {2}swagger-2-conversion-failed$/m,
      );
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(run.stderr).toBe('');
    }
  });
});
