import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import type { TemplatesEjectArgs, TemplatesListArgs } from './args.js';

/** `idemgen templates list|eject`: the built-in templates, the override surface. */
export function templatesCommand(context: CommandContext): CommandModule {
  const list: CommandModule<object, TemplatesListArgs> = {
    command: 'list',
    describe: 'List the built-in templates (and which ones a directory overrides)',
    builder: (y: Argv) =>
      y.option('templates', {
        type: 'string',
        requiresArg: true,
        describe:
          'An override directory: mark the templates it overrides, and report files that override nothing',
      }),
    handler: async (args) => {
      const { runTemplatesList } = await import('./run.js');
      context.setExitCode(runTemplatesList({ args, context }));
    },
  };
  const eject: CommandModule<object, TemplatesEjectArgs> = {
    command: 'eject [names..]',
    describe: 'Copy built-in templates into a directory to edit them (all of them when none are named)',
    builder: (y: Argv) =>
      y
        .positional('names', {
          type: 'string',
          array: true,
          default: [] as string[],
          defaultDescription: 'all',
          describe: 'Template names as listed by `templates list` (.hbs may be left out)',
        })
        .option('out', {
          alias: 'o',
          type: 'string',
          requiresArg: true,
          default: 'idemgen-templates',
          describe: 'Where to copy them',
        })
        .option('force', { type: 'boolean', default: false, describe: 'Overwrite files already there' })
        .example('$0 templates eject client/operations -o templates', 'Eject one template'),
    handler: async (args) => {
      const { runTemplatesEject } = await import('./run.js');
      context.setExitCode(await runTemplatesEject({ args, context }));
    },
  };
  return {
    command: 'templates <command>',
    describe: 'List the built-in templates or copy them out to customise',
    builder: (y: Argv) =>
      y.command(list).command(eject).demandCommand(1, 'Name a templates command: list or eject.'),
    handler: () => {},
  };
}
