/**
 * Handlers whose operation the spec no longer has: a property of the `handlers` object, or a module export
 * typed with a generated `...Handler` type, named after no operation. Reported as warnings, never deleted.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { OperationModel } from '../model/types.js';
import type { ModuleFile, WiringFile } from './read-handler-files.js';
import { handlerNameOf, SERVER_NAMESPACE, WIRING_FILE } from './stub-text.js';

export function orphanDiagnostics(input: {
  operations: readonly OperationModel[];
  modules: readonly ModuleFile[];
  wiring: WiringFile | undefined;
  outDir: string;
}): { names: string[]; diagnostics: Diagnostic[] } {
  const known = new Set(input.operations.map(handlerNameOf));
  const found = new Map<string, Diagnostic>();
  const report = (name: string, file: string, position: number, source: ModuleFile['source']) => {
    if (known.has(name) || found.has(name)) return;
    const { line, column } = source.getLineAndColumnAtPos(position);
    found.set(name, {
      code: 'scaffold-orphan-handler',
      severity: 'warning',
      message: `The handler ${name} has no operation in the spec (removed or renamed?); it was left in place.`,
      pointer: '',
      file: join(input.outDir, file),
      line,
      column,
      hint: `Delete ${name} (and its entry in ${WIRING_FILE}) if the operation is gone, or rename it after the operation's new operationId.`,
    });
  };
  const handlerType = new RegExp(`^${SERVER_NAMESPACE}\\.\\w+Handler$`);
  for (const module of input.modules) {
    for (const e of module.exports) {
      if (e.type && handlerType.test(e.type))
        report(e.name, `${module.module}.ts`, e.position, module.source);
    }
  }
  for (const p of input.wiring?.properties ?? []) {
    report(p.name, WIRING_FILE, p.position, input.wiring!.source);
  }
  return { names: [...found.keys()], diagnostics: [...found.values()] };
}
