import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PRELOAD = new URL('./child-rss.cjs', import.meta.url).pathname;

export interface ChildRun {
  /** Wall time from spawn to exit, Node start-up included (what a user waits for). */
  ms: number;
  /** Peak RSS of the child in MB, as the child's own getrusage reports it at exit. */
  maxRssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` with the RSS preload and waits for it. A child that runs longer than `timeoutMs` is
 * killed (the run then fails), so a benchmark always ends by itself.
 */
export function spawnMeasured(input: {
  args: readonly string[];
  cwd: string;
  timeoutMs?: number;
  /** Exit codes that count as success (default [0]). */
  okCodes?: readonly number[];
}): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-bench-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', PRELOAD, ...input.args], {
    cwd: input.cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), input.timeoutMs ?? 300_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      let maxRssKb = Number.NaN;
      try {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      const run = { ms, maxRssMb: maxRssKb / 1024, code, stdout, stderr };
      if (!(input.okCodes ?? [0]).includes(code ?? -1)) {
        const command = `node ${input.args.join(' ')}`;
        reject(new Error(`${command} exited with ${code}:\n${stderr.slice(-2000)}`));
      } else resolve(run);
    });
  });
}
