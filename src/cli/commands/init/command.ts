import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import { FORMATS, type InitArgs } from './args.js';

/** `idemgen init [dir]`: a starter config and an annotated example spec. */
export function initCommand(context: CommandContext): CommandModule<object, InitArgs> {
  return {
    command: 'init [dir]',
    describe: 'Write a starter idemgen.config and an annotated example spec (openapi.yaml) into a project',
    builder: (y: Argv) =>
      y
        .positional('dir', { type: 'string', default: '.', describe: 'The project directory' })
        .option('format', {
          choices: FORMATS,
          default: 'json' as const,
          requiresArg: true,
          describe: 'Config file format: idemgen.config.json or idemgen.config.mjs (helpers and partials)',
        })
        .option('force', { type: 'boolean', default: false, describe: 'Overwrite files already there' }),
    handler: async (args) => {
      const { runInit } = await import('./run.js');
      context.setExitCode(await runInit({ args, context }));
    },
  };
}
