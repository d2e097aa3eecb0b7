/**
 * `scaffoldHandlers()`: one typed stub per operation that has no handler yet, in the user's handlers
 * directory (one file per tag module, as the generated server groups them, and `index.ts` wiring them into
 * the `handlers` object `createServer` takes). Existing files only get insertions; handlers whose operation
 * is gone are reported, never deleted; a second run changes nothing. ts-morph is loaded only here.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../core/diagnostics.js';
import { lint } from '../lint.js';
import { applyInsertions, type Insertion } from './insert-text.js';
import { orphanDiagnostics } from './orphans.js';
import { planModuleFile, planWiringFile } from './plan-files.js';
import { readModuleFile, readWiringFile } from './read-handler-files.js';
import { handlerNameOf, WIRING_FILE } from './stub-text.js';
import type { ScaffoldedFile, ScaffoldHandlersOptions, ScaffoldHandlersResult } from './types.js';

export async function scaffoldHandlers(options: ScaffoldHandlersOptions): Promise<ScaffoldHandlersResult> {
  const cwd = options.cwd ?? process.cwd();
  const linted = await lint(options);
  const { model } = linted;
  if (!model || hasErrors(linted.diagnostics)) {
    const loaded = linted.usable;
    return { diagnostics: linted.diagnostics, files: [], stubbed: [], orphans: [], loaded, usable: false };
  }
  const outDir = resolve(cwd, options.outDir);
  const serverImport = importPath(
    outDir,
    resolve(cwd, options.generatedDir ?? 'src/generated', 'server/index.js'),
  );
  const tsMorph = await import('ts-morph');
  const project = new tsMorph.Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const texts = await readTypeScriptFiles(outDir);
  const modules = [...texts]
    .filter(([file]) => file !== WIRING_FILE)
    .map(([file, text]) =>
      readModuleFile({
        tsMorph,
        source: project.createSourceFile(`/${file}`, text),
        module: file.slice(0, -3),
      }),
    );
  const wiringText = texts.get(WIRING_FILE);
  const wiring =
    wiringText === undefined
      ? undefined
      : readWiringFile({ tsMorph, source: project.createSourceFile(`/${WIRING_FILE}`, wiringText) });

  const operations = model.operations;
  const exported = new Map(modules.flatMap((m) => m.exports.map((e) => [e.name, e] as const)));
  const wired = new Set(wiring?.properties.map((p) => p.name));
  // An operation has a handler when it is wired, or when a module file exports one by its name.
  const missing = operations.filter(
    (op) => !wired.has(handlerNameOf(op)) && !exported.has(handlerNameOf(op)),
  );
  const byModule = groupBy(missing, (op) => op.module);
  const files: ScaffoldedFile[] = [];
  for (const [module, ops] of byModule) {
    const file = modules.find((m) => m.module === module);
    const planned = planModuleFile({ module, ops, existing: file, serverImport });
    files.push(finish(outDir, `${module}.ts`, texts.get(`${module}.ts`), planned, ops.map(handlerNameOf)));
  }
  // Wiring: every operation not yet in `handlers`, from the module that exports it or got its stub.
  const toWire = operations
    .map((op) => ({ name: handlerNameOf(op), module: exported.get(handlerNameOf(op))?.module ?? op.module }))
    .filter((entry) => !wired.has(entry.name));
  const diagnostics: Diagnostic[] = [...linted.diagnostics];
  if (toWire.length > 0) {
    const planned = planWiringFile({ wiring, entries: toWire, serverImport });
    if (planned.problem) diagnostics.push({ ...planned.problem, file: join(outDir, WIRING_FILE) });
    else {
      files.push(
        finish(
          outDir,
          WIRING_FILE,
          wiringText,
          planned,
          toWire.map((e) => e.name),
        ),
      );
    }
  }
  const orphans = orphanDiagnostics({ operations, modules, wiring, outDir });
  diagnostics.push(...orphans.diagnostics);
  const changed = files.filter((f) => f.created || f.text !== texts.get(relative(outDir, f.path)));
  if ((options.mode ?? 'write') === 'write') {
    for (const file of changed) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text);
    }
  }
  return {
    diagnostics: sortDiagnostics(diagnostics),
    files: changed,
    stubbed: missing.map(handlerNameOf),
    orphans: orphans.names,
    loaded: true,
    usable: true,
  };
}

function finish(
  outDir: string,
  file: string,
  before: string | undefined,
  planned: { text?: string; insertions?: Insertion[] },
  added: string[],
): ScaffoldedFile {
  const text = planned.text ?? applyInsertions(before ?? '', planned.insertions ?? []);
  return { path: join(outDir, file), text, created: before === undefined, added };
}

/** The handlers directory's `.ts` files (not declarations), by name; empty when it does not exist yet. */
async function readTypeScriptFiles(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files = names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort();
  return new Map(
    await Promise.all(files.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)),
  );
}

/** A relative ES module specifier from `fromDir` to `target`, with `/` separators. */
function importPath(fromDir: string, target: string): string {
  const path = relative(fromDir, target).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}
