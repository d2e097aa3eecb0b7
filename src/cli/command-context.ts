import type { CliIo } from './io.js';

/** What every command gets: where to read and write, and how to set the process's exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode(code: ExitCode): void;
}

/** 0: clean or warnings only; 1: errors found; 2: input unusable or the CLI was called wrongly. */
export const EXIT_CODES = { ok: 0, errors: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
