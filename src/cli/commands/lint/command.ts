import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import { withRefOptions } from '../ref-options.js';
import { withReportOptions } from '../report-options.js';
import type { LintArgs } from './args.js';

/** `idemgen lint <spec>`: load, validate and check a spec; print diagnostics; exit 0, 1 or 2. */
export function lintCommand(context: CommandContext): CommandModule<object, LintArgs> {
  return {
    command: 'lint <spec>',
    describe: 'Check a spec: OpenAPI structure, x-idempotency and x-retry, and the safety rules',
    builder: (y: Argv) =>
      withRefOptions(withReportOptions(y))
        .positional('spec', {
          type: 'string',
          demandOption: true,
          describe: 'The OpenAPI document: a file path, - for stdin, or an http(s) URL',
        })
        // yargs re-parses a positional as `--spec <value>`, where a lone `-` would read as no value;
        // nargs makes it take the next word as it is.
        .nargs('spec', 1)
        .example('$0 lint openapi.yaml', 'Lint a file')
        .example('$0 lint - < openapi.yaml', 'Lint stdin')
        .example('$0 lint api.yaml --format json', 'Print JSON')
        .example('$0 lint api.yaml --rule unsafe-retry=warn', 'Demote a rule'),
    handler: async (args) => {
      // Loaded on use, so that --help, --version and usage errors do not pay for the whole pipeline.
      const { runLint } = await import('./run.js');
      context.setExitCode(await runLint({ args, context }));
    },
  };
}
