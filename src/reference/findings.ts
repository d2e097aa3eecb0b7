/** Lint findings placed where they apply: on the operation they name or point into, else on the whole API. */
import type { Diagnostic } from '../core/diagnostics.js';
import { operationLabel } from '../model/operation-ids.js';
import type { OperationModel } from '../model/types.js';

export interface Finding {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint: string;
  /** `file:line:column` (as far as known). */
  location: string;
  pointer: string;
}

export function diagnosticToFinding(d: Diagnostic): Finding {
  const position = d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? '',
    location: `${d.file}${position}`,
    pointer: d.pointer,
  };
}

/**
 * True when the diagnostic is about the operation: it points into the operation object, or its message
 * names the operation (rules reported once for a root annotation name every operation they reach).
 */
export function concernsOperation(d: Diagnostic, op: OperationModel): boolean {
  return (
    d.pointer === op.pointer ||
    d.pointer.startsWith(`${op.pointer}/`) ||
    d.message.includes(operationLabel(op))
  );
}
