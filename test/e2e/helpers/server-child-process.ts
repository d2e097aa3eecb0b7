/**
 * Spawns, starts and kills the SQLite child server (server-sqlite-child.ts) for the crash test. A spawned
 * child loads its code and waits; `start()` lets it open the database and listen (the port comes from its
 * `listening` line; later lines are collected as events). Spawning ahead keeps the slow part (loading
 * TypeScript through tsx) out of the measured windows.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const CHILD_SCRIPT = resolve('test/e2e/helpers/server-sqlite-child.ts');

export interface ChildServer {
  url: string;
  pid: number;
  /** JSON lines the child printed after `listening`. */
  events: Record<string, unknown>[];
  /** SIGKILL, resolved when the process is gone. */
  kill(): Promise<void>;
}

export interface SpawnedChild {
  /** Lets the child open the database and listen; resolves when it does (bounded by `timeoutMs`). */
  start(): Promise<ChildServer>;
  kill(): Promise<void>;
}

export function spawnChildServer(input: {
  outDir: string;
  dbFile: string;
  block: boolean;
  timeoutMs?: number;
}): SpawnedChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
    env: {
      ...process.env,
      E2E_OUT_DIR: input.outDir,
      E2E_DB_FILE: input.dbFile,
      E2E_BLOCK: input.block ? '1' : '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const events: Record<string, unknown>[] = [];
  const timeoutMs = input.timeoutMs ?? 10_000;
  const listening = new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child server exited (${code ?? signal}) before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      if (event.event === 'listening') {
        clearTimeout(timer);
        resolvePort(event.port as number);
      } else {
        events.push(event);
      }
    });
  });
  listening.catch(() => {});
  const kill = () => killChild(child);
  return {
    kill,
    start: async () => {
      child.stdin?.write('go\n');
      const port = await listening;
      return { url: `http://127.0.0.1:${port}`, pid: child.pid!, events, kill };
    },
  };
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    child.once('exit', () => resolveExit());
    child.kill('SIGKILL');
  });
}
