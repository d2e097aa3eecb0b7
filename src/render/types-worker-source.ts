/**
 * The source of the types worker: plain JavaScript evaluated from a string, so that it runs the same from
 * sources (tsx, vitest) and from dist. It loads TypeScript and openapi-typescript's transform modules as
 * soon as it is created (while the main thread loads the spec), then answers requests by id:
 * `{ id, kind: 'types', json }`, the document as JSON text (cheaper than a structured clone of the object
 * graph) -> `{ id, ok, text }`, openapi-typescript's output for it.
 *
 * openapi-typescript's `transformSchema` is called directly, as its default export does after Redocly's
 * lint and bundle: idemgen's loader has already bundled and validated the document, and Redocly's second
 * pass over it was the longest step of generation on large specs (3.2 s of the worker's 7.3 s on GitHub's).
 * For a bundled single document Redocly's bundle only adds an empty `components`, done here too; the output
 * is byte for byte the same (checked on GitHub's spec and the snapshots).
 */
export const TYPES_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// CommonJS builds, loaded with require: importing TypeScript's 9 MB CommonJS file from ESM also runs Node's
// export lexer over it (600 ms against 230 ms for the four modules).
let modules;
let loadError;
try {
  modules = workerData.modulePaths.map((path) => require(path));
} catch (error) {
  loadError = error;
}

function renderTypes(json) {
  const [, transform, { scanDiscriminators, resolveRef }, { astToString }] = modules;
  const transformSchema = typeof transform === 'function' ? transform : transform.default;
  const schema = JSON.parse(json);
  // As Redocly's bundle (which openapi-typescript runs first) leaves a document: with a components object.
  if (schema.components === undefined) schema.components = {};
  const ctx = {
    ...workerData.typesOptions,
    injectFooter: [],
    discriminators: scanDiscriminators(schema, { silent: true }),
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
  return astToString(transformSchema(schema, ctx));
}

parentPort.on('message', (request) => {
  try {
    if (loadError) throw loadError;
    parentPort.postMessage({ id: request.id, ok: true, text: renderTypes(request.json) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, stack: String((error && error.stack) || error) });
  }
});
`;
