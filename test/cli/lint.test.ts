import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build-package.js';
import { runCli } from './support/run-cli.js';

const ERRORS = 'fixtures/cli-errors/openapi.yaml';
const CLEAN = 'fixtures/cli-clean/openapi.yaml';
const WARNINGS = 'fixtures/cli-warnings/openapi.yaml';
const BROKEN = 'fixtures/cli-broken-yaml/openapi.yaml';
const ANSI = '\u001b[';

interface JsonOutput {
  diagnostics: { file: string; line: number | null; column: number | null; severity: string; code: string }[];
  summary: { errors: number; warnings: number };
}

describe('idemgen lint: exit codes', () => {
  it.each([
    { name: 'a clean spec', argv: ['lint', CLEAN], code: 0 },
    { name: 'warnings only', argv: ['lint', WARNINGS], code: 0 },
    { name: 'errors', argv: ['lint', ERRORS], code: 1 },
    { name: 'an error demoted by --rule', argv: ['lint', ERRORS, '--rule', 'unsafe-retry=warn'], code: 0 },
    { name: 'a missing file', argv: ['lint', 'fixtures/cli-none/openapi.yaml'], code: 2 },
    { name: 'a YAML syntax error', argv: ['lint', BROKEN], code: 2 },
  ])('$name -> $code', async ({ argv, code }) => {
    const run = await runCli(argv);
    expect(run.code, run.stdout + run.stderr).toBe(code);
    expect(run.stderr).toBe('');
  });
});

describe('idemgen lint: stylish output', () => {
  it('prints file:line:col, the pointer, a code frame, the hint and the summary', async () => {
    const { stdout } = await runCli(['lint', ERRORS]);
    const header = stdout.match(
      /^fixtures\/cli-errors\/openapi\.yaml:(\d+):(\d+) {2}error {2}.+ {2}unsafe-retry$/m,
    );
    expect(header, stdout).not.toBeNull();
    const line = Number(header![1]);
    const sourceLine = readFileSync(join(REPO_ROOT, ERRORS), 'utf8').split('\n')[line - 1]!;
    expect(stdout).toContain(`> ${line} | ${sourceLine}`);
    expect(stdout).toMatch(/^ +\| +\^$/m);
    expect(stdout).toMatch(/^ {2}at #\/paths\/~1orders\/post/m);
    expect(stdout).toMatch(/^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/m);
  });

  it('says so when there are no problems', async () => {
    const { stdout } = await runCli(['lint', CLEAN]);
    expect(stdout).toBe(`✔ ${CLEAN}: no problems\n`);
  });

  it('shows paths relative to the working directory', async () => {
    const { stdout } = await runCli(['lint', 'openapi.yaml'], {
      cwd: join(REPO_ROOT, 'fixtures/cli-errors'),
    });
    expect(stdout).toMatch(/^openapi\.yaml:\d+:\d+ {2}error/m);
  });

  it.each([
    { name: 'not a TTY', isTTY: false, env: {}, flags: [], colored: false },
    { name: 'a TTY', isTTY: true, env: {}, flags: [], colored: true },
    { name: 'a TTY with NO_COLOR', isTTY: true, env: { NO_COLOR: '1' }, flags: [], colored: false },
    { name: 'a TTY with --no-color', isTTY: true, env: {}, flags: ['--no-color'], colored: false },
    { name: '--color without a TTY', isTTY: false, env: {}, flags: ['--color'], colored: true },
  ])('colour on $name: $colored', async ({ isTTY, env, flags, colored }) => {
    const { stdout } = await runCli(['lint', ERRORS, ...flags], { isTTY, env });
    expect(stdout.includes(ANSI)).toBe(colored);
  });
});

describe('idemgen lint: json output', () => {
  it('prints diagnostics and a summary, located', async () => {
    const run = await runCli(['lint', ERRORS, '--format', 'json'], { isTTY: true });
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(Object.keys(output)).toEqual(['diagnostics', 'summary']);
    const unsafe = output.diagnostics.find((d) => d.code === 'unsafe-retry');
    expect(unsafe).toMatchObject({ file: ERRORS, severity: 'error', line: expect.any(Number) });
    expect(output.summary.errors).toBe(output.diagnostics.filter((d) => d.severity === 'error').length);
    expect(output.summary.errors).toBeGreaterThan(0);
    expect(run.stdout.includes(ANSI)).toBe(false);
  });

  it('--rule code=warn turns an error into a warning; off drops it', async () => {
    const warned = JSON.parse(
      (await runCli(['lint', ERRORS, '--format=json', '--rule', 'unsafe-retry=warn'])).stdout,
    );
    expect((warned as JsonOutput).diagnostics.find((d) => d.code === 'unsafe-retry')?.severity).toBe(
      'warning',
    );
    const off = JSON.parse(
      (await runCli(['lint', ERRORS, '--format=json', '--rule=unsafe-retry=off'])).stdout,
    );
    expect((off as JsonOutput).diagnostics.some((d) => d.code === 'unsafe-retry')).toBe(false);
  });

  it('takes --rule more than once, before or after the spec', async () => {
    const argv = ['lint', '--rule', 'unsafe-retry=off', ERRORS, '--format', 'json'];
    const run = await runCli([...argv, '--rule', 'idempotency-on-safe-method=error']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['idempotency-on-safe-method', 'error'],
    ]);
  });

  it('reports an unusable spec as JSON too, with exit 2', async () => {
    const run = await runCli(['lint', 'fixtures/cli-none/openapi.yaml', '--format', 'json']);
    expect(run.code).toBe(2);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.summary.errors).toBeGreaterThan(0);
    expect(output.diagnostics[0]?.file).toContain('cli-none');
  });
});

describe('idemgen lint: input from stdin', () => {
  it('reads - from stdin and names it <stdin>, without a code frame', async () => {
    const text = readFileSync(join(REPO_ROOT, ERRORS), 'utf8');
    const run = await runCli(['lint', '-'], { stdinText: text });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:\d+:\d+ {2}error/m);
    expect(run.stdout).not.toMatch(/^ +> \d+ \|/m);
  });
});
