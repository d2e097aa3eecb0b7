/**
 * Operation ids: the spec's `operationId` when it is a JavaScript identifier, a safe identifier made from it
 * when it is not (`operation-id-not-identifier`), or a derived name when it is absent; a name the generator
 * takes (`then`, `constructor`, `readBody`, ...) gets `_` appended (`name-renamed`). Two operations with the
 * same id, or whose generated names clash, are an `operation-id-collision` error at both.
 */
import type { UnlocatedDiagnostic } from './diagnostics.js';
import { isTakenOperationName, operationToDeclaredNames, toFreeOperationName } from './generator-names.js';
import { isIdentifier, operationToName, toIdentifier } from './naming.js';
import type { HttpMethod } from './types.js';

export function operationLabel(op: { method: string; path: string; id: string }): string {
  return `${op.method.toUpperCase()} ${op.path} (${op.id})`;
}

export interface OperationIdentity {
  id: string;
  derivedId: boolean;
  operationId?: string;
}

/** The id of one operation, and a warning when its `operationId` is not an identifier. */
export function identifyOperation(options: {
  operationId: unknown;
  method: HttpMethod;
  path: string;
  pointer: string;
}): { identity: OperationIdentity; diagnostics: UnlocatedDiagnostic[] } {
  const { operationId, method, path, pointer } = options;
  if (typeof operationId !== 'string' || operationId === '') {
    const id = toFreeOperationName(operationToName({ method, path }));
    return { identity: { id, derivedId: true }, diagnostics: [] };
  }
  if (isIdentifier(operationId) && !isTakenOperationName(operationId))
    return { identity: { id: operationId, derivedId: false, operationId }, diagnostics: [] };
  if (isIdentifier(operationId)) {
    const id = toFreeOperationName(operationId);
    const diagnostic: UnlocatedDiagnostic = {
      code: 'name-renamed',
      severity: 'warning',
      message: `${method.toUpperCase()} ${path} (${operationId}): the operationId "${operationId}" is a name the generated code cannot use (it breaks modules or objects, or the generator or its runtime takes it); the generated code names the operation "${id}".`,
      pointer: `${pointer}/operationId`,
      hint: `Rename the operationId, e.g. to "${id}", or turn the warning off: --rule name-renamed=off.`,
    };
    return { identity: { id, derivedId: false, operationId }, diagnostics: [diagnostic] };
  }
  const id = toFreeOperationName(toIdentifier(operationId));
  const diagnostic: UnlocatedDiagnostic = {
    code: 'operation-id-not-identifier',
    severity: 'warning',
    message: `${method.toUpperCase()} ${path} (${operationId}): the operationId is not a JavaScript identifier; the generated code names the operation "${id}".`,
    pointer: `${pointer}/operationId`,
    hint: `Rename the operationId to a JavaScript identifier, e.g. "${id}".`,
  };
  return { identity: { id, derivedId: false, operationId }, diagnostics: [diagnostic] };
}

interface IdentifiedOperation extends OperationIdentity {
  method: HttpMethod;
  path: string;
  pointer: string;
  /** The module it is generated into: names local to a module clash only within it. */
  module: string;
}

/** The keys an operation's generated names take: exported ones everywhere, all of them in its module. */
function namesTaken(op: IdentifiedOperation): Map<string, string> {
  const { exported, local } = operationToDeclaredNames(op.id);
  const keys = new Map<string, string>();
  for (const name of exported) keys.set(name, name);
  for (const name of [...exported, ...local]) keys.set(`${op.module}\u0000${name}`, name);
  return keys;
}

/**
 * `operation-id-collision` at each operation whose id another operation also has, or one of whose generated
 * names another operation's also is (`createOrder` and `CreateOrder` both declare `CreateOrderInput`;
 * `createOrder` declares `createOrderSpec`, the function of an operation `createOrderSpec` in the same module).
 */
export function findIdCollisions(operations: readonly IdentifiedOperation[]): UnlocatedDiagnostic[] {
  const byKey = new Map<string, { name: string; group: IdentifiedOperation[] }>();
  for (const op of operations) {
    for (const [key, name] of namesTaken(op)) {
      const entry = byKey.get(key) ?? { name, group: [] };
      entry.group.push(op);
      byKey.set(key, entry);
    }
  }
  const clashes = new Map<IdentifiedOperation, { others: Set<IdentifiedOperation>; name: string }>();
  for (const { name, group } of byKey.values()) {
    if (group.length < 2) continue;
    for (const op of group) {
      const seen = clashes.get(op) ?? { others: new Set(), name };
      for (const other of group) if (other !== op) seen.others.add(other);
      if (group.some((o) => o !== op && o.id === op.id)) seen.name = op.id;
      clashes.set(op, seen);
    }
  }
  const out: UnlocatedDiagnostic[] = [];
  for (const op of operations) {
    const clash = clashes.get(op);
    if (!clash) continue;
    const others = [...clash.others].map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ');
    const source = op.derivedId ? 'derived name' : 'operationId';
    const message =
      clash.name === op.id
        ? `the ${source} "${op.id}" is also the id of ${others}.`
        : `the ${source} "${op.id}" makes the generated name "${clash.name}", which ${others} also makes.`;
    out.push({
      code: 'operation-id-collision',
      severity: 'error',
      message: `${operationLabel(op)}: ${message}`,
      pointer: op.derivedId ? op.pointer : `${op.pointer}/operationId`,
      hint: 'Set a unique operationId on each of these operations.',
    });
  }
  return out;
}

/** Above this many, `operation-id-not-identifier` warnings are reported as one (GitHub's spec has 1,223). */
export const NOT_IDENTIFIER_GROUP_ABOVE = 5;

/**
 * One warning for a spec whose operationIds are not identifiers by convention (`repos/get`), rather than one
 * per operation: the renaming is the same rule every time, and a thousand copies of it bury real problems.
 */
export function groupNotIdentifierWarnings(diagnostics: UnlocatedDiagnostic[]): UnlocatedDiagnostic[] {
  const warnings = diagnostics.filter((d) => d.code === 'operation-id-not-identifier');
  if (warnings.length <= NOT_IDENTIFIER_GROUP_ABOVE) return diagnostics;
  const examples = warnings
    .slice(0, 3)
    .map((d) => /\(([^)]*)\): .* names the operation "([^"]*)"/.exec(d.message))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `"${m[1]}" -> "${m[2]}"`);
  const first = warnings[0]!;
  const grouped: UnlocatedDiagnostic = {
    code: 'operation-id-not-identifier',
    severity: first.severity,
    message: `${warnings.length} operationIds are not JavaScript identifiers; the generated code renames them (${examples.join(', ')}, and ${warnings.length - examples.length} more). The first is here.`,
    pointer: first.pointer,
    hint: 'Rename the operationIds to JavaScript identifiers, or turn the rule off: --rule operation-id-not-identifier=off.',
  };
  const rest = diagnostics.filter((d) => d.code !== 'operation-id-not-identifier');
  return [grouped, ...rest];
}
