import type { Diagnostic, UnlocatedDiagnostic } from '../core/diagnostics.js';
import type { JsonObject } from '../core/json.js';
import { APPROXIMATE_NOTE } from './swagger-2-pointers.js';

/** Where a spec comes from: a file path, `-` for stdin, or an http(s) URL. */
export type SpecSource = string;

/** A place in the original source files. */
export interface SourceLocation {
  file: string;
  /** Pointer into that file's own document. */
  pointer: string;
  line?: number;
  column?: number;
  /** True when the spec was converted from Swagger 2.0 and this part has no exact counterpart in the file. */
  approximate?: boolean;
}

/**
 * A loaded, bundled OpenAPI document. External `$ref`s are bundled in; internal `$ref`s (`#/...`) remain
 * as they are, so circular schemas stay finite.
 */
export interface LoadedSpec {
  /** Display name of the root document: the path as given, `<stdin>` or the URL. */
  file: string;
  /** Every local file that went into the bundle (absolute paths), for watch mode. */
  files: string[];
  /** The bundled document. */
  document: JsonObject;
  /** `3.0` or `3.1`. */
  version: '3.0' | '3.1';
  /**
   * Maps a pointer into `document` to the file, pointer, line and column it came from. Positions are
   * computed lazily, on the first call, and cached per file.
   */
  locate(pointer: string): SourceLocation;
  /**
   * `locate` for many pointers at once, in order; each file's positions are found together (for JSON text
   * in one pass over it), so N pointers cost about one pass per file instead of N look-ups.
   */
  locateMany?(pointers: readonly string[]): SourceLocation[];
}

export interface LoadResult {
  /** Absent when the input is unusable (missing file, syntax error, failed Swagger 2.0 conversion, broken `$ref`). */
  spec?: LoadedSpec;
  diagnostics: Diagnostic[];
}

/**
 * Fill in file, line and column of unlocated diagnostics through the spec's `locateMany` (all at once) or,
 * when the spec has none, its `locate`.
 */
export function locateDiagnostics(
  spec: LoadedSpec,
  diagnostics: readonly UnlocatedDiagnostic[],
): Diagnostic[] {
  const isLocated = (d: UnlocatedDiagnostic) => d.file !== undefined && d.line !== undefined;
  const pointers = diagnostics.filter((d) => !isLocated(d)).map((d) => d.pointer);
  const found = spec.locateMany ? spec.locateMany(pointers) : pointers.map((p) => spec.locate(p));
  let next = 0;
  return diagnostics.map((d) => {
    if (isLocated(d)) return d as Diagnostic;
    const at = found[next++] as SourceLocation;
    const message = at.approximate ? `${d.message} ${APPROXIMATE_NOTE}` : d.message;
    return { ...d, message, file: at.file, pointer: at.pointer, line: at.line, column: at.column };
  });
}
