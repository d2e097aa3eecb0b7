/**
 * Diagnostics: every problem the generator finds in a spec, collected and reported together.
 *
 * A diagnostic is created with a JSON pointer into the (bundled) document; its file, line and column are
 * filled in only when it is reported (`locateDiagnostics`), so a clean spec never pays for positions.
 */
/** `info` reports something worth knowing that needs no change (e.g. a Swagger 2.0 input was converted). */
export type Severity = 'error' | 'warning' | 'info';
/** What a rule can be set to: rules are errors or warnings, never info. */
export type SeveritySetting = 'error' | 'warning' | 'off';

export interface Diagnostic {
  /** A stable kebab-case code, e.g. `unsafe-retry`, `yaml-syntax`, `ref-unresolved`. */
  code: string;
  severity: Severity;
  message: string;
  /** JSON pointer (RFC 6901) into `file`'s document; `''` is the document root. */
  pointer: string;
  /** The file the pointer refers to: a path, `<stdin>` or a URL. */
  file: string;
  /** 1-based; absent when the position is unknown (e.g. a missing file). */
  line?: number;
  /** 1-based. */
  column?: number;
  /** How to fix it, in one sentence. */
  hint?: string;
}

/** A diagnostic before it is located: the pointer is into the bundled document. */
export type UnlocatedDiagnostic = Omit<Diagnostic, 'file' | 'line' | 'column'> & {
  file?: string;
  line?: number;
  column?: number;
};

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort by file, then line, then column, then code: the order a compiler prints in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
