/** What `idemgen generate` prints for one project: files written, the dry-run list, stale files, syntax errors. */
import { relative } from 'node:path';
import type { GenerateResult } from '../../../generate.js';
import type { SyntaxProblem } from '../../../render/check.js';
import type { GeneratedFile } from '../../../render/emit.js';

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatSyntaxProblems(problems: readonly SyntaxProblem[]): string {
  const blocks = problems.map((p) => {
    const by = p.template
      ? `template ${p.template}${p.overridden ? ' (overridden by the project)' : ' (built-in)'}`
      : 'no template';
    const gutter = String(p.line);
    return (
      `${p.file}:${p.line}:${p.column}  error  ${p.message}  (rendered by ${by})\n` +
      `  > ${gutter} | ${p.excerpt}\n` +
      `    ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, p.column - 1))}^`
    );
  });
  const count = problems.length === 1 ? '1 syntax error' : `${problems.length} syntax errors`;
  return `${blocks.join('\n\n')}\n\n✖ ${count} in the generated code: fix the template named above.\n`;
}

/** The dry-run listing: one line per file (`write`, `same`, `delete`), its size and path. */
export function formatDryRun(options: { result: GenerateResult; outDir: string; cwd: string }): string {
  const emitted = options.result.emitted;
  if (!emitted) return '';
  const byPath = new Map<string, GeneratedFile>(options.result.files.map((f) => [f.path, f]));
  const written = new Set(emitted.written);
  const lines = [...byPath.values()]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => {
      const size = formatSize(Buffer.byteLength(file.contents)).padStart(9);
      return `${written.has(file.path) ? 'write ' : 'same  '}${size}  ${file.path}`;
    });
  for (const path of emitted.deleted) lines.push(`delete ${''.padStart(9)}  ${path}`);
  const total = options.result.files.reduce((sum, f) => sum + Buffer.byteLength(f.contents), 0);
  const where = relative(options.cwd, options.outDir) || '.';
  return (
    `${lines.join('\n')}\n` +
    `dry run: ${emitted.written.length} of ${byPath.size} files would be written to ${where} ` +
    `(${formatSize(total)} in all)${emitted.deleted.length ? `, ${emitted.deleted.length} deleted` : ''}; nothing written.\n`
  );
}

export function formatCheck(options: { result: GenerateResult; outDir: string; cwd: string }): string {
  const stale = options.result.emitted?.stale ?? [];
  const where = relative(options.cwd, options.outDir) || '.';
  if (stale.length === 0) return `✔ ${where} is up to date\n`;
  const orphans = new Set(options.result.emitted?.orphans ?? []);
  const lines = stale.map((path) => `  ${orphans.has(path) ? 'no longer generated' : 'stale'}  ${path}`);
  return (
    `✖ ${stale.length === 1 ? '1 file' : `${stale.length} files`} in ${where} ${stale.length === 1 ? 'differs' : 'differ'} from what idemgen generates:\n` +
    `${lines.join('\n')}\nRun 'idemgen generate' (with --clean to delete files no longer generated).\n`
  );
}

export function formatWritten(options: { result: GenerateResult; outDir: string; cwd: string }): string {
  const emitted = options.result.emitted;
  if (!emitted) return '';
  const where = relative(options.cwd, options.outDir) || '.';
  let text = `✔ ${where}: ${emitted.written.length} written, ${emitted.unchanged.length} unchanged`;
  if (emitted.deleted.length > 0) text += `, ${emitted.deleted.length} deleted`;
  text += '\n';
  for (const path of emitted.keptEdited) {
    text += `warning: ${where}/${path} is no longer generated but was edited since idemgen wrote it; not deleted.\n`;
  }
  if (emitted.orphans.length > emitted.deleted.length + emitted.keptEdited.length) {
    const left = emitted.orphans.length - emitted.deleted.length - emitted.keptEdited.length;
    text += `note: ${left} file${left === 1 ? '' : 's'} no longer generated; --clean deletes them.\n`;
  }
  return text;
}
