/**
 * A dedicated `redis-server` for the outage test, run as a child this process controls on a free loopback
 * port: started, killed (SIGKILL, as a crash) and started again on the same port. No persistence
 * (`--save ''`), so a restart comes back empty. Every server still running is killed when the test process
 * exits.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export interface DedicatedRedis {
  url: string;
  port: number;
  /** Whether the server process is running. */
  running(): boolean;
  /** Starts the server on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGKILLs the server; resolves once the process is gone. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Whether `redis-server` can be run from PATH. */
export function hasRedisServer(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startDedicatedRedis(options: { timeoutMs?: number } = {}): Promise<DedicatedRedis> {
  const port = await findFreePort();
  const timeoutMs = options.timeoutMs ?? 10_000;
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn('redis-server', [...args, '--daemonize', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = server;
      live.add(server);
      let output = '';
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        reject(new Error(`redis-server did not start within ${timeoutMs} ms: ${output}`));
      }, timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', onData);
      server.once('exit', (code, signal) => {
        live.delete(server);
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${signal ?? code}): ${output}`));
      });
    });

  const stop = async () => {
    const server = child;
    if (server === undefined || server.exitCode !== null || server.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGKILL');
    });
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    start,
    stop,
  };
}
