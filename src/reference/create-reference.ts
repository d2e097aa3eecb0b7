/**
 * `idemgen docs` as a function: lint the spec (the reference shows what lint finds), build the reference from
 * the model and render it. Writing the files is the caller's.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { type LintOptions, lint } from '../lint.js';
import { buildReference } from './build-reference.js';
import type { ReferenceFormat } from './formats.js';
import { type RenderedReference, renderReference } from './render-reference.js';

export interface CreateReferenceOptions extends LintOptions {
  format: ReferenceFormat;
  templatesDir?: string | undefined;
}

export interface CreateReferenceResult extends RenderedReference {
  diagnostics: Diagnostic[];
  /** False when the spec could not be loaded: no files then. */
  usable: boolean;
}

export async function createReference(options: CreateReferenceOptions): Promise<CreateReferenceResult> {
  const { format, templatesDir, ...lintOptions } = options;
  const result = await lint(lintOptions);
  if (!result.usable || !result.model) {
    return { diagnostics: result.diagnostics, usable: false, files: new Map(), templateProblems: [] };
  }
  const site = buildReference({
    model: result.model,
    diagnostics: result.diagnostics,
    source: result.spec?.file ?? options.spec,
  });
  return {
    diagnostics: result.diagnostics,
    usable: true,
    ...renderReference({ site, format, templatesDir }),
  };
}
