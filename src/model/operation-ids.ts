/**
 * Operation ids: the spec's `operationId` when it is a JavaScript identifier, a safe identifier made from it
 * when it is not (`operation-id-not-identifier`), or a derived name when it is absent; a name the generator
 * takes (`then`, `constructor`, `readBody`, ...) gets `_` appended (`name-renamed`). Of two operations with the
 * same id, or whose generated names clash, the later one is renamed (`pay2`): an `operation-id-collision`
 * warning.
 */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
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
function namesTaken(op: { id: string; module: string }): Map<string, string> {
  const { exported, local } = operationToDeclaredNames(op.id);
  const keys = new Map<string, string>();
  for (const name of exported) keys.set(name, name);
  for (const name of [...exported, ...local]) keys.set(`${op.module}\u0000${name}`, name);
  return keys;
}

/** `pay` -> `pay2`, `pay3`, ...; an id ending in a digit gets `_` first (`getV1` -> `getV1_2`). */
function toNumbered(id: string, n: number): string {
  return /[0-9]$/.test(id) ? `${id}_${n}` : `${id}${n}`;
}

/**
 * Gives each operation whose id another operation also has, or one of whose generated names another
 * operation's also is (`createOrder` and `CreateOrder` both declare `CreateOrderInput`; `CreateIntegration`
 * declares `CreateIntegrationResponse`, the function of an operation `CreateIntegrationResponse`; `pay`
 * declares `paySpec`, the function of an operation `paySpec` in the same module), a free id, with an
 * `operation-id-collision` warning at it. In document order, the first operation keeps its names; a later one
 * gets its id numbered (`pay2`, `pay3`, ...), skipping any number whose names an operation already has, later
 * ones included, or the generator takes. Renames `operations`' ids in place.
 */
export function resolveIdCollisions(operations: IdentifiedOperation[]): UnlocatedDiagnostic[] {
  const original = new Set(operations.flatMap((op) => [...namesTaken(op).keys()]));
  const holders = new Map<string, IdentifiedOperation>();
  const out: UnlocatedDiagnostic[] = [];
  for (const op of operations) {
    const names = namesTaken(op);
    const clash = [...names].find(([key]) => holders.has(key));
    if (clash) {
      const [key, name] = clash;
      const holder = holders.get(key)!;
      const label = operationLabel(op);
      let n = 2;
      let id = toNumbered(op.id, n);
      const isFree = (candidate: string) =>
        !isTakenOperationName(candidate) &&
        [...namesTaken({ id: candidate, module: op.module }).keys()].every(
          (k) => !original.has(k) && !holders.has(k),
        );
      while (!isFree(id)) id = toNumbered(op.id, ++n);
      out.push(collisionWarning({ op, label, holder, name, id }));
      op.id = id;
    }
    for (const key of namesTaken(op).keys()) holders.set(key, op);
  }
  return out;
}

function collisionWarning(options: {
  op: IdentifiedOperation;
  label: string;
  holder: IdentifiedOperation;
  name: string;
  id: string;
}): UnlocatedDiagnostic {
  const { op, label, holder, name, id } = options;
  const source = op.derivedId ? 'derived name' : 'operationId';
  const clash =
    name === op.id && name === holder.id
      ? `is also the id of ${operationLabel(holder)}`
      : `makes the generated name "${name}", which ${operationLabel(holder)} also makes`;
  return {
    code: 'operation-id-collision',
    severity: 'warning',
    message: `${label}: the ${source} "${op.id}" ${clash}; the generated code names this operation "${id}".`,
    pointer: op.derivedId ? op.pointer : `${op.pointer}/operationId`,
    hint: `Set an operationId on ${op.method.toUpperCase()} ${op.path} that no other operation has (or turn the warning off: --rule operation-id-collision=off).`,
  };
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
