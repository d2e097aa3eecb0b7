// @ts-check
/**
 * The types worker (see types-worker.ts): plain CommonJS, so that it runs the same from sources (tsx, vitest)
 * and from dist, type-checked through `// @ts-check` and JSDoc. It loads TypeScript and openapi-typescript's transform modules as
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
/** @typedef {typeof import('typescript')} TS */
/** @typedef {typeof import('openapi-typescript')} OpenapiTS */
/** @typedef {import('typescript').TypeNode} TypeNode */
/** @typedef {import('typescript').Node} Node */

const { parentPort, workerData } = require('node:worker_threads');
if (!parentPort) throw new Error('types-worker.cjs runs on a worker thread');
const port = parentPort;
// CommonJS builds, loaded with require: importing TypeScript's 9 MB CommonJS file from ESM also runs Node's
// export lexer over it (600 ms against 230 ms for the four modules).
/** @type {[TS, OpenapiTS['transformSchema'] | { default: OpenapiTS['transformSchema'] }, OpenapiTS, OpenapiTS] | undefined} */
let modules;
/** @type {unknown} */
let loadError;
try {
  modules = workerData.modulePaths.map((/** @type {string} */ path) => require(path));
} catch (error) {
  loadError = error;
}

const SCHEMAS_PREFIX = '#/components/schemas/';

/**
 * openapi-typescript types a component schema as a property of the 'components' interface, and a union
 * holding an array of itself ('Json: string | components["schemas"]["Json"][]', openapi-typescript issue
 * 1603) then refers to itself in its own type annotation (TS2502): TypeScript defers an array's element type
 * only in a type alias. So such a schema's type becomes an exported alias, 'Recursive_Json', whose
 * references to itself name the alias, and the component is typed by it (the same type, compiling).
 * A postTransform: called with each schema's type and place; the top-level component schemas are rewritten.
 * @param {TS} ts
 * @param {OpenapiTS['createRef']} createRef
 * @param {import('typescript').Node[]} injectFooter
 * @returns {(type: TypeNode, options: { path?: string }) => TypeNode | undefined}
 */
function recursiveAliases(ts, createRef, injectFooter) {
  const f = ts.factory;
  // TypeScript's own no-op context (internal, so untyped): visitEachChild needs one, and no transform runs.
  const NULL_CONTEXT = /** @type {import('typescript').TransformationContext} */ (
    /** @type {{ nullTransformationContext: unknown }} */ (/** @type {unknown} */ (ts))
      .nullTransformationContext
  );
  const used = new Set();
  /** @param {TypeNode} node */
  const literalText = (node) =>
    node && ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
  /** The place ('#/components/schemas/<name>') a 'components["schemas"]["<name>"]' type refers to. */
  /** @param {Node} node */
  const refPlace = (node) => {
    if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
    const root = node.objectType.objectType;
    if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName)) return undefined;
    if (root.typeName.text !== 'components' || literalText(node.objectType.indexType) !== 'schemas')
      return undefined;
    const name = literalText(node.indexType);
    return name === undefined ? undefined : createRef(['components', 'schemas', name]);
  };
  /** True when the type refers to 'place' inside an array, a tuple or type arguments, no object type between. */
  /** @type {(node: Node, place: string, inArray: boolean) => boolean} */
  const selfInArray = (node, place, inArray) => {
    const at = refPlace(node);
    if (at !== undefined) return inArray && at === place;
    if (ts.isTypeLiteralNode(node)) return false;
    const deeper =
      inArray ||
      ts.isArrayTypeNode(node) ||
      ts.isTupleTypeNode(node) ||
      (ts.isTypeReferenceNode(node) && !!node.typeArguments);
    return ts.forEachChild(node, (child) => selfInArray(child, place, deeper) || undefined) === true;
  };
  return (type, options) => {
    const place = options.path;
    if (typeof place !== 'string' || !place.startsWith(SCHEMAS_PREFIX)) return undefined;
    if (place.indexOf('/', SCHEMAS_PREFIX.length) !== -1 || !selfInArray(type, place, false))
      return undefined;
    const base = `Recursive_${place.slice(SCHEMAS_PREFIX.length).replace(/[^A-Za-z0-9_$]+/g, '_')}`;
    let alias = base;
    for (let n = 2; used.has(alias); n++) alias = `${base}_${n}`;
    used.add(alias);
    /** @type {(node: Node) => Node} */
    const visit = (node) =>
      refPlace(node) === place
        ? f.createTypeReferenceNode(alias)
        : ts.visitEachChild(node, visit, NULL_CONTEXT);
    const exported = [f.createModifier(ts.SyntaxKind.ExportKeyword)];
    injectFooter.push(
      f.createTypeAliasDeclaration(exported, alias, undefined, /** @type {TypeNode} */ (visit(type))),
    );
    return f.createTypeReferenceNode(alias);
  };
}

/**
 * @param {string} json
 * @returns {string}
 */
function renderTypes(json) {
  if (!modules) throw new Error('the modules are not loaded');
  const [ts, transform, { scanDiscriminators, resolveRef, createRef }, { astToString }] = modules;
  const transformSchema = typeof transform === 'function' ? transform : transform.default;
  const schema = JSON.parse(json);
  // As Redocly's bundle (which openapi-typescript runs first) leaves a document: with a components object.
  if (schema.components === undefined) schema.components = {};
  /** @type {Node[]} */
  const injectFooter = [];
  const ctx = {
    ...workerData.typesOptions,
    injectFooter,
    discriminators: scanDiscriminators(schema, { silent: true }),
    resolve: (/** @type {string} */ $ref) => resolveRef(schema, $ref, { silent: true }),
    postTransform: recursiveAliases(ts, createRef, injectFooter),
  };
  return astToString(transformSchema(schema, ctx));
}

port.on('message', (/** @type {{ id: number, json: string }} */ request) => {
  try {
    if (loadError) throw loadError;
    port.postMessage({ id: request.id, ok: true, text: renderTypes(request.json) });
  } catch (error) {
    const stack = error instanceof Error ? error.stack : undefined;
    port.postMessage({ id: request.id, ok: false, stack: String(stack || error) });
  }
});
