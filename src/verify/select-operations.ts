/**
 * The operations a run covers: those named with `--operation` (by id or operationId) or tagged with one of
 * `--tag`; with neither, every operation with an idempotency contract. Names that match nothing are returned
 * so the CLI can refuse them.
 */
import type { ApiModel, OperationModel } from '../model/types.js';

export function selectOperations(input: {
  model: ApiModel;
  operations?: readonly string[];
  tags?: readonly string[];
}): { operations: OperationModel[]; unknown: string[] } {
  const names = input.operations ?? [];
  const tags = input.tags ?? [];
  const all = input.model.operations;
  const named = (op: OperationModel) =>
    names.includes(op.id) || (op.operationId !== undefined && names.includes(op.operationId));
  const unknown = [
    ...names
      .filter((name) => !all.some((op) => op.id === name || op.operationId === name))
      .map((n) => `operation ${n}`),
    ...tags.filter((tag) => !all.some((op) => op.tags.includes(tag))).map((t) => `tag ${t}`),
  ];
  if (names.length === 0 && tags.length === 0)
    return { operations: all.filter((op) => op.idempotency), unknown };
  return { operations: all.filter((op) => named(op) || op.tags.some((t) => tags.includes(t))), unknown };
}
