/**
 * Config file + command-line flags -> the projects to generate. Flags override the file; paths in the file
 * are relative to its directory, paths on the command line to the working directory. A spec named on the
 * command line selects the config's projects for that spec, or makes one project of its own.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { HelperDelegate } from 'handlebars';
import { parseRuleFlags, type RuleSeverities } from '../model/rules.js';
import { ConfigError } from './config-error.js';
import type {
  ConfigAdapter,
  ConfigRuntime,
  ConfigStore,
  ConfigTarget,
  LoadedConfig,
  ProjectConfig,
  SharedConfig,
} from './types.js';

export interface ProjectFlags {
  spec?: string;
  out?: string;
  target?: ConfigTarget;
  runtime?: ConfigRuntime;
  templates?: string;
  clean?: boolean;
  responseValidators?: boolean;
  rules?: RuleSeverities;
  /** Relative to cwd. */
  refRoot?: string;
  /** Added to the config's list. */
  allowRemoteRefs?: readonly string[];
  /** Over the config's `specLimits`, key by key. */
  specLimits?: SharedConfig['specLimits'];
}

export interface ResolvedProject {
  /** As `lint()` takes it: an absolute path, `-` or a URL. */
  spec: string;
  /** Absolute. */
  outDir: string;
  target: ConfigTarget;
  runtime: ConfigRuntime;
  /** Absolute, when set. */
  templates?: string;
  clean: boolean;
  responseValidators: boolean;
  /** The config's `maxBodySize`, as written (checked by the config schema). */
  maxBodySize?: number | string;
  rules: RuleSeverities;
  /** Absolute, when set. */
  refRoot?: string;
  allowRemoteRefs: string[];
  specLimits: NonNullable<SharedConfig['specLimits']>;
  choices: { store?: ConfigStore; adapter?: ConfigAdapter; problemTypeBase?: string };
  helpers: Record<string, HelperDelegate>;
  partials: Record<string, string>;
}

const isRemote = (spec: string): boolean => spec === '-' || /^https?:\/\//i.test(spec);
const specPath = (spec: string, base: string): string => (isRemote(spec) ? spec : resolve(base, spec));

function configRules(rules: SharedConfig['rules'], file: string): RuleSeverities {
  const parsed = parseRuleFlags(Object.entries(rules ?? {}).map(([code, value]) => `${code}=${value}`));
  if (parsed.errors.length > 0)
    throw new ConfigError(`Invalid config ${file}:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.severities;
}

function fromConfig(loaded: LoadedConfig): { shared: SharedConfig; projects: ProjectConfig[] } {
  const { config } = loaded;
  if (Array.isArray(config)) return { shared: {}, projects: config };
  const { projects, spec, out, $schema: _schema, ...shared } = config;
  const own = spec !== undefined && out !== undefined ? [{ spec, out }] : [];
  return { shared, projects: [...own, ...(projects ?? [])] };
}

function merge(input: {
  project: Partial<ProjectConfig>;
  base: string;
  flags: ProjectFlags;
  cwd: string;
  file?: string;
}): ResolvedProject {
  const { project, base, flags, cwd } = input;
  const spec =
    flags.spec !== undefined ? specPath(flags.spec, cwd) : project.spec && specPath(project.spec, base);
  const out = flags.out !== undefined ? resolve(cwd, flags.out) : project.out && resolve(base, project.out);
  if (!spec)
    throw new ConfigError('Name a spec (idemgen generate <spec>) or add a config file (idemgen init).');
  if (!out) throw new ConfigError('Name an output directory with -o <dir>, or set "out" in the config file.');
  const templates =
    flags.templates !== undefined
      ? resolve(cwd, flags.templates)
      : project.templates &&
        (isAbsolute(project.templates) ? project.templates : resolve(base, project.templates));
  const refRoot =
    flags.refRoot !== undefined
      ? resolve(cwd, flags.refRoot)
      : project.refRoot !== undefined
        ? resolve(base, project.refRoot)
        : undefined;
  return {
    spec,
    outDir: out,
    ...(refRoot ? { refRoot } : {}),
    allowRemoteRefs: [...new Set([...(project.allowRemoteRefs ?? []), ...(flags.allowRemoteRefs ?? [])])],
    specLimits: { ...project.specLimits, ...flags.specLimits },
    target: flags.target ?? project.target ?? 'both',
    runtime: flags.runtime ?? project.runtime ?? 'copy',
    ...(templates ? { templates } : {}),
    clean: flags.clean ?? project.clean ?? false,
    responseValidators: flags.responseValidators ?? project.responseValidators ?? false,
    ...(project.maxBodySize !== undefined ? { maxBodySize: project.maxBodySize } : {}),
    rules: { ...configRules(project.rules, input.file ?? 'config'), ...flags.rules },
    choices: { store: project.store, adapter: project.adapter, problemTypeBase: project.problemTypeBase },
    helpers: project.helpers ?? {},
    partials: project.partials ?? {},
  };
}

export function resolveProjects(options: {
  loaded?: LoadedConfig;
  flags: ProjectFlags;
  cwd: string;
}): ResolvedProject[] {
  const { loaded, flags, cwd } = options;
  if (!loaded) return [merge({ project: {}, base: cwd, flags, cwd })];
  const base = dirname(loaded.file);
  const { shared, projects } = fromConfig(loaded);
  const withShared = projects.map((project) => ({
    ...shared,
    ...project,
    rules: { ...shared.rules, ...project.rules },
    helpers: { ...shared.helpers, ...project.helpers },
    partials: { ...shared.partials, ...project.partials },
    specLimits: { ...shared.specLimits, ...project.specLimits },
  }));
  const file = loaded.file;
  if (flags.spec === undefined) {
    if (withShared.length === 0) return [merge({ project: shared, base, flags, cwd, file })];
    return withShared.map((project) => merge({ project, base, flags, cwd, file }));
  }
  const wanted = specPath(flags.spec, cwd);
  const matching = withShared.filter((project) => specPath(project.spec, base) === wanted);
  if (matching.length === 0) return [merge({ project: shared, base, flags, cwd, file })];
  return matching.map((project) => merge({ project, base, flags: { ...flags, spec: undefined }, cwd, file }));
}
