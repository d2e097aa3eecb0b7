/**
 * An isolated Handlebars instance over the built-in templates, with a user's override directory on top.
 * Templates only arrange precomputed strings: compiled with `noEscape` (escaping is done, per context, by
 * `escape.ts` before a string enters the context) and `strict` (a missing field is an error, not '').
 *
 * An override file must replace a built-in of the same name (anything else is reported as an error: it is
 * most likely a typo), and may declare the context version it was written for on its first line:
 * `{{!-- idemgen-context: 1 --}}`; a mismatch with CONTEXT_VERSION is reported as a warning.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { closestName } from '../core/closest-name.js';
import { CONTEXT_VERSION } from './context.js';

export const BUILTIN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface TemplateSource {
  /** Name relative to the templates root, with forward slashes, e.g. `client/operations.hbs`. */
  name: string;
  path: string;
  /** True when the file comes from the override directory and differs from the built-in. */
  overridden: boolean;
}

/** A problem with the override directory: an unknown file (error) or a context version mismatch (warning). */
export interface TemplateProblem {
  severity: 'error' | 'warning';
  template: string;
  /** Absolute path of the override file. */
  path: string;
  message: string;
}

export interface Renderer {
  templates: ReadonlyMap<string, TemplateSource>;
  /** Empty without an override directory. */
  problems: readonly TemplateProblem[];
  render(name: string, context: object): string;
}

/** Every `.hbs` file below `root`, as forward-slash names relative to it, sorted. */
export function listTemplates(root: string = BUILTIN_TEMPLATES_DIR): string[] {
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

const VERSION_DECLARATION = /^\{\{!--\s*idemgen-context:\s*(\S+)\s*--\}\}/;

/** The context version an override declares on its first line, when it declares one. */
export function declaredContextVersion(source: string): string | undefined {
  return VERSION_DECLARATION.exec(source)?.[1];
}

/** A template that does not parse, or reads a field the context does not have (strict mode). */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
  readonly template: string;
  readonly path: string;

  constructor(options: { template: string; path: string; error: unknown }) {
    super(`${options.template}: ${(options.error as Error).message ?? String(options.error)}`);
    this.template = options.template;
    this.path = options.path;
  }
}

export function isTemplateRenderError(error: unknown): error is TemplateRenderError {
  return error instanceof TemplateRenderError;
}

export interface CreateRendererOptions {
  /** A user's override directory: files there replace built-ins of the same name. */
  overridesDir?: string;
  builtinDir?: string;
  helpers?: Record<string, Handlebars.HelperDelegate>;
  /** Extra partials by name (template source); a name of a built-in partial replaces it. */
  partials?: Record<string, string>;
}

function readOverrides(options: {
  overridesDir: string;
  builtinDir: string;
  templates: Map<string, TemplateSource>;
}) {
  const problems: TemplateProblem[] = [];
  const builtins = [...options.templates.keys()];
  for (const name of listTemplates(options.overridesDir)) {
    const path = join(options.overridesDir, name);
    const builtin = options.templates.get(name);
    if (!builtin) {
      const near = closestName({ name, names: builtins });
      problems.push({
        severity: 'error',
        template: name,
        path,
        message: `${name} overrides no built-in template${near ? `; did you mean ${near}?` : ''} (idemgen templates list)`,
      });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const declared = declaredContextVersion(text);
    if (declared !== undefined && declared !== String(CONTEXT_VERSION)) {
      problems.push({
        severity: 'warning',
        template: name,
        path,
        message:
          `${name} was written for template context version ${declared}; this idemgen provides version ` +
          `${CONTEXT_VERSION}. Check it against docs/templates.md, then update its first line.`,
      });
    }
    const overridden = text !== readFileSync(builtin.path, 'utf8');
    options.templates.set(name, { name, path, overridden });
  }
  return problems;
}

export function createRenderer(options: CreateRendererOptions = {}): Renderer {
  const builtinDir = options.builtinDir ?? BUILTIN_TEMPLATES_DIR;
  const templates = new Map<string, TemplateSource>();
  for (const name of listTemplates(builtinDir)) {
    templates.set(name, { name, path: join(builtinDir, name), overridden: false });
  }
  const problems = options.overridesDir
    ? readOverrides({ overridesDir: options.overridesDir, builtinDir, templates })
    : [];
  const hbs = Handlebars.create();
  for (const [name, helper] of Object.entries(options.helpers ?? {})) hbs.registerHelper(name, helper);
  for (const source of templates.values()) {
    if (!source.name.startsWith('partials/')) continue;
    const partialName = source.name.slice('partials/'.length, -'.hbs'.length);
    hbs.registerPartial(partialName, readFileSync(source.path, 'utf8'));
  }
  for (const [name, text] of Object.entries(options.partials ?? {})) hbs.registerPartial(name, text);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    templates,
    problems,
    render(name, context) {
      let template = compiled.get(name);
      if (!template) {
        const source = templates.get(name);
        if (!source) throw new Error(`no template named ${name}`);
        template = hbs.compile(readFileSync(source.path, 'utf8'), { noEscape: true, strict: true });
        compiled.set(name, template);
      }
      try {
        return template(context);
      } catch (error) {
        // Handlebars compiles lazily: a parse error in an override surfaces here, as does a missing field.
        throw new TemplateRenderError({ template: name, path: templates.get(name)?.path ?? name, error });
      }
    },
  };
}
