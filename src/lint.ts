import { type Diagnostic, sortDiagnostics, type UnlocatedDiagnostic } from './core/diagnostics.js';
import { loadSpec } from './load/load.js';
import type { SpecLimits } from './load/spec-limits.js';
import { type LoadedSpec, locateDiagnostics } from './load/types.js';
import { validateExtensions } from './load/validate-extensions.js';
import { buildModel } from './model/build.js';
import { checkRules, type RuleSeverities } from './model/rules.js';
import type { ApiModel } from './model/types.js';
import { schemaKeywordWarnings } from './render/validators/schema-keyword-warnings.js';

export interface LintOptions {
  /** A file path, `-` for stdin, or an http(s) URL. */
  spec: string;
  /** Relative paths are resolved against this; default `process.cwd()`. */
  cwd?: string;
  /** Severities by rule code; rules not named keep their default. */
  rules?: RuleSeverities;
  /** Read when `spec` is `-`; default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /**
   * The directory tree local `$ref`s must stay inside (relative to `cwd`); default: the root spec's directory.
   */
  refRoot?: string;
  /** Hosts remote `$ref`s may reach (`*` for any); by default only a remote spec's own host. */
  allowRemoteRefs?: readonly string[];
  /** Limits per document: `maxBytes` (64 MiB), `maxAliases` (10,000), `maxDepth` (256). */
  specLimits?: Partial<SpecLimits>;
}

export interface LintResult {
  /** Every problem found, located (file, line, column) and sorted. */
  diagnostics: Diagnostic[];
  /** The ApiModel, when the spec could be loaded. */
  model?: ApiModel;
  spec?: LoadedSpec;
  /** False when the spec could not be loaded at all (missing file, syntax error, broken `$ref`). */
  usable: boolean;
}

/**
 * Load a spec, validate our extensions, build the model and check the safety rules. A user's mistake is a
 * diagnostic in the result, never an exception. Positions are computed only for the diagnostics found.
 */
export async function lint(
  options: LintOptions,
  /** For `generate()`: called with the loaded document before the model is built. */
  hooks: { onLoaded?: (spec: LoadedSpec) => void } = {},
): Promise<LintResult> {
  const loaded = await loadSpec({
    source: options.spec,
    cwd: options.cwd,
    stdin: options.stdin,
    refRoot: options.refRoot,
    allowRemoteRefs: options.allowRemoteRefs,
    limits: options.specLimits,
  });
  const { spec } = loaded;
  if (!spec) return { diagnostics: sortDiagnostics(loaded.diagnostics), usable: false };
  hooks.onLoaded?.(spec);

  const unlocated: UnlocatedDiagnostic[] = [...validateExtensions(spec)];
  const built = buildModel({ spec, rules: options.rules });
  unlocated.push(...built.diagnostics);
  unlocated.push(...checkRules({ model: built.model, severities: options.rules ?? {} }));
  const { document, openapi } = built.model;
  unlocated.push(...schemaKeywordWarnings({ document, openapi }));

  const located = unlocated.length > 0 ? locateDiagnostics(spec, unlocated) : [];
  return {
    diagnostics: sortDiagnostics([...loaded.diagnostics, ...located]),
    model: built.model,
    spec,
    usable: true,
  };
}
