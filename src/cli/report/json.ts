import type { Diagnostic } from '../../core/diagnostics.js';
import { countDiagnostics, type DiagnosticCounts } from './summary.js';

/** One diagnostic as printed by `--format json`: every field present, in this order; unknown ones are null. */
export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  pointer: string;
  hint: string | null;
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: DiagnosticCounts;
}

/** Build the `--format json` report. Field order is fixed, so output diffs cleanly between runs. */
export function diagnosticsToJsonReport(diagnostics: readonly Diagnostic[]): JsonReport {
  return {
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.line ?? null,
      column: d.column ?? null,
      severity: d.severity,
      code: d.code,
      message: d.message,
      pointer: d.pointer,
      hint: d.hint ?? null,
    })),
    summary: countDiagnostics(diagnostics),
  };
}

/** The `--format json` output: the report, pretty-printed, with a trailing newline. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnosticsToJsonReport(diagnostics), null, 2)}\n`;
}
