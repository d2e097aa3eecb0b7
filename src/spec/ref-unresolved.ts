/**
 * The `ref-unresolved` diagnostic, located at the `$ref` in the file that holds it.
 */
import type { Diagnostic } from '../model/diagnostics.js';
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
