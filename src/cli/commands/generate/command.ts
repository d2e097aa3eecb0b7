import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import { withRefOptions } from '../ref-options.js';
import { withReportOptions } from '../report-options.js';
import { type GenerateArgs, RUNTIMES, TARGETS } from './args.js';

/** `idemgen generate [spec]`: spec -> client and/or server code; flags override the config file. */
export function generateCommand(context: CommandContext): CommandModule<object, GenerateArgs> {
  return {
    command: 'generate [spec]',
    describe: 'Generate the typed client and/or server from a spec (or from every project in the config)',
    builder: (y: Argv) =>
      withRefOptions(withReportOptions(y))
        .positional('spec', {
          type: 'string',
          describe:
            'The OpenAPI document: a file path, - for stdin, or an http(s) URL (default: from the config)',
        })
        .nargs('spec', 1)
        .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Output directory' })
        .option('target', {
          choices: TARGETS,
          requiresArg: true,
          describe: 'What to generate (default: both)',
        })
        .option('templates', {
          type: 'string',
          requiresArg: true,
          describe: 'A directory of templates overriding the built-ins file by file',
        })
        .option('runtime', {
          choices: RUNTIMES,
          requiresArg: true,
          describe:
            'copy the runtime into <out>/runtime, or import it from the idemgen package (default: copy)',
        })
        .option('config', {
          type: 'string',
          requiresArg: true,
          describe: 'The config file (default: idemgen.config.{ts,mjs,json,yaml} found upward from here)',
        })
        .option('dry-run', {
          type: 'boolean',
          describe: 'List the files and sizes; write nothing',
        })
        .option('check', {
          type: 'boolean',
          describe: 'Write nothing; exit 1 and list the stale files when the output on disk differs',
        })
        .option('watch', {
          type: 'boolean',
          describe: 'Regenerate when the spec, a file it $refs, the config or a template changes',
        })
        .option('clean', {
          type: 'boolean',
          describe: 'Delete files idemgen wrote before and no longer generates (never anything else)',
        })
        .option('dump-context', {
          type: 'boolean',
          describe: 'Print the template contexts as JSON (per output file) and exit',
        })
        .option('response-validators', {
          type: 'boolean',
          describe: "Also generate response body validators (checked by the server's validateResponses)",
        })
        .conflicts('dry-run', ['check', 'watch', 'dump-context'])
        .conflicts('check', ['watch', 'dump-context'])
        .conflicts('watch', 'dump-context')
        .example('$0 generate openapi.yaml -o src/generated', 'Generate client and server')
        .example('$0 generate', 'Generate every project in idemgen.config.*')
        .example('$0 generate --check', 'Fail in CI when the output is stale')
        .example('$0 generate api.yaml -o gen --templates my-templates', 'Use template overrides'),
    handler: async (args) => {
      // The types worker starts loading TypeScript now, while this thread loads the generator's modules.
      if (args['dump-context'] !== true)
        (await import('../../../render/types-worker.js')).acquireTypesWorker();
      const { runGenerate } = await import('./run.js');
      context.setExitCode(await runGenerate({ args, context }));
    },
  };
}
