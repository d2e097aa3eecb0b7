/** idemgen's programmatic API. The runtime that generated code uses is exported from `idemgen/runtime`. */
export { type LintOptions, type LintResult, lint } from './lint.js';
export type { Diagnostic, Severity, SeveritySetting } from './model/diagnostics.js';
export type { RuleSeverities } from './model/rules.js';
export type { ApiModel, OperationModel } from './model/types.js';
export type { LoadedSpec } from './spec/types.js';
