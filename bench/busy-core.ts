import { spawn } from 'node:child_process';

/**
 * Runs `work` while another process keeps one core busy (a CPU-bound loop), as on a CI runner that
 * shares its cores; the loop is killed when `work` settles.
 */
export async function withBusyCore<T>(work: () => Promise<T>): Promise<T> {
  const busy = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  try {
    return await work();
  } finally {
    busy.kill('SIGKILL');
  }
}
