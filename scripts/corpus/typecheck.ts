/**
 * Type-checks one generated output directory with `tsc --strict` settings (plus `noUncheckedIndexedAccess` and
 * `verbatimModuleSyntax`, no Node types), as a user's project would. The parsed standard library is kept
 * between calls, so checking hundreds of small outputs in one process does not re-parse `lib.dom.d.ts` each time.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { STRICT_OPTIONS } from '../../test/helpers/typecheck-dir.js';

// The tests' strict settings (test/helpers/typecheck-dir.ts), with `validators.js` checked too and the
// standard library trusted.
const OPTIONS: ts.CompilerOptions = { ...STRICT_OPTIONS, allowJs: true, skipLibCheck: true };

const libCache = new Map<string, ts.SourceFile | undefined>();
const baseHost = ts.createCompilerHost(OPTIONS);
const host: ts.CompilerHost = {
  ...baseHost,
  getSourceFile(fileName, languageVersion, onError, shouldCreate) {
    const isLib = fileName.includes('/node_modules/typescript/lib/');
    if (isLib && libCache.has(fileName)) return libCache.get(fileName);
    const file = baseHost.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (isLib) libCache.set(fileName, file);
    return file;
  },
};

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

export interface TypeError {
  code: number;
  message: string;
  /** `file:line:column`, relative to the output directory. */
  at: string;
}

export function typecheckOutput(dir: string): TypeError[] {
  const program = ts.createProgram({ rootNames: listSources(dir), options: OPTIONS, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return { code: d.code, message, at: '' };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = d.file.fileName.startsWith(dir) ? d.file.fileName.slice(dir.length + 1) : d.file.fileName;
    return { code: d.code, message, at: `${file}:${line + 1}:${character + 1}` };
  });
}
