/** idemgen's programmatic API. The runtime that generated code uses is exported from `idemgen/runtime`. */

export { defineConfig } from './config/define-config.js';
export { findConfig } from './config/find-config.js';
export { loadConfig } from './config/load-config.js';
export type {
  ConfigAdapter,
  ConfigRuntime,
  ConfigSeverity,
  ConfigStore,
  ConfigTarget,
  IdemgenConfig,
  IdemgenConfigObject,
  ProjectConfig,
  SharedConfig,
} from './config/types.js';
export type { Diagnostic, Severity, SeveritySetting } from './core/diagnostics.js';
export {
  type GenerateChoices,
  type GenerateOptions,
  type GeneratePhase,
  type GenerateResult,
  type GenerateTarget,
  generate,
} from './generate.js';
export { type LintOptions, type LintResult, lint } from './lint.js';
export type { SpecLimits } from './load/spec-limits.js';
export type { LoadedSpec } from './load/types.js';
export type { RuleSeverities } from './model/rules.js';
export type { ApiModel, OperationModel } from './model/types.js';
export type { SyntaxProblem } from './render/check.js';
export type * from './render/context.js';
export { CONTEXT_VERSION } from './render/context.js';
export type { ContextDump, ContextDumpEntry } from './render/context-dump.js';
export type { EmitMode, EmitResult, GeneratedFile } from './render/emit.js';
export type { TemplateProblem } from './render/handlebars.js';
export { scaffoldHandlers } from './scaffold/scaffold-handlers.js';
export type { ScaffoldedFile, ScaffoldHandlersOptions, ScaffoldHandlersResult } from './scaffold/types.js';
