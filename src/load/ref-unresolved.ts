/**
 * Diagnostics at a `$ref`, located at the `$ref` in the file that holds it: `ref-unresolved`, and the
 * refusals of the `$ref` policy (`ref-outside-root`, `ref-special-file`, `ref-remote-not-allowed`,
 * `document-too-large`).
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { isPlainFailure, type ReadFailure } from './ref-refusal.js';
import type { SourceDocument } from './source-document.js';

export function refUnresolved(options: {
  doc: SourceDocument;
  /** Pointer of the `$ref` key in `doc`. */
  pointer: string;
  ref: string;
  reason: string;
}): Diagnostic {
  const { doc, pointer, ref, reason } = options;
  const { line, column } = doc.positions().positionOf(pointer);
  return {
    code: 'ref-unresolved',
    severity: 'error',
    message: `$ref "${ref}" cannot be resolved: ${reason}`,
    pointer,
    file: doc.display,
    line,
    column,
    hint: 'Check the file path (relative to the file holding the $ref) and the #/json/pointer after it.',
  };
}

/** A failure to read the target of a `$ref`: a refusal keeps its code, a plain failure is `ref-unresolved`. */
export function refFailed(options: {
  doc: SourceDocument;
  pointer: string;
  ref: string;
  failure: ReadFailure;
}): Diagnostic {
  const { doc, pointer, ref, failure } = options;
  if (isPlainFailure(failure)) return refUnresolved({ doc, pointer, ref, reason: failure.message });
  const { line, column } = doc.positions().positionOf(pointer);
  return {
    code: failure.code,
    severity: 'error',
    message: `$ref "${ref}" is refused: ${failure.message}`,
    pointer,
    file: doc.display,
    line,
    column,
    hint: failure.hint,
  };
}
