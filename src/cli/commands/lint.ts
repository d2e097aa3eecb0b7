import type { Argv, CommandModule } from 'yargs';
import { lint } from '../../lint.js';
import { hasErrors } from '../../model/diagnostics.js';
import { parseRuleFlags } from '../../model/rules.js';
import { formatJson } from '../../report/json.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../command-context.js';
import { shouldColor } from '../io.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['stylish', 'json'] as const;

interface LintArgs {
  spec: string;
  format: (typeof FORMATS)[number];
  rule: string[];
  color: boolean | undefined;
}

/** `idemgen lint <spec>`: load, validate and check a spec; print diagnostics; exit 0, 1 or 2. */
export function lintCommand(context: CommandContext): CommandModule<object, LintArgs> {
  return {
    command: 'lint <spec>',
    describe: 'Check a spec: OpenAPI structure, x-idempotency and x-retry, and the safety rules',
    builder: (y: Argv) =>
      y
        .positional('spec', {
          type: 'string',
          demandOption: true,
          describe: 'The OpenAPI document: a file path, - for stdin, or an http(s) URL',
        })
        // yargs re-parses a positional as `--spec <value>`, where a lone `-` would read as no value;
        // nargs makes it take the next word as it is.
        .nargs('spec', 1)
        .option('format', {
          choices: FORMATS,
          default: 'stylish' as const,
          requiresArg: true,
          describe: 'Output format',
        })
        .option('rule', {
          type: 'string',
          array: true,
          nargs: 1,
          default: [] as string[],
          defaultDescription: 'none',
          describe: "Change a rule's severity: <code>=<error|warn|off> (repeatable)",
        })
        .option('color', {
          type: 'boolean',
          describe: 'Colour the output (default: only when stdout is a terminal and NO_COLOR is unset)',
        })
        .example('$0 lint openapi.yaml', 'Lint a file')
        .example('$0 lint - < openapi.yaml', 'Lint stdin')
        .example('$0 lint api.yaml --format json', 'Print JSON')
        .example('$0 lint api.yaml --rule unsafe-retry=warn', 'Demote a rule'),
    handler: async (args) => {
      context.setExitCode(await runLint({ args, context }));
    },
  };
}

async function runLint(input: { args: LintArgs; context: CommandContext }): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  const { severities, errors } = parseRuleFlags(args.rule);
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 'lint');

  const result = await lint({ spec: args.spec, cwd: io.cwd, rules: severities, stdin: io.stdin });
  const output =
    args.format === 'json'
      ? formatJson(result.diagnostics)
      : formatStylish({
          diagnostics: result.diagnostics,
          cwd: io.cwd,
          color: shouldColor({ flag: args.color, io }),
          readSource: createSourceReader({ cwd: io.cwd }),
          subject: result.spec?.file ?? args.spec,
        });
  io.stdout.write(output);

  if (!result.usable) return EXIT_CODES.usage;
  return hasErrors(result.diagnostics) ? EXIT_CODES.errors : EXIT_CODES.ok;
}
