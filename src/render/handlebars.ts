/**
 * An isolated Handlebars instance over the built-in templates, with a user's override directory on top.
 * Templates only arrange precomputed strings: compiled with `noEscape` (escaping is done, per context, by
 * `escape.ts` before a string enters the context) and `strict` (a missing field is an error, not '').
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const BUILTIN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface TemplateSource {
  /** Name relative to the templates root, with forward slashes, e.g. `client/operations.hbs`. */
  name: string;
  path: string;
  overridden: boolean;
}

export interface Renderer {
  templates: ReadonlyMap<string, TemplateSource>;
  render(name: string, context: object): string;
}

function listTemplates(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.hbs')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

export interface CreateRendererOptions {
  /** A user's override directory: files there replace built-ins of the same name. */
  overridesDir?: string;
  builtinDir?: string;
  helpers?: Record<string, Handlebars.HelperDelegate>;
}

export function createRenderer(options: CreateRendererOptions = {}): Renderer {
  const builtinDir = options.builtinDir ?? BUILTIN_TEMPLATES_DIR;
  const templates = new Map<string, TemplateSource>();
  for (const name of listTemplates(builtinDir)) {
    templates.set(name, { name, path: join(builtinDir, name), overridden: false });
  }
  if (options.overridesDir) {
    for (const name of listTemplates(options.overridesDir)) {
      templates.set(name, { name, path: join(options.overridesDir, name), overridden: true });
    }
  }
  const hbs = Handlebars.create();
  for (const [name, helper] of Object.entries(options.helpers ?? {})) hbs.registerHelper(name, helper);
  for (const source of templates.values()) {
    if (!source.name.startsWith('partials/')) continue;
    const partialName = source.name.slice('partials/'.length, -'.hbs'.length);
    hbs.registerPartial(partialName, readFileSync(source.path, 'utf8'));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    templates,
    render(name, context) {
      let template = compiled.get(name);
      if (!template) {
        const source = templates.get(name);
        if (!source) throw new Error(`no template named ${name}`);
        template = hbs.compile(readFileSync(source.path, 'utf8'), { noEscape: true, strict: true });
        compiled.set(name, template);
      }
      return template(context);
    },
  };
}
