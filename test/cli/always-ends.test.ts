/**
 * Every command ends, with its documented exit code, on every unusable input: the real binary (compiled into
 * a throwaway package copy) spawned as a child process with a deadline. Before the fix, `generate` printed its
 * diagnostics and then hung forever on an early failure (the types worker was left referenced), so a CI job
 * waited until it was killed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../config/temp-project.js';
import { buildPackage, REPO_ROOT } from './support/build-package.js';

let bin = '';

beforeAll(() => {
  bin = buildPackage(join(REPO_ROOT, 'test/cli/.out/pkg-always-ends'));
}, 120_000);

const DEADLINE_MS = 20_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Spawns the binary; kills it (and says so) when it outlives the deadline. `until`: SIGTERM once printed. */
function runBin(argv: string[], options: { cwd?: string; until?: string } = {}): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: options.cwd ?? REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, DEADLINE_MS);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (options.until !== undefined && stderr.includes(options.until)) child.kill('SIGTERM');
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function expectEnded(run: Run, code: number): void {
  const output = `${run.stdout}${run.stderr}`;
  expect(run.timedOut, `still running after ${DEADLINE_MS} ms:\n${output}`).toBe(false);
  expect(run.code, output).toBe(code);
  expect(output).not.toMatch(STACK_FRAME);
}

/** Specs that cannot be loaded at all (exit 2 for `lint` and `generate`). */
const UNUSABLE = [
  'fixtures/cli-broken-yaml/openapi.yaml',
  'fixtures/load-broken-external-ref/openapi.yaml',
  'fixtures/load-broken-internal-ref/openapi.yaml',
  'fixtures/load-broken-json/openapi.json',
  'fixtures/load-broken-yaml/openapi.yaml.broken',
  'fixtures/load-duplicate-key/openapi.yaml',
  'fixtures/load-not-openapi/openapi.yaml',
  'fixtures/swagger-2-errors/unconvertible.yaml',
];

describe('the CLI always ends', () => {
  it('names its fixtures correctly', () => {
    for (const spec of UNUSABLE) expect(existsSync(join(REPO_ROOT, spec)), spec).toBe(true);
  });

  it('with no arguments, or a command without its arguments: exit 2', async () => {
    const empty = tempProject();
    const runs = await Promise.all([
      runBin([]),
      runBin(['lint']),
      runBin(['templates']),
      runBin(['generate'], { cwd: empty }),
      runBin(['generate', '--watch'], { cwd: empty }),
    ]);
    for (const run of runs) expectEnded(run, 2);
    expect(runs[3]?.stderr).toContain('Name a spec');
  });

  it.concurrent.each(UNUSABLE)('lint and generate on %s: exit 2, promptly', async (spec) => {
    const out = tempProject();
    const [lint, generate] = await Promise.all([
      runBin(['lint', spec]),
      runBin(['generate', spec, '-o', out]),
    ]);
    expectEnded(lint, 2);
    expectEnded(generate, 2);
    expect(generate.stdout).toMatch(/error/);
  });

  it.concurrent.each(UNUSABLE)(
    'generate --watch on %s reports it, keeps watching for the fix, and stops on SIGTERM',
    async (spec) => {
      const out = tempProject();
      const run = await runBin(['generate', spec, '-o', out, '--watch'], {
        until: 'watching (Ctrl-C to stop)',
      });
      expectEnded(run, 0);
      expect(run.stdout).toMatch(/error/);
    },
  );

  it('a spec file that does not exist: exit 2 for lint, generate and generate --watch', async () => {
    const out = tempProject();
    const runs = await Promise.all([
      runBin(['lint', 'fixtures/none/openapi.yaml']),
      runBin(['generate', 'fixtures/none/openapi.yaml', '-o', out]),
      runBin(['generate', 'fixtures/none/openapi.yaml', '-o', out, '--watch']),
    ]);
    for (const run of runs) expectEnded(run, 2);
    expect(runs[2]?.stderr).toContain('--watch: file not found: fixtures/none/openapi.yaml');
  });

  it('generate --watch on stdin: exit 2 (nothing to watch)', async () => {
    const run = await runBin(['generate', '-', '-o', tempProject(), '--watch']);
    expectEnded(run, 2);
    expect(run.stderr).toContain('stdin');
  });

  it('an output directory that cannot be made: exit 2 and one line, for generate, init and templates eject', async () => {
    const dir = tempProject();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory\n');
    const spec = 'fixtures/tpl-small/openapi.yaml';
    const runs = await Promise.all([
      runBin(['generate', spec, '-o', join(file, 'gen')]),
      runBin(['init', join(file, 'project')]),
      runBin(['templates', 'eject', '--out', join(file, 'templates')]),
    ]);
    for (const run of runs) {
      expectEnded(run, 2);
      expect(run.stderr).toMatch(/^idemgen: cannot mkdir .*a-file.*\(ENOTDIR\)$/m);
    }
  });

  // Node's recursive mkdir loops forever where the parent refuses children with ENOENT (Linux's /proc).
  it.runIf(existsSync('/proc/self'))('an output directory under /proc: exit 2, not a hang', async () => {
    const run = await runBin(['generate', 'fixtures/tpl-small/openapi.yaml', '-o', '/proc/idemgen-out/gen']);
    expectEnded(run, 2);
    expect(run.stderr).toContain('cannot mkdir /proc/idemgen-out');
  });

  const hostile = readdirSync(join(REPO_ROOT, 'fixtures/gen-hostile'))
    .filter((name) => name !== 'openapi.yaml' && /\.(ya?ml|json)$/.test(name))
    .map((name) => `fixtures/gen-hostile/${name}`);
  for (const spec of hostile) {
    it.concurrent(`lint on the hostile ${spec} ends with 1 or 2, no stack trace`, async () => {
      const run = await runBin(['lint', spec]);
      expect(run.timedOut, run.stdout + run.stderr).toBe(false);
      expect([1, 2]).toContain(run.code);
      expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
    });
  }
});
