/**
 * A short compiler-style code frame: the lines around `line`, numbered, with a caret under `column`.
 *
 *     2 | paths:
 *   > 3 |   /orders:
 *       |   ^
 */
export function codeFrame(options: {
  text: string;
  line: number;
  column?: number;
  context?: number;
}): string {
  const { text, line, column, context = 2 } = options;
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} |`;
    const content = (lines[n - 1] ?? '').replaceAll('\t', '  ');
    out.push(content === '' ? gutter : `${gutter} ${content}`);
    if (n === line && column !== undefined && column >= 1) {
      const prefix = (lines[n - 1] ?? '')
        .slice(0, column - 1)
        .replace(/[^\t]/g, ' ')
        .replaceAll('\t', '  ');
      out.push(`  ${' '.repeat(width)} | ${prefix}^`);
    }
  }
  return out.join('\n');
}
