/** Text and attribute values in HTML (and inline SVG): the five characters that can break out escaped. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text in a Markdown paragraph or table cell: HTML and the characters Markdown reads as syntax escaped,
 * line breaks folded to spaces (a table row is one line).
 */
export function escapeMarkdown(value: string): string {
  return escapeHtml(value)
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
}

/**
 * A Markdown code span holding `value` literally: a fence longer than any run of backticks inside, line
 * breaks folded to spaces. In a table cell (`cell`), `|` is written `\|`, which GFM reads as a `|` of the
 * span rather than the end of the cell.
 */
export function toMarkdownCode(value: string, options: { cell?: boolean } = {}): string {
  let text = value.replace(/\r?\n/g, ' ');
  if (options.cell) text = text.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
