/**
 * What the plugin reports through a bundler: one message per diagnostic, template problem or syntax
 * problem, with its place in the spec (or in the generated file) when known.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { GenerateResult } from '../generate.js';

export interface PluginMessage {
  text: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface PluginReport {
  errors: PluginMessage[];
  warnings: PluginMessage[];
}

export function resultToReport(result: GenerateResult, cwd: string): PluginReport {
  const report: PluginReport = { errors: [], warnings: [] };
  for (const d of result.diagnostics) {
    (d.severity === 'error' ? report.errors : report.warnings).push(diagnosticToMessage(d, cwd));
  }
  for (const p of result.templateProblems) {
    (p.severity === 'error' ? report.errors : report.warnings).push({
      text: `${p.template}: ${p.message}`,
      file: p.path,
    });
  }
  for (const p of result.syntaxProblems) {
    report.errors.push({
      text: `generated ${p.file} does not parse${p.template ? ` (template ${p.template})` : ''}: ${p.message}`,
      line: p.line,
      column: p.column,
    });
  }
  return report;
}

function diagnosticToMessage(d: Diagnostic, cwd: string): PluginMessage {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const pointer = d.pointer ? ` at #${d.pointer}` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return {
    text: `[idemgen] ${relativeTo(cwd, where)}: ${d.message} (${d.code}${pointer})${hint}`,
    file: d.file,
    ...(d.line === undefined ? {} : { line: d.line, column: d.column ?? 1 }),
  };
}

function relativeTo(cwd: string, file: string): string {
  return file.startsWith('/') ? relative(cwd, file) : file;
}

/** All of a report's errors in one text, for a bundler that takes one error. */
export function errorsToText(errors: readonly PluginMessage[]): string {
  return `idemgen could not generate:\n${errors.map((e) => e.text).join('\n')}`;
}
