/**
 * Fuzz helper: lint a spec given as text (read as stdin, so no file is written), and check that every
 * diagnostic is one a user can act on: a code, a severity, a message, a JSON pointer, a file, and a line and
 * column whenever the pointer names something in the text.
 */
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { JsonValue } from '../../src/core/json.js';
import { resolvePointer } from '../../src/core/json-pointer.js';
import { type LintResult, lint } from '../../src/lint.js';
import { parseSpecText } from '../../src/load/parse-spec-text.js';

export async function lintText(text: string, cwd?: string): Promise<LintResult> {
  return lint({ spec: '-', stdin: Readable.from([text]), ...(cwd ? { cwd } : {}) });
}

const SEVERITIES = ['error', 'warning'];

/**
 * Every diagnostic is well-formed and located: `file` is `display` (or, for a diagnostic about another
 * document, some non-empty file name) and, when its pointer exists in the parsed text, it has a 1-based line
 * and column.
 */
export function expectLocatedDiagnostics(options: {
  diagnostics: readonly Diagnostic[];
  text: string;
  display?: string;
}): void {
  const { diagnostics, text, display = '<stdin>' } = options;
  let parsed: JsonValue | undefined;
  let parsedOnce = false;
  for (const d of diagnostics) {
    expect(d.code, JSON.stringify(d)).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(SEVERITIES, JSON.stringify(d)).toContain(d.severity);
    expect(typeof d.message === 'string' && d.message.length > 0, JSON.stringify(d)).toBe(true);
    expect(d.message, JSON.stringify(d)).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
    expect(d.pointer === '' || d.pointer.startsWith('/'), JSON.stringify(d)).toBe(true);
    expect(typeof d.file === 'string' && d.file.length > 0, JSON.stringify(d)).toBe(true);
    if (d.file !== display) continue;
    if (!parsedOnce) {
      parsed = parseSpecText({ text, file: display }).value;
      parsedOnce = true;
    }
    if (parsed !== undefined && resolvePointer(parsed, d.pointer) === undefined) continue;
    if (parsed === undefined && d.line === undefined) continue;
    expect(Number.isInteger(d.line) && (d.line as number) >= 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && (d.column as number) >= 1, JSON.stringify(d)).toBe(true);
  }
}
