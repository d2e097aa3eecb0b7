/** The work of `idemgen templates list` and `idemgen templates eject`. */
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { closestName } from '../../../core/closest-name.js';
import { BUILTIN_TEMPLATES_DIR, createRenderer, listTemplates } from '../../../render/handlebars.js';
import { makeDirectory } from '../../../render/make-directory.js';
import { describeTemplate, TEMPLATE_CATALOG } from '../../../render/templates.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { UsageError } from '../../usage-error.js';
import type { TemplatesEjectArgs, TemplatesListArgs } from './args.js';

/** What each built-in renders, for `templates list`. */
const PURPOSE = new Map(TEMPLATE_CATALOG.map((entry) => [entry.id, describeTemplate(entry)]));

export function runTemplatesList(input: { args: TemplatesListArgs; context: CommandContext }): ExitCode {
  const { io } = input.context;
  const overridesDir = input.args.templates ? resolve(io.cwd, input.args.templates) : undefined;
  if (overridesDir && !existsSync(overridesDir)) {
    throw new UsageError(`The templates directory ${input.args.templates} does not exist.`, 'templates');
  }
  const renderer = createRenderer({ overridesDir });
  const names = listTemplates();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const source = renderer.templates.get(name);
    const mark =
      source?.path.startsWith(BUILTIN_TEMPLATES_DIR) === false
        ? source.overridden
          ? ' [overridden]'
          : ' [ejected, unchanged]'
        : '';
    io.stdout.write(`${name.padEnd(width)}  ${PURPOSE.get(name) ?? ''}${mark}\n`);
  }
  for (const problem of renderer.problems) {
    io.stderr.write(`idemgen: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}\n`);
  }
  return renderer.problems.some((p) => p.severity === 'error') ? EXIT_CODES.usage : EXIT_CODES.ok;
}

function resolveNames(requested: readonly string[]): string[] {
  const builtins = listTemplates();
  if (requested.length === 0) return builtins;
  return requested.map((raw) => {
    const name = raw.replace(/^\.?\/?(templates\/)?/, '');
    const withExtension = name.endsWith('.hbs') ? name : `${name}.hbs`;
    if (builtins.includes(withExtension)) return withExtension;
    const near = closestName({ name: withExtension, names: builtins });
    throw new UsageError(
      `No built-in template named ${raw}${near ? `; did you mean ${near}?` : ''} (idemgen templates list)`,
      'templates',
    );
  });
}

export async function runTemplatesEject(input: {
  args: TemplatesEjectArgs;
  context: CommandContext;
}): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  const names = resolveNames(args.names);
  const outDir = resolve(io.cwd, args.out);
  const existing = names.filter((name) => existsSync(join(outDir, name)));
  if (existing.length > 0 && !args.force) {
    const list = existing.map((name) => relative(io.cwd, join(outDir, name))).join(', ');
    io.stderr.write(`idemgen: not overwriting ${list}; use --force to replace.\n`);
    return EXIT_CODES.usage;
  }
  for (const name of names) {
    const target = join(outDir, name);
    await makeDirectory(dirname(target));
    await copyFile(join(BUILTIN_TEMPLATES_DIR, name), target);
    io.stdout.write(`ejected ${relative(io.cwd, target)}\n`);
  }
  const where = relative(io.cwd, outDir) || '.';
  io.stdout.write(
    `Edit them, then: idemgen generate --templates ${where} (or "templates": "${where}" in the config)\n`,
  );
  return EXIT_CODES.ok;
}
