import type { Diagnostic } from '../../core/diagnostics.js';
import { linesToFrame } from './code-frame.js';
import { fileToDisplayPath } from './display-path.js';
import { createPaint, type Paint } from './palette.js';
import type { SourceReader } from './source-reader.js';
import { countDiagnostics } from './summary.js';

export interface StylishOptions {
  diagnostics: readonly Diagnostic[];
  /** Paths are shown relative to this directory. */
  cwd: string;
  color: boolean;
  /** Source text for code frames; without it (or without text for a file) the frame is left out. */
  readSource?: SourceReader;
  /** What was linted, named in the line printed when there are no problems. */
  subject?: string;
}

/**
 * Compiler-style output: one block per diagnostic (`file:line:col  severity  message  code`, the JSON
 * pointer, a code frame, the hint), then a summary line. Info diagnostics are printed but are not problems.
 */
export function formatStylish(options: StylishOptions): string {
  const paint = createPaint(options.color);
  const { diagnostics } = options;
  if (diagnostics.length === 0) {
    const subject = options.subject
      ? `${fileToDisplayPath({ file: options.subject, cwd: options.cwd })}: `
      : '';
    return `${paint('green', '✔')} ${subject}no problems\n`;
  }
  const blocks = diagnostics.map((d) => formatBlock({ d, options, paint }));
  return `${blocks.join('\n\n')}\n\n${formatSummary({ diagnostics, paint })}\n`;
}

function formatBlock(input: { d: Diagnostic; options: StylishOptions; paint: Paint }): string {
  const { d, options, paint } = input;
  let where = fileToDisplayPath({ file: d.file, cwd: options.cwd });
  if (d.line !== undefined) where += d.column === undefined ? `:${d.line}` : `:${d.line}:${d.column}`;
  const severity =
    d.severity === 'error'
      ? paint('red', 'error')
      : d.severity === 'warning'
        ? paint('yellow', 'warning')
        : paint('cyan', 'info');
  const lines = [`${paint('underline', where)}  ${severity}  ${d.message}  ${paint('dim', d.code)}`];
  lines.push(`  ${paint('dim', 'at')} ${paint('cyan', `#${d.pointer}`)}`);
  const frame = frameFor({ d, readSource: options.readSource });
  if (frame) lines.push(...frame.split('\n').map((line) => `  ${line}`));
  if (d.hint) lines.push(`  ${paint('bold', 'hint:')} ${d.hint}`);
  return lines.join('\n');
}

function frameFor(input: { d: Diagnostic; readSource: SourceReader | undefined }): string | undefined {
  const { d, readSource } = input;
  if (!readSource || d.line === undefined) return undefined;
  const lines = readSource(d.file);
  if (lines === undefined) return undefined;
  const frame = linesToFrame({ lines, line: d.line, column: d.column });
  return frame === '' ? undefined : frame;
}

function formatSummary(input: { diagnostics: readonly Diagnostic[]; paint: Paint }): string {
  const { errors, warnings, infos } = countDiagnostics(input.diagnostics);
  const total = errors + warnings;
  const notes = infos > 0 ? `${plural(infos, 'info message')}` : '';
  if (total === 0) return input.paint('bold', input.paint('green', `✔ no problems (${notes})`));
  const text = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return input.paint('bold', input.paint(errors > 0 ? 'red' : 'yellow', notes ? `${text}, ${notes}` : text));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
