import type { Argv } from 'yargs';

export const FORMATS = ['stylish', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** The options every command that reports diagnostics shares: `--rule`, `--format`, `--color`. */
export function withReportOptions<T>(y: Argv<T>) {
  return y
    .option('rule', {
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      defaultDescription: 'none',
      describe: "Change a rule's severity: <code>=<error|warn|off> (repeatable)",
    })
    .option('format', {
      choices: FORMATS,
      default: 'stylish' as const,
      requiresArg: true,
      describe: 'Diagnostics format',
    })
    .option('color', {
      type: 'boolean',
      describe: 'Colour the output (default: only when stdout is a terminal and NO_COLOR is unset)',
    });
}
