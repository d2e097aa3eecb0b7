/**
 * A throwaway PostgreSQL server of the test's own (initdb, pg_ctl) on a free loopback port, so that it can
 * be restarted mid-request without disturbing the shared test server. Run as the `postgres` user when the
 * test runs as root (PostgreSQL refuses root), as `.ci/run` does. Stopped (immediate) at exit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../e2e/helpers/cluster-redis-server.js';

const asRoot = process.getuid?.() === 0;
const command = (args: readonly string[]): [string, string[]] =>
  asRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)];

/** Whether the restart tests run: IDEMGEN_TEST_PG_RESTART=1, or CI=true (where initdb and pg_ctl must exist). */
export function pgRestartTestsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.IDEMGEN_TEST_PG_RESTART !== '1' && env.CI !== 'true') {
    console.warn(
      'skipping: set IDEMGEN_TEST_PG_RESTART=1 to run the PostgreSQL restart tests (they must run under CI=true)',
    );
    return false;
  }
  for (const tool of ['initdb', 'pg_ctl']) {
    const probe = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (probe.error !== undefined || probe.status !== 0) throw new Error(`${tool} is required on PATH`);
  }
  return true;
}

export interface OwnPostgres {
  url: string;
  /**
   * A restart with an outage of `downMs`: `pg_ctl stop -m <mode>`, then `pg_ctl start` `downMs` later
   * (a plain `pg_ctl restart -m immediate` can be over before a request's handler ends). Resolves once the
   * server accepts connections again.
   */
  restart(mode: 'fast' | 'immediate', downMs: number): Promise<void>;
  stop(): Promise<void>;
}

function run(args: readonly string[]): Promise<void> {
  const [file, rest] = command(args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-pg-restart-'));
  const data = join(dir, 'data');
  if (asRoot) spawnSync('chmod', ['755', dir]);
  if (asRoot) {
    spawnSync('mkdir', ['-p', data]);
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(data, uid, gid);
  }
  const port = await findFreePort();
  const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => run(['pg_ctl', '-D', data, '-l', join(data, 'log'), '-w', ...args]);
  await run(['initdb', '-D', data, '-A', 'trust', '-U', 'postgres']);
  await pgCtl('-o', options, 'start');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pgCtl('-m', 'immediate', 'stop').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => {
    if (!stopped) spawnSync(...command(['pg_ctl', '-D', data, '-m', 'immediate', 'stop']));
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(mode, downMs) {
      await pgCtl('-m', mode, 'stop');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await pgCtl('-o', options, 'start');
    },
    stop,
  };
}
