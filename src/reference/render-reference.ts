/**
 * The reference site as files: `index.html` (one self-contained page: styles, script and timelines inline,
 * nothing fetched, so it works from `file://`) and/or `reference.md` with one SVG per timeline beside it
 * (`timelines/<operation>.svg`, since Markdown renderers drop inline SVG).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_TEMPLATES_DIR, createRenderer, type TemplateProblem } from '../render/handlebars.js';
import { TEMPLATES } from '../render/templates.js';
import type { ReferenceSite } from './build-reference.js';
import type { ReferenceFormat } from './formats.js';
import { escapeHtml, escapeMarkdown, toMarkdownCode } from './html-escape.js';

/** Output path (relative, forward slashes) -> contents. */
export type ReferenceFiles = Map<string, string>;

export interface RenderedReference {
  files: ReferenceFiles;
  /** Problems with the override directory (an unknown file is an error; nothing is rendered then). */
  templateProblems: readonly TemplateProblem[];
}

const asset = (name: string): string => readFileSync(join(BUILTIN_TEMPLATES_DIR, 'reference', name), 'utf8');

export function renderReference(input: {
  site: ReferenceSite;
  format: ReferenceFormat;
  /** A directory of template overrides (`idemgen templates eject`). */
  templatesDir?: string | undefined;
}): RenderedReference {
  const { site, format } = input;
  const renderer = createRenderer({
    ...(input.templatesDir ? { overridesDir: input.templatesDir } : {}),
    helpers: {
      h: (value: unknown) => escapeHtml(String(value)),
      md: (value: unknown) => escapeMarkdown(String(value)),
      // `{{mdCode path}}`, or `{{mdCode path "cell"}}` in a table cell.
      mdCode: (value: unknown, ...rest: unknown[]) =>
        toMarkdownCode(String(value), { cell: rest.length > 1 && rest[0] === 'cell' }),
    },
  });
  const files: ReferenceFiles = new Map();
  const templateProblems = renderer.problems;
  if (templateProblems.some((p) => p.severity === 'error')) return { files, templateProblems };
  if (format !== 'markdown') {
    const context = { ...site, style: asset('style.css'), script: asset('search.js') };
    files.set('index.html', renderer.render(TEMPLATES.referenceHtml.id, context));
  }
  if (format !== 'html') {
    files.set('reference.md', renderer.render(TEMPLATES.referenceMarkdown.id, site));
    for (const op of site.operations) {
      if (op.timeline) files.set(op.timeline.file, `${op.timeline.svg}\n`);
    }
  }
  return { files, templateProblems };
}
