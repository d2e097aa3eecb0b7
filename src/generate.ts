/**
 * The programmatic `generate()`: spec -> model -> files. It touches the disk only when asked (`mode`), and,
 * like `lint()`, reports a user's mistakes as diagnostics rather than exceptions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HelperDelegate } from 'handlebars';
import type { Diagnostic } from './core/diagnostics.js';
import { hasErrors, sortDiagnostics } from './core/diagnostics.js';
import { type LintOptions, lint } from './lint.js';
import { parseByteSize } from './model/byte-size.js';
import type { ApiModel } from './model/types.js';
import { checkSyntax, type SyntaxProblem } from './render/check.js';
import { type ChoicesContext, CONTEXT_VERSION, type FileHeaderContext } from './render/context.js';
import { type ContextDump, createRecordingRenderer, recordingToContextDump } from './render/context-dump.js';
import { type EmitMode, type EmitResult, emitFiles, type GeneratedFile } from './render/emit.js';
import { toLineComment } from './render/escape.js';
import {
  createRenderer,
  isTemplateRenderError,
  type Renderer,
  type TemplateProblem,
} from './render/handlebars.js';
import { renderClient } from './render/render-client.js';
import { renderServer } from './render/render-server.js';
import { runtimeFilesFor, type Target } from './render/runtime-files.js';
import { hasRepeatedOperationIds, toSchemaDocument } from './render/schema-document.js';
import { acquireTypesWorker } from './render/types-worker.js';
import { InvalidSchemaError } from './render/validators/schema-errors.js';
import { type LoadedSpec, locateDiagnostics } from './spec/types.js';

export type GenerateTarget = 'client' | 'server' | 'both';

export interface GenerateOptions extends LintOptions {
  /** Output directory; required for every mode but `none`. */
  outDir?: string;
  target?: GenerateTarget;
  /** A directory of Handlebars templates overriding the built-ins file by file. */
  templates?: string;
  /** `none` (default): return the files only. */
  mode?: EmitMode | 'none';
  /**
   * `copy` (default): the runtime is copied into `<outDir>/runtime/`, so the output has no dependency.
   * `package`: the output imports `idemgen/runtime/<part>`, and the project depends on idemgen at run time.
   */
  runtime?: 'copy' | 'package';
  /**
   * Also generate `validate<OperationId>Response(status, body)` per operation and wire it into the routes, so
   * the server's `validateResponses` checks response bodies against the spec (default false: large specs
   * pay nothing for it).
   */
  responseValidators?: boolean;
  /**
   * The generated server's request-body limit for operations without `x-max-body-size`: bytes, or a string
   * such as `512kb`, `10mb`. Absent: the runtime's 1 MiB. `createServer({ maxBodyBytes })` overrides it.
   * A `TypeError` when it is not a size.
   */
  maxBodySize?: number | string;
  /** Parse every generated file once to catch syntax errors (default true). */
  checkSyntax?: boolean;
  /** Keep `.idemgen-manifest.json` in the output directory (write/check/dry-run; default false). */
  manifest?: boolean;
  /** Delete files idemgen wrote before (per the manifest) and no longer generates; implies `manifest`. */
  clean?: boolean;
  /** Custom Handlebars helpers, by name. */
  helpers?: Record<string, HelperDelegate>;
  /** Custom or replacement Handlebars partials, by name: template source text. */
  partials?: Record<string, string>;
  /** Project choices handed to every template as `choices` (recorded, not yet acted on by the built-ins). */
  choices?: GenerateChoices;
  /** Record each template's context into `contextDump`; no syntax check, nothing touches the disk. */
  dumpContext?: boolean;
  /** Called as generation moves on: `loading`, `rendering`, `checking`, `writing`. */
  onPhase?: (phase: GeneratePhase) => void;
}

export type GeneratePhase = 'loading' | 'rendering' | 'checking' | 'writing';

export interface GenerateChoices {
  store?: string;
  adapter?: string;
  problemTypeBase?: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  model?: ApiModel;
  syntaxProblems: SyntaxProblem[];
  emitted?: EmitResult;
  /** Unknown override files and template errors (`error`), context version mismatches (`warning`). */
  templateProblems: TemplateProblem[];
  /** With `dumpContext`. */
  contextDump?: ContextDump;
  /** The loaded spec (its `files` are what a watcher watches), when it could be loaded. */
  spec?: LoadedSpec;
}

const PACKAGE_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

function runtimeImportsFor(runtime: 'copy' | 'package'): FileHeaderContext['runtimeImports'] {
  const from = (part: string) =>
    runtime === 'copy' ? `../runtime/${part}/index.js` : `idemgen/runtime/${part}`;
  return { client: from('client'), server: from('server'), idempotency: from('idempotency') };
}

function createProjectRenderer(options: GenerateOptions): {
  renderer?: Renderer;
  problems: TemplateProblem[];
} {
  const overridesDir = options.templates
    ? resolve(options.cwd ?? process.cwd(), options.templates)
    : undefined;
  if (overridesDir && !existsSync(overridesDir)) {
    const message = `The templates directory ${overridesDir} does not exist.`;
    return { problems: [{ severity: 'error', template: '', path: overridesDir, message }] };
  }
  const renderer = createRenderer({ overridesDir, helpers: options.helpers, partials: options.partials });
  return { renderer, problems: [...renderer.problems] };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const maxBodyBytes = maxBodySizeToBytes(options.maxBodySize);
  options.onPhase?.('loading');
  // Created first: the worker loads TypeScript and openapi-typescript while this thread loads the spec.
  const worker = options.dumpContext ? undefined : acquireTypesWorker();
  // The types need only the document: they start on the worker as soon as it is loaded, while this thread
  // builds the model and checks the rules.
  let schemaTypes: Promise<string> | undefined;
  const linted = await lint(options, {
    onLoaded: (loaded) => {
      // Operations sharing an operationId need the model's ids for them first (toSchemaDocument).
      if (hasRepeatedOperationIds(loaded.document)) return;
      schemaTypes = worker?.renderTypes(loaded.document);
      schemaTypes?.catch(() => {}); // awaited below; this only keeps an early return from leaving it unhandled
    },
  });
  const { model, spec } = linted;
  if (model && worker && schemaTypes === undefined && !hasErrors(linted.diagnostics)) {
    schemaTypes = worker.renderTypes(toSchemaDocument(model.document, model.operations));
    schemaTypes.catch(() => {});
  }
  const empty = { files: [], diagnostics: linted.diagnostics, model, syntaxProblems: [], spec };
  if (!model || hasErrors(linted.diagnostics)) return { ...empty, templateProblems: [] };
  const target = options.target ?? 'both';
  const targets: Target[] = target === 'both' ? ['client', 'server'] : [target];
  const project = createProjectRenderer(options);
  const templateProblems = project.problems;
  if (!project.renderer || templateProblems.some((p) => p.severity === 'error')) {
    return { ...empty, templateProblems };
  }
  const recording = options.dumpContext ? createRecordingRenderer(project.renderer) : undefined;
  const renderer = recording ?? project.renderer;
  const runtime = options.runtime ?? 'copy';
  const choices: ChoicesContext = {
    store: options.choices?.store ?? null,
    adapter: options.choices?.adapter ?? null,
    problemTypeBase: options.choices?.problemTypeBase ?? null,
  };
  const header = {
    contextVersion: CONTEXT_VERSION,
    runtimeImports: runtimeImportsFor(runtime),
    generator: `idemgen ${PACKAGE_VERSION}`,
    apiTitle: toLineComment(`${model.title} ${model.version}`),
    choices,
  };
  options.onPhase?.('rendering');
  // The types render on the worker (the second core) while this thread compiles validators and templates.
  let rendered: GeneratedFile[];
  try {
    rendered = [
      ...(targets.includes('client') ? renderClient({ model, renderer, header }) : []),
      ...(targets.includes('server')
        ? renderServer({
            model,
            renderer,
            header,
            responseValidators: options.responseValidators === true,
            maxBodyBytes,
          })
        : []),
    ];
  } catch (error) {
    if (error instanceof InvalidSchemaError && spec) {
      const unlocated = { code: 'schema-invalid', severity: 'error' as const, pointer: error.pointer };
      const located = locateDiagnostics(spec, [{ ...unlocated, message: error.message }]);
      return {
        ...empty,
        diagnostics: sortDiagnostics([...linted.diagnostics, ...located]),
        templateProblems,
      };
    }
    if (!isTemplateRenderError(error)) throw error;
    const problem: TemplateProblem = {
      severity: 'error',
      template: error.template,
      path: error.path,
      message: error.message,
    };
    return { ...empty, templateProblems: [...templateProblems, problem] };
  }
  if (recording) {
    const contextDump = recordingToContextDump({ calls: recording.calls, files: rendered });
    return { ...empty, files: rendered, templateProblems, contextDump };
  }

  if (options.checkSyntax !== false) options.onPhase?.('checking');
  // Only what templates made can be broken by a template: the runtime, openapi-typescript's types and ajv's
  // validators are not re-parsed (on GitHub's spec that alone took 3.5 s). esbuild parses in its own
  // process while the worker finishes the types.
  const checked: Promise<SyntaxProblem[]> =
    options.checkSyntax === false
      ? Promise.resolve([])
      : checkSyntax({ files: rendered.filter((file) => file.template !== undefined) });
  checked.catch(() => {}); // awaited below, after the types
  const schemaHeader = `// Generated by idemgen ${PACKAGE_VERSION} with openapi-typescript. Do not edit.\n`;
  let types: string;
  try {
    types = await schemaTypes!;
  } catch (error) {
    // openapi-typescript refuses some schemas that the rest of the pipeline tolerates (a property that is
    // not a schema): its message names the place, so it is the spec's error, located, not a crash.
    const refused = error instanceof Error ? typesRefusal(error.message) : undefined;
    if (refused === undefined || !spec) throw error;
    const unlocated = { code: 'schema-types-failed', severity: 'error' as const, ...refused };
    const located = locateDiagnostics(spec, [unlocated]);
    return { ...empty, diagnostics: sortDiagnostics([...linted.diagnostics, ...located]), templateProblems };
  }
  const files: GeneratedFile[] = [
    { path: 'schema.ts', contents: schemaHeader + types },
    // The output is ES modules whatever the surrounding project is (imports end in `.js`, NodeNext style).
    {
      path: 'package.json',
      contents: '{\n  "type": "module",\n  "private": true,\n  "sideEffects": false\n}\n',
    },
    ...(runtime === 'copy' ? runtimeFilesFor(targets) : []),
    ...rendered,
  ];
  const syntaxProblems = await checked;
  const result: GenerateResult = { ...empty, files, syntaxProblems, templateProblems };
  const mode = options.mode ?? 'none';
  if (mode !== 'none' && syntaxProblems.length === 0) {
    if (!options.outDir) throw new Error('generate(): outDir is required to write, check or dry-run');
    options.onPhase?.('writing');
    result.emitted = await emitFiles({
      outDir: resolve(options.cwd ?? process.cwd(), options.outDir),
      files,
      mode,
      manifest: options.manifest,
      clean: options.clean,
    });
  }
  return result;
}

/** The `maxBodySize` option in bytes; `undefined` when not given. */
function maxBodySizeToBytes(size: number | string | undefined): number | undefined {
  if (size === undefined) return undefined;
  const bytes = parseByteSize(size);
  if (bytes === undefined) {
    throw new TypeError(
      `maxBodySize must be a positive number of bytes or a size such as 512kb, got ${JSON.stringify(size)}`,
    );
  }
  return bytes;
}

/** openapi-typescript's own refusal of a schema (`Error: #/pointer: message`), as a pointer and a message. */
function typesRefusal(message: string): { pointer: string; message: string } | undefined {
  const found = /^Error: #(\/[^:\s]*|): (.+)$/m.exec(message);
  if (!found) return undefined;
  return { pointer: found[1] ?? '', message: `openapi-typescript cannot type this schema: ${found[2]}` };
}
