import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseRuleFlags } from '../../../model/rules.js';
import { createReference } from '../../../reference/create-reference.js';
import { isTemplateRenderError } from '../../../render/handlebars.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { shouldColor } from '../../io.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import { UsageError } from '../../usage-error.js';
import { parseSpecLimitFlags } from '../spec-limit-flags.js';
import type { DocsArgs } from './args.js';

/**
 * The work of `idemgen docs`: lint the spec, write the reference. A spec that cannot be read prints its
 * diagnostics and exits 2; lint findings do not fail the command (the reference shows them).
 */
export async function runDocs(input: { args: DocsArgs; context: CommandContext }): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;

  const result = await readReference(args, context).catch((error: unknown) => {
    // A broken override (a parse error, a field the context lacks) is the user's input: say which.
    if (!isTemplateRenderError(error)) throw error;
    io.stderr.write(`idemgen: ${error.path}: ${error.message}\n`);
    return undefined;
  });
  if (!result) return EXIT_CODES.usage;
  if (!result.usable) {
    io.stdout.write(
      formatStylish({
        diagnostics: result.diagnostics,
        cwd: io.cwd,
        color: shouldColor({ flag: args.color, io }),
        readSource: createSourceReader({ cwd: io.cwd }),
        subject: args.spec,
      }),
    );
    return EXIT_CODES.usage;
  }
  for (const problem of result.templateProblems) {
    io.stderr.write(`idemgen: ${problem.severity}: ${problem.path}: ${problem.message}\n`);
  }
  if (result.templateProblems.some((p) => p.severity === 'error')) return EXIT_CODES.usage;
  const outDir = resolve(io.cwd, args.out);
  for (const [name, text] of result.files) {
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  const findings = result.diagnostics.length;
  const names = [...result.files.keys()];
  const timelines = names.filter((name) => name.startsWith('timelines/')).length;
  const listed = [
    ...names.filter((name) => !name.startsWith('timelines/')),
    ...(timelines > 0 ? [`${timelines} ${timelines === 1 ? 'timeline' : 'timelines'}`] : []),
  ];
  io.stdout.write(
    `Wrote ${listed.join(', ')} to ${args.out}` +
      (findings > 0
        ? ` (${findings} lint ${findings === 1 ? 'finding' : 'findings'} shown in it; idemgen lint ${args.spec} lists them).\n`
        : '.\n'),
  );
  return EXIT_CODES.ok;
}

function readReference(args: DocsArgs, context: CommandContext) {
  const { io } = context;
  const { severities, errors } = parseRuleFlags(args.rule);
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 'docs');
  const specLimits = parseSpecLimitFlags(args['spec-limit']);
  if (specLimits.errors.length > 0) throw new UsageError(specLimits.errors.join('\n'), 'docs');
  return createReference({
    spec: args.spec,
    cwd: io.cwd,
    rules: severities,
    stdin: io.stdin,
    refRoot: args['ref-root'],
    allowRemoteRefs: args['allow-remote-refs'],
    specLimits: specLimits.limits,
    format: args.format,
    templatesDir: args.templates === undefined ? undefined : resolve(io.cwd, args.templates),
  });
}
