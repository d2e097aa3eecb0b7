import type { Diagnostic } from '../../core/diagnostics.js';

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  /** Info diagnostics: not problems, nothing to fix (e.g. a Swagger 2.0 input was converted). */
  infos: number;
}

/** Count errors, warnings and infos, for the summary line and the JSON summary. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
