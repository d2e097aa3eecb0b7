/**
 * The programmatic `generate()`: spec -> model -> files. It touches the disk only when asked (`mode`), and,
 * like `lint()`, reports a user's mistakes as diagnostics rather than exceptions. The steps:
 * `resolveGenerateOptions` -> `lint` (load, model, rules) -> `modelToFiles` (render/render-project.ts) ->
 * `checkSyntax` -> `emitFiles`.
 */
import type { Diagnostic } from './core/diagnostics.js';
import { hasErrors, sortDiagnostics } from './core/diagnostics.js';
import type { GenerateOptions } from './generate-options.js';
import { resolveGenerateOptions } from './generate-options.js';
import { lint } from './lint.js';
import type { LoadedSpec } from './load/types.js';
import type { ApiModel } from './model/types.js';
import { checkSyntax, type SyntaxProblem } from './render/check.js';
import { type ContextDump, createRecordingRenderer, recordingToContextDump } from './render/context-dump.js';
import { type EmitResult, emitFiles, type GeneratedFile } from './render/emit.js';
import { hasEventReceivers } from './render/event-paths.js';
import type { TemplateProblem } from './render/handlebars.js';
import { createProjectRenderer, modelToFiles } from './render/render-project.js';
import { hasRepeatedOperationIds, toSchemaDocument } from './render/schema-document.js';
import { acquireTypesWorker } from './render/types-worker.js';

export type {
  GenerateChoices,
  GenerateOptions,
  GeneratePhase,
  GenerateTarget,
  ResolvedGenerateOptions,
} from './generate-options.js';
export { resolveGenerateOptions } from './generate-options.js';

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

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const resolved = resolveGenerateOptions(options);
  options.onPhase?.('loading');
  // Created first: the worker loads TypeScript and openapi-typescript while this thread loads the spec.
  const worker = resolved.dumpContext ? undefined : acquireTypesWorker();
  // The types need only the document: they start on the worker as soon as it is loaded, while this thread
  // builds the model and checks the rules.
  let schemaTypes: Promise<string> | undefined;
  const linted = await lint(options, {
    onLoaded: (loaded) => {
      // Operations sharing an operationId need the model's ids for them first (toSchemaDocument).
      // So do webhooks and callbacks, typed at their mount paths (withEventPaths).
      if (hasRepeatedOperationIds(loaded.document) || hasEventReceivers(loaded.document)) return;
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
  const project = createProjectRenderer({ ...options, templatesDir: resolved.templatesDir });
  const templateProblems = project.problems;
  if (!project.renderer || templateProblems.some((p) => p.severity === 'error')) {
    return { ...empty, templateProblems };
  }
  const recording = resolved.dumpContext ? createRecordingRenderer(project.renderer) : undefined;
  options.onPhase?.('rendering');
  // Only what templates made can be broken by a template: the runtime, openapi-typescript's types and ajv's
  // validators are not re-parsed (on GitHub's spec that alone took 3.5 s). esbuild parses in its own
  // process while the worker finishes the types.
  let checked: Promise<SyntaxProblem[]> = Promise.resolve([]);
  const rendered = await modelToFiles({
    model,
    spec,
    renderer: recording ?? project.renderer,
    options: resolved,
    ...(recording || schemaTypes === undefined ? {} : { schemaTypes }),
    onRendered: (files) => {
      if (recording || !resolved.checkSyntax) return;
      options.onPhase?.('checking');
      checked = checkSyntax({ files: files.filter((file) => file.template !== undefined) });
      checked.catch(() => {}); // awaited below, after the types
    },
  });
  if (!rendered.ok) {
    return {
      ...empty,
      diagnostics: sortDiagnostics([...linted.diagnostics, ...rendered.diagnostics]),
      templateProblems: [...templateProblems, ...rendered.templateProblems],
    };
  }
  const { files } = rendered;
  if (recording) {
    const contextDump = recordingToContextDump({ calls: recording.calls, files });
    return { ...empty, files, templateProblems, contextDump };
  }
  const syntaxProblems = await checked;
  const result: GenerateResult = { ...empty, files, syntaxProblems, templateProblems };
  if (resolved.mode !== 'none' && syntaxProblems.length === 0) {
    if (!resolved.outDir) throw new Error('generate(): outDir is required to write, check or dry-run');
    options.onPhase?.('writing');
    result.emitted = await emitFiles({
      outDir: resolved.outDir,
      files,
      mode: resolved.mode,
      manifest: resolved.manifest,
      clean: resolved.clean,
    });
  }
  return result;
}
