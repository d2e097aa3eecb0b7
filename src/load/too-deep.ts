/**
 * The `spec-too-deep` diagnostic, located at the first node deeper than `specLimits.maxDepth`.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { SourceDocument } from './source-document.js';
import { limitHint } from './spec-limits.js';

export function tooDeep(options: { doc: SourceDocument; pointer: string; maxDepth: number }): Diagnostic {
  const { doc, pointer, maxDepth } = options;
  const { line, column } = doc.positions().positionOf(pointer);
  return {
    code: 'spec-too-deep',
    severity: 'error',
    message: `the document nests deeper than ${maxDepth} levels here`,
    pointer,
    file: doc.display,
    line,
    column,
    hint: `Move nested schemas to components and $ref them. ${limitHint('maxDepth')}`,
  };
}
