import type { Diagnostic } from '../model/diagnostics.js';

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

/** Count errors and warnings, for the summary line and the JSON summary. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
