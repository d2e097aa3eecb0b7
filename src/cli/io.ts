/** Where the CLI reads and writes: the real process by default, plain buffers in tests. */
export interface CliWriter {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** Whether stdout is a terminal: colour is on by default only then. */
  isTTY: boolean;
  cwd: string;
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
}

export function resolveIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    stdout: overrides.stdout ?? process.stdout,
    stderr: overrides.stderr ?? process.stderr,
    isTTY: overrides.isTTY ?? process.stdout.isTTY === true,
    cwd: overrides.cwd ?? process.cwd(),
    stdin: overrides.stdin ?? process.stdin,
    env: overrides.env ?? process.env,
  };
}

/** `--color` / `--no-color` when given; otherwise colour only on a terminal, and never when NO_COLOR is set. */
export function shouldColor(options: { flag: boolean | undefined; io: CliIo }): boolean {
  if (options.flag !== undefined) return options.flag;
  const noColor = options.io.env.NO_COLOR;
  return options.io.isTTY && (noColor === undefined || noColor === '');
}
