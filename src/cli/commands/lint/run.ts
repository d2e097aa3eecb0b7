import { hasErrors } from '../../../core/diagnostics.js';
import { lint } from '../../../lint.js';
import { parseRuleFlags } from '../../../model/rules.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { shouldColor } from '../../io.js';
import { formatJson } from '../../report/json.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import { UsageError } from '../../usage-error.js';
import { parseSpecLimitFlags } from '../spec-limit-flags.js';
import type { LintArgs } from './args.js';

/** The work of `idemgen lint`: parse --rule, lint, print in the chosen format, return the exit code. */
export async function runLint(input: { args: LintArgs; context: CommandContext }): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  const { severities, errors } = parseRuleFlags(args.rule);
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 'lint');
  const specLimits = parseSpecLimitFlags(args['spec-limit']);
  if (specLimits.errors.length > 0) throw new UsageError(specLimits.errors.join('\n'), 'lint');

  const result = await lint({
    spec: args.spec,
    cwd: io.cwd,
    rules: severities,
    stdin: io.stdin,
    refRoot: args['ref-root'],
    allowRemoteRefs: args['allow-remote-refs'],
    specLimits: specLimits.limits,
  });
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
