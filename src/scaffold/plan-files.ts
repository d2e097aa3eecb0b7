/** What to write into a module file and into the wiring file: a new file's text, or insertions. */
import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import type { OperationModel } from '../model/types.js';
import { appendAtEnd, type Insertion, importLineInsertion, propertiesInsertion } from './insert-text.js';
import type { ModuleFile, WiringFile } from './read-handler-files.js';
import {
  HANDLERS_EXPORT,
  importLine,
  moduleFileText,
  moduleNamespace,
  SERVER_NAMESPACE,
  stubText,
  WIRING_FILE,
  wiringFileText,
} from './stub-text.js';

export interface PlannedFile {
  /** A new file's whole text. */
  text?: string;
  /** Or the insertions into the existing one. */
  insertions?: Insertion[];
  /** Or why nothing can be added (the wiring file has no `handlers` object to add to). */
  problem?: UnlocatedDiagnostic;
}

export function planModuleFile(input: {
  module: string;
  ops: readonly OperationModel[];
  existing: ModuleFile | undefined;
  serverImport: string;
}): PlannedFile {
  const { existing, ops, serverImport } = input;
  if (!existing) return { text: moduleFileText({ serverImport, ops }) };
  const insertions: Insertion[] = [];
  if (!existing.importsServer) {
    const line = `import type * as ${SERVER_NAMESPACE} from ${JSON.stringify(serverImport)};`;
    insertions.push(importLineInsertion(existing.source, line));
  }
  insertions.push(appendAtEnd(existing.source.getFullText(), ops.map(stubText).join('\n')));
  return { insertions };
}

export function planWiringFile(input: {
  wiring: WiringFile | undefined;
  entries: readonly { name: string; module: string }[];
  serverImport: string;
}): PlannedFile {
  const { wiring, entries, serverImport } = input;
  if (!wiring) return { text: wiringFileText({ serverImport, entries }) };
  if (!wiring.object) {
    return {
      problem: {
        code: 'scaffold-no-handlers-object',
        severity: 'warning',
        message: `${WIRING_FILE} has no \`export const ${HANDLERS_EXPORT} = { ... }\` to add ${entries.map((e) => e.name).join(', ')} to.`,
        pointer: '',
        line: 1,
        column: 1,
        hint: `Wire the new handlers into createServer yourself, or delete ${WIRING_FILE} and rerun to have it written.`,
      },
    };
  }
  const insertions: Insertion[] = [];
  const namespaces = new Map(wiring.namespaces);
  for (const module of new Set(entries.map((e) => e.module))) {
    if (namespaces.has(module)) continue;
    namespaces.set(module, moduleNamespace(module));
    insertions.push(importLineInsertion(wiring.source, importLine(module)));
  }
  const properties = entries.map((e) => `${e.name}: ${namespaces.get(e.module)}.${e.name}`);
  insertions.push(propertiesInsertion(wiring.object, properties));
  return { insertions };
}
