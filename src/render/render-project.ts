/**
 * The one entry of rendering: a model in, every output file out (the templates' files, the validators,
 * `schema.ts`, `package.json` and the runtime copy), with the failures that are the spec's or a template's
 * fault (a schema ajv rejects, a schema openapi-typescript refuses, a template that throws) returned as
 * diagnostics and template problems rather than thrown.
 */
import { existsSync } from 'node:fs';
import type { HelperDelegate } from 'handlebars';
import type { Diagnostic } from '../core/diagnostics.js';
import { type LoadedSpec, locateDiagnostics } from '../load/types.js';
import type { ApiModel } from '../model/types.js';
import { type ChoicesContext, CONTEXT_VERSION, type FileHeaderContext } from './context.js';
import type { GeneratedFile } from './emit.js';
import { toLineComment } from './escape.js';
import { fileHeader } from './file-header.js';
import { GENERATOR_NAME } from './generator-name.js';
import { createRenderer, isTemplateRenderError, type Renderer, type TemplateProblem } from './handlebars.js';
import { renderClient } from './render-client.js';
import { renderServer } from './render-server.js';
import { runtimeFilesFor, type Target } from './runtime-files.js';
import { InvalidSchemaError } from './validators/schema-errors.js';

/** What rendering needs of the resolved `generate()` options. */
export interface RenderProjectOptions {
  targets: Target[];
  /** `copy`: the runtime is copied under `runtime/`; `package`: the output imports `idemgen/runtime/*`. */
  runtime: 'copy' | 'package';
  choices: ChoicesContext;
  responseValidators: boolean;
  /** The generated server's default request-body limit; undefined: the runtime's. */
  maxBodyBytes: number | undefined;
}

export type RenderProjectResult =
  | { ok: true; files: GeneratedFile[] }
  | { ok: false; diagnostics: Diagnostic[]; templateProblems: TemplateProblem[] };

/** The renderer of the built-in templates with the project's overrides, helpers and partials. */
export function createProjectRenderer(input: {
  templatesDir: string | undefined;
  helpers?: Record<string, HelperDelegate>;
  partials?: Record<string, string>;
}): { renderer?: Renderer; problems: TemplateProblem[] } {
  const { templatesDir } = input;
  if (templatesDir && !existsSync(templatesDir)) {
    const message = `The templates directory ${templatesDir} does not exist.`;
    return { problems: [{ severity: 'error', template: '', path: templatesDir, message }] };
  }
  const renderer = createRenderer({
    overridesDir: templatesDir,
    helpers: input.helpers,
    partials: input.partials,
  });
  return { renderer, problems: [...renderer.problems] };
}

/**
 * Every output file for the model. The template files are rendered first and handed to `onRendered` (the
 * syntax check starts there), then the schema types are awaited: they render on the types worker meanwhile.
 * Without `schemaTypes` (a context dump) only the template files are returned.
 */
export async function modelToFiles(input: {
  model: ApiModel;
  /** The loaded spec, to locate diagnostics in; without it a schema failure is thrown. */
  spec: LoadedSpec | undefined;
  renderer: Renderer;
  options: RenderProjectOptions;
  schemaTypes?: Promise<string>;
  onRendered?: (files: readonly GeneratedFile[]) => void;
}): Promise<RenderProjectResult> {
  const { model, spec, renderer, options } = input;
  const header = {
    contextVersion: CONTEXT_VERSION,
    runtimeImports: runtimeImportsFor(options.runtime),
    generator: GENERATOR_NAME,
    apiTitle: toLineComment(`${model.title} ${model.version}`),
    choices: options.choices,
  };
  let rendered: GeneratedFile[];
  try {
    rendered = [
      ...(options.targets.includes('client') ? renderClient({ model, renderer, header }) : []),
      ...(options.targets.includes('server')
        ? renderServer({
            model,
            renderer,
            header,
            responseValidators: options.responseValidators,
            maxBodyBytes: options.maxBodyBytes,
          })
        : []),
    ];
  } catch (error) {
    if (error instanceof InvalidSchemaError && spec) {
      const unlocated = { code: 'schema-invalid', severity: 'error' as const, pointer: error.pointer };
      const diagnostics = locateDiagnostics(spec, [{ ...unlocated, message: error.message }]);
      return { ok: false, diagnostics, templateProblems: [] };
    }
    if (!isTemplateRenderError(error)) throw error;
    const problem: TemplateProblem = {
      severity: 'error',
      template: error.template,
      path: error.path,
      message: error.message,
    };
    return { ok: false, diagnostics: [], templateProblems: [problem] };
  }
  input.onRendered?.(rendered);
  if (input.schemaTypes === undefined) return { ok: true, files: rendered };
  let types: string;
  try {
    types = await input.schemaTypes;
  } catch (error) {
    // openapi-typescript refuses some schemas that the rest of the pipeline tolerates (a property that is
    // not a schema): its message names the place, so it is the spec's error, located, not a crash.
    const refused = error instanceof Error ? typesRefusal(error.message) : undefined;
    if (refused === undefined || !spec) throw error;
    const unlocated = { code: 'schema-types-failed', severity: 'error' as const, ...refused };
    return { ok: false, diagnostics: locateDiagnostics(spec, [unlocated]), templateProblems: [] };
  }
  const schemaHeader = fileHeader({
    generator: GENERATOR_NAME,
    what: 'the schema types, by openapi-typescript',
  });
  const files: GeneratedFile[] = [
    { path: 'schema.ts', contents: `${schemaHeader}\n${types}` },
    // The output is ES modules whatever the surrounding project is (imports end in `.js`, NodeNext style).
    {
      path: 'package.json',
      contents: '{\n  "type": "module",\n  "private": true,\n  "sideEffects": false\n}\n',
    },
    ...(options.runtime === 'copy' ? runtimeFilesFor(options.targets) : []),
    ...rendered,
  ];
  return { ok: true, files };
}

function runtimeImportsFor(runtime: 'copy' | 'package'): FileHeaderContext['runtimeImports'] {
  const from = (part: string) =>
    runtime === 'copy' ? `../runtime/${part}/index.js` : `idemgen/runtime/${part}`;
  return {
    client: from('client'),
    server: from('server'),
    idempotency: from('idempotency'),
    events: from('events'),
    pagination: from('pagination'),
    longRunning: from('long-running'),
  };
}

/** openapi-typescript's own refusal of a schema (`Error: #/pointer: message`), as a pointer and a message. */
function typesRefusal(message: string): { pointer: string; message: string } | undefined {
  const found = /^Error: #(\/[^:\s]*|): (.+)$/m.exec(message);
  if (!found) return undefined;
  return { pointer: found[1] ?? '', message: `openapi-typescript cannot type this schema: ${found[2]}` };
}
