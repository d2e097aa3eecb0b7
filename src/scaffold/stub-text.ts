/**
 * The text the scaffolder writes: a handler stub per operation, a new module file's head, the wiring file.
 * Every name comes from the model (identifiers) and every spec string goes through render/escape.ts.
 */
import type { OperationModel } from '../model/types.js';
import { toCommentLines, toSafeIdentifier, toStringLiteral, toTypeName } from '../render/escape.js';

/** The namespace the stubs import the generated server's types under. */
export const SERVER_NAMESPACE = 'server';

export const WIRING_FILE = 'index.ts';

/** The name of the export that maps every operation to its handler, in the wiring file. */
export const HANDLERS_EXPORT = 'handlers';

/** The handler's name: the key of the generated server's `Handlers` interface. */
export function handlerNameOf(op: OperationModel): string {
  return toSafeIdentifier(op.id);
}

export function handlerTypeOf(op: OperationModel): string {
  return `${SERVER_NAMESPACE}.${toTypeName(handlerNameOf(op))}Handler`;
}

/** One typed stub: it compiles, and it throws until someone writes the handler. */
export function stubText(op: OperationModel): string {
  const name = handlerNameOf(op);
  const route = `${op.method.toUpperCase()} ${op.path}`;
  const doc = [...(op.summary ? toCommentLines(op.summary) : []), ...toCommentLines(route)];
  return [
    '/**',
    ...doc.map((line) => (line ? ` * ${line}` : ' *')),
    ' */',
    `export const ${name}: ${handlerTypeOf(op)} = async (_request) => {`,
    `  throw new Error(${toStringLiteral(`${name} is not implemented yet (${route})`)});`,
    '};',
    '',
  ].join('\n');
}

/** A new module file: its import, then its stubs. */
export function moduleFileText(input: { serverImport: string; ops: readonly OperationModel[] }): string {
  const head = [
    '// Handlers written by `idemgen scaffold handlers`, and then by you: a later run only adds stubs.',
    `import type * as ${SERVER_NAMESPACE} from ${toStringLiteral(input.serverImport)};`,
    '',
  ].join('\n');
  return [head, ...input.ops.map(stubText)].join('\n');
}

/** A new wiring file: every module's handlers in one object that `createServer({ handlers })` takes. */
export function wiringFileText(input: {
  serverImport: string;
  entries: readonly { name: string; module: string }[];
}): string {
  const modules = [...new Set(input.entries.map((e) => e.module))].sort();
  return [
    '// Wiring written by `idemgen scaffold handlers`: a later run adds new operations here.',
    `import type { Handlers } from ${toStringLiteral(input.serverImport)};`,
    ...modules.map(importLine),
    '',
    "/** Every operation's handler, for `createServer({ handlers })`. */",
    `export const ${HANDLERS_EXPORT} = {`,
    ...input.entries.map((e) => `  ${propertyText(e)},`),
    '} satisfies Handlers;',
    '',
  ].join('\n');
}

export function importLine(module: string): string {
  return `import * as ${moduleNamespace(module)} from ${toStringLiteral(`./${module}.js`)};`;
}

export function propertyText(entry: { name: string; module: string }): string {
  return `${entry.name}: ${moduleNamespace(entry.module)}.${entry.name}`;
}

/** The namespace a module's handlers are imported under in the wiring file: `payments`, `userAccounts`. */
export function moduleNamespace(module: string): string {
  return toSafeIdentifier(`${module}Handlers`);
}
