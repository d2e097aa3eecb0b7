/** The work of `idemgen scaffold handlers`: scaffold, print what changed and the diagnostics, exit code. */
import { relative } from 'node:path';
import { parseRuleFlags } from '../../../model/rules.js';
import { scaffoldHandlers } from '../../../scaffold/scaffold-handlers.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { shouldColor } from '../../io.js';
import { formatJson } from '../../report/json.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import { UsageError } from '../../usage-error.js';
import { parseSpecLimitFlags } from '../spec-limit-flags.js';
import type { ScaffoldHandlersArgs } from './args.js';

export async function runScaffoldHandlers(input: {
  args: ScaffoldHandlersArgs;
  context: CommandContext;
}): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  const { severities, errors } = parseRuleFlags(args.rule);
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 'scaffold');
  const specLimits = parseSpecLimitFlags(args['spec-limit']);
  if (specLimits.errors.length > 0) throw new UsageError(specLimits.errors.join('\n'), 'scaffold');
  const writes = !args['dry-run'] && !args.check;

  const result = await scaffoldHandlers({
    spec: args.spec,
    cwd: io.cwd,
    rules: severities,
    stdin: io.stdin,
    refRoot: args['ref-root'],
    allowRemoteRefs: args['allow-remote-refs'],
    specLimits: specLimits.limits,
    outDir: args.out,
    generatedDir: args.generated,
    mode: writes ? 'write' : 'dry-run',
  });
  if (args.format === 'json') {
    io.stdout.write(formatJson(result.diagnostics));
  } else {
    const verb = writes ? '' : 'would be ';
    for (const file of result.files) {
      const what = file.created ? `${verb}created` : `${verb}added to`;
      io.stdout.write(`${relative(io.cwd, file.path)}: ${what} (${file.added.join(', ')})\n`);
    }
    if (result.usable && result.files.length === 0) io.stdout.write('Every operation has a handler.\n');
    io.stdout.write(
      formatStylish({
        diagnostics: result.diagnostics,
        cwd: io.cwd,
        color: shouldColor({ flag: args.color, io }),
        readSource: createSourceReader({ cwd: io.cwd }),
        subject: args.spec,
      }),
    );
  }
  if (!result.loaded) return EXIT_CODES.usage;
  if (!result.usable) return EXIT_CODES.errors;
  return args.check && result.stubbed.length > 0 ? EXIT_CODES.errors : EXIT_CODES.ok;
}
