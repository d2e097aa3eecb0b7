import type { Argv, CommandModule } from 'yargs';
import { REFERENCE_FORMATS } from '../../../reference/formats.js';
import type { CommandContext } from '../../command-context.js';
import { withRefOptions } from '../ref-options.js';
import type { DocsArgs } from './args.js';

/** `idemgen docs <spec> -o <dir>`: the contract as a reference site (HTML) and/or Markdown. */
export function docsCommand(context: CommandContext): CommandModule<object, DocsArgs> {
  return {
    command: 'docs <spec>',
    describe:
      'Write a reference of the contract: retry timelines, idempotency, error catalogue, lint findings',
    builder: (y: Argv) =>
      withRefOptions(y)
        .positional('spec', {
          type: 'string',
          demandOption: true,
          describe: 'The OpenAPI document: a file path, - for stdin, or an http(s) URL',
        })
        .nargs('spec', 1)
        .option('out', {
          alias: 'o',
          type: 'string',
          requiresArg: true,
          demandOption: true,
          describe: 'Output directory',
        })
        .option('format', {
          choices: REFERENCE_FORMATS,
          default: 'both' as const,
          requiresArg: true,
          describe: 'index.html (one self-contained page), reference.md (with timelines/*.svg), or both',
        })
        .option('templates', {
          type: 'string',
          requiresArg: true,
          describe: 'A directory of templates overriding the built-ins file by file',
        })
        .option('rule', {
          type: 'string',
          array: true,
          nargs: 1,
          default: [] as string[],
          defaultDescription: 'none',
          describe: "Change a rule's severity in the findings shown: <code>=<error|warn|off> (repeatable)",
        })
        .option('color', {
          type: 'boolean',
          describe: 'Colour the diagnostics of a spec that cannot be read (default: on a terminal)',
        })
        .example('$0 docs openapi.yaml -o reference', 'Write reference/index.html and reference/reference.md')
        .example('$0 docs api.yaml -o wiki --format markdown', 'Markdown only, for a wiki'),
    handler: async (args) => {
      const { runDocs } = await import('./run.js');
      context.setExitCode(await runDocs({ args, context }));
    },
  };
}
