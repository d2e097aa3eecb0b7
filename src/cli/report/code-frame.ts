/**
 * A short compiler-style code frame: the lines around `line`, numbered, with a caret under `column`.
 *
 *     2 | paths:
 *   > 3 |   /orders:
 *       |   ^
 *
 * Lines longer than `MAX_WIDTH` (minified JSON is one line of megabytes) show a window of that width around
 * the column, cut with `…` at either end, the same window on every line so that they stay aligned.
 *
 * `linesToFrame` takes a file's lines, split once per file: with one frame per diagnostic, splitting the
 * whole text every time made stylish output quadratic (a minute for 1,200 diagnostics in a 12 MB spec).
 */
const MAX_WIDTH = 120;
/** How much of the line before the column a window keeps. */
const LEAD = 40;
const ELLIPSIS = '…';

export function linesToFrame(options: {
  lines: readonly string[];
  line: number;
  column?: number;
  context?: number;
}): string {
  const { lines, line, column, context = 2 } = options;
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const longest = Math.max(...lines.slice(first - 1, last).map((text) => text.length));
  const start = longest > MAX_WIDTH && column !== undefined ? Math.max(0, column - 1 - LEAD) : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = cutToWindow(lines[n - 1] ?? '', start);
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`;
    const content = source.replaceAll('\t', '  ');
    out.push(content === '' ? gutter : `${gutter} ${content}`);
    if (n === line && column !== undefined && column >= 1) {
      const prefix = source
        .slice(0, column - 1 - start + (start > 0 ? ELLIPSIS.length : 0))
        .replace(/[^\t]/g, ' ')
        .replaceAll('\t', '  ');
      out.push(`  ${' '.repeat(width)} | ${prefix}^`);
    }
  }
  return out.join('\n');
}

/** `text` from `start`, at most `MAX_WIDTH` characters, with `…` where it was cut. */
function cutToWindow(text: string, start: number): string {
  if (text.length <= MAX_WIDTH && start === 0) return text;
  const end = start + MAX_WIDTH;
  return `${start > 0 ? ELLIPSIS : ''}${text.slice(start, end)}${text.length > end ? ELLIPSIS : ''}`;
}

/** `linesToFrame` over a whole text (split on each call: for one frame, not many). */
export function codeFrame(options: {
  text: string;
  line: number;
  column?: number;
  context?: number;
}): string {
  return linesToFrame({ ...options, lines: options.text.split(/\r?\n/) });
}
