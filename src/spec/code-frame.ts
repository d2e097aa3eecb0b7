/**
 * A short compiler-style code frame: the lines around `line`, numbered, with a caret under `column`.
 *
 *     2 | paths:
 *   > 3 |   /orders:
 *       |   ^
 *
 * `linesToFrame` takes a file's lines, split once per file: with one frame per diagnostic, splitting the
 * whole text every time made stylish output quadratic (a minute for 1,200 diagnostics in a 12 MB spec).
 */
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
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = lines[n - 1] ?? '';
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`;
    const content = source.replaceAll('\t', '  ');
    out.push(content === '' ? gutter : `${gutter} ${content}`);
    if (n === line && column !== undefined && column >= 1) {
      const prefix = source
        .slice(0, column - 1)
        .replace(/[^\t]/g, ' ')
        .replaceAll('\t', '  ');
      out.push(`  ${' '.repeat(width)} | ${prefix}^`);
    }
  }
  return out.join('\n');
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
