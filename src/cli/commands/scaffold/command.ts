import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import { withRefOptions } from '../ref-options.js';
import { withReportOptions } from '../report-options.js';
import type { ScaffoldHandlersArgs } from './args.js';

/** `idemgen scaffold handlers <spec>`: typed handler stubs for the operations that have none yet. */
export function scaffoldCommand(context: CommandContext): CommandModule {
  const handlers: CommandModule<object, ScaffoldHandlersArgs> = {
    command: 'handlers <spec>',
    describe: 'Write a typed stub for each operation without a handler; never touch code already there',
    builder: (y: Argv) =>
      withRefOptions(withReportOptions(y))
        .positional('spec', { type: 'string', demandOption: true, describe: 'The OpenAPI document' })
        .nargs('spec', 1)
        .option('out', {
          alias: 'o',
          type: 'string',
          requiresArg: true,
          default: 'src/handlers',
          describe: 'The handlers directory: one file per tag, and index.ts wiring them',
        })
        .option('generated', {
          type: 'string',
          requiresArg: true,
          default: 'src/generated',
          describe: "Where `idemgen generate` writes (-o): the stubs import its server's handler types",
        })
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'Say what would change; write nothing',
        })
        .option('check', {
          type: 'boolean',
          default: false,
          describe: 'Write nothing; exit 1 when an operation has no handler (for CI)',
        })
        .example('$0 scaffold handlers api.yaml -o src/handlers', 'Stub the handlers the server still needs')
        .example('$0 scaffold handlers api.yaml --generated lib/api', 'The generated code is in lib/api'),
    handler: async (args) => {
      const { runScaffoldHandlers } = await import('./run.js');
      context.setExitCode(await runScaffoldHandlers({ args, context }));
    },
  };
  return {
    command: 'scaffold <command>',
    describe: 'Write starting points for code you own: handler stubs',
    builder: (y: Argv) => y.command(handlers).demandCommand(1, 'Name a scaffold command: handlers.'),
    handler: () => {},
  };
}
