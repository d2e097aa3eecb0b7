/**
 * Starts the cluster's server processes (cluster-child.ts) and kills them. Every child is registered until
 * it exits: `killClusterChildren()` (in `afterAll`/`afterEach`) SIGKILLs whatever is left, and a process
 * `exit` handler does the same, so no child outlives a failed test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ClusterNames, ClusterStoreKind } from './cluster-names.js';

const CHILD_SCRIPT = resolve('test/e2e/helpers/cluster-child.ts');

export type ChildEvent = { event: string } & Record<string, unknown>;

export interface ClusterChild {
  url: string;
  pid: number;
  /** The JSON lines the child printed after `listening`. */
  events: ChildEvent[];
  /** Writes one line to the child's stdin (`release`). */
  send(line: string): void;
  /** SIGKILL; resolves when the process is gone. */
  kill(): Promise<void>;
  /** Resolves with the signal (or exit code) once the process has exited on its own or was killed. */
  exited: Promise<string>;
}

export interface ClusterChildOptions {
  outDir: string;
  store: ClusterStoreKind;
  storeUrl: string;
  names: ClusterNames;
  delayMs?: number;
  hold?: boolean;
  crash?: 'kill-before-commit' | 'throw-before-commit';
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startClusterChild(options: ClusterChildOptions): Promise<ClusterChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
    env: {
      ...process.env,
      CLUSTER_OUT_DIR: options.outDir,
      CLUSTER_STORE: options.store,
      CLUSTER_STORE_URL: options.storeUrl,
      CLUSTER_NAMESPACE: options.names.namespace,
      CLUSTER_DELAY_MS: String(options.delayMs ?? 0),
      CLUSTER_HOLD: options.hold ? '1' : '0',
      CLUSTER_CRASH: options.crash ?? '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<string>((resolveExit) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolveExit(signal ?? String(code));
    }),
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin?.on('error', () => {});
  const events: ChildEvent[] = [];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cluster child did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`cluster child exited (${how}) before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as ChildEvent;
      if (event.event === 'listening') {
        clearTimeout(timer);
        resolvePort(event.port as number);
      } else {
        events.push(event);
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    events,
    send: (line) => child.stdin?.write(`${line}\n`),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}

/** Starts `count` children with the same options, in parallel. */
export function startClusterChildren(count: number, options: ClusterChildOptions): Promise<ClusterChild[]> {
  return Promise.all(Array.from({ length: count }, () => startClusterChild(options)));
}

/** SIGKILLs every child still running and waits until all are gone. */
export async function killClusterChildren(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          child.once('exit', () => resolveExit());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** The `execute` events of some children for one key, in arrival order per child. */
export function executionsOf(children: readonly ClusterChild[], key: string): ChildEvent[] {
  return children.flatMap((child) => child.events.filter((e) => e.event === 'execute' && e.key === key));
}
