/**
 * ajv errors -> `extension-invalid` diagnostics: one per offending field, at that field's pointer, in words
 * ("x-retry.backoff.jitter must be one of none, full, equal, decorrelated"). The errors of one value's
 * alternatives (`anyOf` branches) collapse into the phrase of the schema's `x-expected` annotation.
 */
import type { ErrorObject } from 'ajv';
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import { escapeSegment, pointerToSegments } from '../core/json-pointer.js';

type SchemaNode = { 'x-expected'?: string; properties?: Record<string, unknown> };

const STRUCTURAL = new Set(['additionalProperties', 'required']);

const TYPE_WORDS: Record<string, string> = {
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  null: 'null',
};

export function ajvErrorsToDiagnostics(options: {
  errors: readonly ErrorObject[];
  /** The extension's name, e.g. `x-retry`. */
  name: string;
  /** Pointer of the extension's value in the document, e.g. `/paths/~1orders/post/x-retry`. */
  pointer: string;
}): UnlocatedDiagnostic[] {
  const { errors, name, pointer } = options;
  const out: UnlocatedDiagnostic[] = [];
  const valueErrors = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (STRUCTURAL.has(error.keyword)) {
      out.push(structuralDiagnostic({ error, name, pointer }));
      continue;
    }
    const group = valueErrors.get(error.instancePath) ?? [];
    valueErrors.set(error.instancePath, [...group, error]);
  }
  for (const [instancePath, group] of valueErrors) {
    const field = fieldName(name, instancePath);
    const expected = group
      .map((e) => (e.parentSchema as SchemaNode | undefined)?.['x-expected'])
      .find(Boolean);
    const reasons = expected ? [`must be ${expected}`] : [...new Set(group.map(reasonOf))];
    for (const reason of reasons)
      out.push(invalid({ pointer: pointer + instancePath, message: `${field} ${reason}` }));
  }
  return out;
}

function structuralDiagnostic(options: {
  error: ErrorObject;
  name: string;
  pointer: string;
}): UnlocatedDiagnostic {
  const { error, name, pointer } = options;
  const field = fieldName(name, error.instancePath);
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    return invalid({
      pointer: pointer + error.instancePath,
      message: `${field} is missing the field "${missing}"`,
    });
  }
  const unknown = String(error.params.additionalProperty);
  const valid = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
  const guess = closest(unknown, valid);
  return invalid({
    pointer: `${pointer}${error.instancePath}/${escapeSegment(unknown)}`,
    message: `${field} has unknown field "${unknown}"`,
    hint: `${guess ? `Did you mean "${guess}"? ` : ''}Valid fields: ${valid.join(', ')}.`,
  });
}

function reasonOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${String(p.allowedValue)}`;
    case 'type':
      return `must be ${[p.type]
        .flat()
        .map((t) => TYPE_WORDS[String(t)] ?? String(t))
        .join(' or ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} characters`;
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** `x-retry` + `/backoff/jitter` -> `x-retry.backoff.jitter`; `/retryOn/2` -> `x-retry.retryOn[2]`. */
function fieldName(name: string, instancePath: string): string {
  let out = name;
  for (const segment of pointerToSegments(instancePath)) {
    out += /^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`;
  }
  return out;
}

function invalid(options: { pointer: string; message: string; hint?: string }): UnlocatedDiagnostic {
  const { pointer, message, hint } = options;
  return { code: 'extension-invalid', severity: 'error', message, pointer, ...(hint ? { hint } : {}) };
}

/** The valid field within edit distance 2 of `word`, if any. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
