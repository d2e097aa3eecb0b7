/**
 * The source of the types worker: plain JavaScript evaluated from a string, so that it runs the same from
 * sources (tsx, vitest) and from dist. It loads TypeScript and openapi-typescript's transform modules as
 * soon as it is created (while the main thread loads the spec), then answers requests by id:
 *
 * - `{ id, kind: 'types', json }`: the document as JSON text (cheaper than a structured clone of the object
 *   graph) -> `{ id, ok, text }`, openapi-typescript's output for it.
 * - `{ id, kind: 'check', files }`: `{ path, contents }[]` -> `{ id, ok, problems }`, the syntax errors of
 *   each file (parsed once by TypeScript; no type-check).
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

function checkFiles(ts, files) {
  const options = { noLib: true, noResolve: true, allowJs: true, target: ts.ScriptTarget.ES2022 };
  const texts = new Map(files.map((file) => ['/' + file.path, file.contents]));
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, target) => texts.has(name) ? ts.createSourceFile(name, texts.get(name), target) : undefined;
  host.fileExists = (name) => texts.has(name);
  host.readFile = (name) => texts.get(name);
  host.getCurrentDirectory = () => '/';
  const program = ts.createProgram({ rootNames: [...texts.keys()], options, host });
  const problems = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (!texts.has(sourceFile.fileName)) continue;
    for (const diagnostic of program.getSyntacticDiagnostics(sourceFile)) {
      const at = sourceFile.getLineAndCharacterOfPosition(diagnostic.start || 0);
      problems.push({
        path: sourceFile.fileName.slice(1),
        line: at.line + 1,
        column: at.character + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\\n'),
      });
    }
  }
  return problems;
}

parentPort.on('message', (request) => {
  try {
    if (loadError) throw loadError;
    if (request.kind === 'types') {
      parentPort.postMessage({ id: request.id, ok: true, text: renderTypes(request.json) });
    } else {
      parentPort.postMessage({ id: request.id, ok: true, problems: checkFiles(modules[0], request.files) });
    }
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, stack: String((error && error.stack) || error) });
  }
});
`;
