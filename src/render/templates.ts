/**
 * The catalog of built-in templates: what each renders and why. The renderers name their templates through
 * it, `idemgen templates list` prints it, and docs/templates.md carries it as a table (a test keeps the
 * three and `templates/` in step).
 */
export interface TemplateEntry {
  /** The template's name under `templates/`, as overrides and `templates eject` name it. */
  id: string;
  /** The file it renders (`<group>`: one per group), or how it is used (`{{> header}}` for a partial). */
  output: string;
  /** What the rendered file holds. */
  purpose: string;
}

export const TEMPLATES = {
  clientOperations: {
    id: 'client/operations.hbs',
    output: 'client/<group>.ts',
    purpose: 'one typed function per operation of a group (the first tag)',
  },
  clientIndex: {
    id: 'client/index.hbs',
    output: 'client/index.ts',
    purpose: 're-exports the runtime and every group',
  },
  serverHandlers: {
    id: 'server/handlers.hbs',
    output: 'server/<group>.ts',
    purpose: 'handler request/response types of a group',
  },
  serverIndex: {
    id: 'server/index.hbs',
    output: 'server/index.ts',
    purpose: 'the `Handlers` map and `createServer`; re-exports `routes`',
  },
  serverRoutes: {
    id: 'server/routes.hbs',
    output: 'server/routes.js',
    purpose: 'the route table, plain JavaScript (typed by the generated `routes.d.ts`)',
  },
  referenceHtml: {
    id: 'reference/index.html.hbs',
    output: 'index.html',
    purpose: '`idemgen docs`: the reference site, one self-contained page',
  },
  referenceMarkdown: {
    id: 'reference/reference.md.hbs',
    output: 'reference.md',
    purpose: '`idemgen docs`: the same reference as Markdown',
  },
  serverSenders: {
    id: 'server/senders.hbs',
    output: 'server/senders.ts',
    purpose: '`send<Webhook>` for each webhook and callback receiver (only when the spec has some)',
  },
  header: {
    id: 'partials/header.hbs',
    output: '{{> header}}',
    purpose: 'the comment at the top of every generated file',
  },
} as const satisfies Record<string, TemplateEntry>;

/** Every built-in template, in the order the docs list them. */
export const TEMPLATE_CATALOG: readonly TemplateEntry[] = Object.values(TEMPLATES);

/** One line of the catalog: `client/index.ts: re-exports the runtime and every group`. */
export function describeTemplate(entry: TemplateEntry): string {
  return `${entry.output}: ${entry.purpose}`;
}

/** The path a template renders to, for a group's file name where the output has `<group>`. */
export function templateOutput(entry: TemplateEntry, group?: string): string {
  if (!entry.output.includes('<group>')) return entry.output;
  if (group === undefined) throw new Error(`${entry.id} renders one file per group: give the group`);
  return entry.output.replace('<group>', group);
}
