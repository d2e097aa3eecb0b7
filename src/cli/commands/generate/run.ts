/**
 * The work of `idemgen generate`: read the config, merge the flags, generate each project, print what
 * happened and return the exit code; with --watch, keep regenerating until interrupted.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isConfigError } from '../../../config/config-error.js';
import { findConfig } from '../../../config/find-config.js';
import { loadConfig } from '../../../config/load-config.js';
import { type ResolvedProject, resolveProjects } from '../../../config/resolve-projects.js';
import type { LoadedConfig } from '../../../config/types.js';
import { parseRuleFlags } from '../../../model/rules.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { fileSystemErrorToMessage, isFileSystemError } from '../../file-system-error.js';
import { UsageError } from '../../usage-error.js';
import type { WatchTargets } from '../../watch/watch-paths.js';
import { parseSpecLimitFlags } from '../spec-limit-flags.js';
import type { GenerateArgs } from './args.js';
import { generateProject } from './project.js';

async function readConfig(args: GenerateArgs, cwd: string): Promise<LoadedConfig | undefined> {
  if (args.config !== undefined) return loadConfig(resolve(cwd, args.config));
  const found = findConfig(cwd);
  return found ? loadConfig(found) : undefined;
}

interface Plan {
  config?: LoadedConfig;
  projects: ResolvedProject[];
}

async function plan(args: GenerateArgs, cwd: string): Promise<Plan> {
  const { severities, errors } = parseRuleFlags(args.rule);
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 'generate');
  const specLimits = parseSpecLimitFlags(args['spec-limit']);
  if (specLimits.errors.length > 0) throw new UsageError(specLimits.errors.join('\n'), 'generate');
  const config = await readConfig(args, cwd);
  const projects = resolveProjects({
    loaded: config,
    cwd,
    flags: {
      spec: args.spec,
      out: args.out,
      target: args.target,
      runtime: args.runtime,
      templates: args.templates,
      clean: args.clean,
      responseValidators: args['response-validators'],
      rules: severities,
      refRoot: args['ref-root'],
      allowRemoteRefs: args['allow-remote-refs'],
      specLimits: specLimits.limits,
    },
  });
  return { config, projects };
}

async function generateAll(input: {
  args: GenerateArgs;
  context: CommandContext;
  plan: Plan;
}): Promise<{ code: ExitCode; targets: WatchTargets }> {
  const { plan: current } = input;
  let code: ExitCode = EXIT_CODES.ok;
  const targets: WatchTargets = { files: current.config ? [current.config.file] : [], dirs: [] };
  for (const project of current.projects) {
    const outcome = await generateProject({
      args: input.args,
      context: input.context,
      project,
      heading: current.projects.length > 1,
    });
    code = Math.max(code, outcome.code) as ExitCode;
    // The spec itself too: when it is broken, the load names no files, and its fix must still be seen.
    if (!/^(https?:|-$)/.test(project.spec)) targets.files.push(project.spec);
    targets.files.push(...outcome.specFiles);
    if (project.templates) targets.dirs.push(project.templates);
  }
  return { code, targets };
}

/**
 * Why --watch cannot start, if it cannot: a spec from stdin has nothing to watch, and a spec file that does
 * not exist is a typo far more often than a file about to appear (a watcher would wait on it forever).
 * A spec that exists but is broken is watched: its fix regenerates.
 */
function watchRefusal(projects: readonly ResolvedProject[], cwd: string): string | undefined {
  for (const { spec } of projects) {
    if (spec === '-') return '--watch cannot watch a spec read from stdin; name the file.';
    if (!/^https?:/i.test(spec) && !existsSync(spec))
      return `--watch: file not found: ${relative(cwd, spec) || spec}`;
  }
  return undefined;
}

export async function runGenerate(input: {
  args: GenerateArgs;
  context: CommandContext;
  /** Ends --watch; by default SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  let first: Plan;
  try {
    first = await plan(args, io.cwd);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    io.stderr.write(`idemgen: ${error.message}\n`);
    return EXIT_CODES.usage;
  }
  if (!args.watch) return (await generateAll({ args, context, plan: first })).code;
  const unwatchable = watchRefusal(first.projects, io.cwd);
  if (unwatchable !== undefined) {
    io.stderr.write(`idemgen: ${unwatchable}\n`);
    return EXIT_CODES.usage;
  }

  const { runWatch } = await import('../../watch/run-watch.js');
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  input.signal?.addEventListener('abort', stop, { once: true });
  if (!input.signal) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  let cycle = 0;
  await runWatch({
    signal: controller.signal,
    fallbackTargets: { files: first.config ? [first.config.file] : [], dirs: [] },
    run: async () => {
      // The first cycle reuses the plan already read; later ones re-read the config (it may have changed).
      const current = cycle++ === 0 ? first : await plan(args, io.cwd);
      const { targets } = await generateAll({ args, context, plan: current });
      return targets;
    },
    onError: (error) => {
      const known = isConfigError(error) || error instanceof UsageError;
      const text = isFileSystemError(error)
        ? fileSystemErrorToMessage(error)
        : known
          ? (error as Error).message
          : ((error as Error).stack ?? String(error));
      io.stderr.write(`idemgen: ${text}\n`);
    },
    onCycle: (changed) => {
      const names = [...new Set(changed.map((path) => relative(io.cwd, path) || path))];
      const what =
        names.length > 0 ? `regenerated after a change to ${names.join(', ')}; watching` : 'watching';
      io.stderr.write(`idemgen: ${what} (Ctrl-C to stop)\n`);
    },
  });
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return EXIT_CODES.ok;
}
