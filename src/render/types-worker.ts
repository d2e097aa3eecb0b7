/**
 * Schema types come from openapi-typescript: generated code refers to them by indexed access
 * (`paths["/orders"]["post"]["requestBody"]...`); idemgen has no schema-to-type transformer of its own.
 *
 * TypeScript (which openapi-typescript builds on) takes longer to load than the whole of a small
 * generation, and openapi-typescript is the longest step on large specs. So both run on a worker thread,
 * created when `generate()` starts: it loads its modules while the main thread loads the spec, and renders
 * the types while the main thread compiles validators and renders templates. The worker is kept for later
 * calls in the same process (watch mode, tests, a build script), and is unreferenced while idle so it never
 * keeps a process alive.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JsonObject } from '../core/json.js';
import { toTypesDocumentJson } from './types-document.js';

export interface TypesWorker {
  /** openapi-typescript's output for the (bundled) document, as `toTypesDocumentJson` rewrites it. */
  renderTypes(document: JsonObject): Promise<string>;
}

/** The worker's code: read from `src/` both from sources and from `dist/` (the package ships `src/`). */
const TYPES_WORKER_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../src/render/types-worker.cjs',
);

/** openapi-typescript's defaults (as its `openapiTS()` sets them), minus the per-call fields. */
const TYPES_OPTIONS = {
  additionalProperties: false,
  alphabetize: false,
  arrayLength: false,
  defaultNonNullable: true,
  emptyObjectsUnknown: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  exportType: false,
  immutable: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  pathParamsAsTypes: false,
  propertiesRequiredByDefault: false,
  silent: true,
  makePathsEnum: false,
  generatePathParams: false,
  readWriteMarkers: false,
};

/** In the order the worker reads them: typescript, transform, utils, ts helpers (CommonJS builds). */
function modulePaths(): string[] {
  const require = createRequire(import.meta.url);
  return [
    'typescript',
    'openapi-typescript/dist/transform/index.cjs',
    'openapi-typescript/dist/lib/utils.cjs',
    'openapi-typescript/dist/lib/ts.cjs',
  ].map((name) => require.resolve(name));
}

type Reply = { id: number; ok: boolean; text?: string; stack?: string };
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

let shared: TypesWorker | undefined;

function createTypesWorker(): TypesWorker {
  const worker = new Worker(TYPES_WORKER_FILE, {
    workerData: { modulePaths: modulePaths(), typesOptions: TYPES_OPTIONS },
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const fail = (error: Error) => {
    if (shared === self) shared = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const request = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (!request) return;
    if (reply.ok) request.resolve(reply);
    else request.reject(new Error(`openapi-typescript's worker failed:\n${reply.stack}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`openapi-typescript's worker exited (code ${code})`)));
  // Unref'd only now: attaching a 'message' listener refs the worker again, and a worker left ref'd while
  // idle keeps the process alive after a command that failed before asking it for anything.
  worker.unref();
  const send = (message: Record<string, unknown>): Promise<Reply> => {
    const id = nextId++;
    worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const self: TypesWorker = {
    renderTypes: async (document) =>
      (await send({ kind: 'types', json: toTypesDocumentJson(document) })).text ?? '',
  };
  return self;
}

/** The process's types worker, created (and starting to load its modules) on the first call. */
export function acquireTypesWorker(): TypesWorker {
  shared ??= createTypesWorker();
  return shared;
}
