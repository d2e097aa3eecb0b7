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
