import { Readable } from 'node:stream';
import { main } from '../../../src/cli/main.js';
import { REPO_ROOT } from './build-package.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured output; not a TTY and no NO_COLOR unless the test says so. */
export async function runCli(
  argv: string[],
  options: {
    cwd?: string;
    isTTY?: boolean;
    env?: Record<string, string | undefined>;
    stdinText?: string;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? {},
    stdin: Readable.from([options.stdinText ?? '']),
  });
  return { code, stdout, stderr };
}
