import standaloneModule from 'ajv/dist/standalone/index.js';
import type { ValidatorAjv } from './create-validator-ajv.js';
import { RUNTIME_HELPERS } from './inline-runtime.js';

// ajv's standalone entry is CommonJS with `exports.default`.
type StandaloneCode = (ajv: ValidatorAjv, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as StandaloneCode;

const RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)\.default/g;

/**
 * Ajv's standalone code for the given exports, as an expression (`(() => { ... })()`) that evaluates to an
 * object of validate functions, with every `require` of an ajv runtime helper replaced by the inlined
 * helper's name. `helpers` collects the helpers used. Any other `require` is an error: the generated module
 * must not depend on anything at run time.
 */
export function ajvToStandaloneSource(input: {
  ajv: ValidatorAjv;
  exports: Record<string, string>;
  helpers: Set<string>;
}): string {
  const entries = Object.entries(input.exports);
  if (entries.length === 0) return '{}';
  if (entries.length <= EXPORTS_PER_CHUNK) return chunkSource({ ...input, exports: input.exports });
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += EXPORTS_PER_CHUNK) {
    const exports = Object.fromEntries(entries.slice(start, start + EXPORTS_PER_CHUNK));
    chunks.push(chunkSource({ ...input, exports }));
  }
  return `Object.assign(\n{},\n${chunks.join(',\n')}\n)`;
}

/**
 * Ajv's standalone step appends each export to one growing code list, copying the list every time: quadratic
 * in the number of exports, and past some thousands (Microsoft Graph's 5,000 operations) the copy overflows
 * the call stack. Exports are compiled in chunks of this many instead, each chunk its own scope; a schema that
 * validators of several chunks share is emitted once per chunk.
 */
const EXPORTS_PER_CHUNK = 200;

function chunkSource(input: {
  ajv: ValidatorAjv;
  exports: Record<string, string>;
  helpers: Set<string>;
}): string {
  const code = standaloneCode(input.ajv, input.exports).replace(RUNTIME_REQUIRE, (_match, name: string) => {
    if (RUNTIME_HELPERS[name] === undefined)
      throw new Error(`ajv runtime helper "${name}" has no inline form`);
    input.helpers.add(name);
    return helperName(name);
  });
  if (/\brequire\("(?:ajv|ajv-formats|fast-uri)[/"]/.test(code)) {
    throw new Error('ajv standalone code requires a module that cannot be inlined');
  }
  return `(() => {\n  const exports = {};\n  ${code}\n  return exports;\n})()`;
}

/** The function name of an inlined helper: `equal` -> `idemgenEqual`. */
export function helperName(name: string): string {
  return `idemgen${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
