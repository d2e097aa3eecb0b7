import { _, type AnySchemaObject, type ValidateFunction } from 'ajv';
import type { ScopeValueSets, ValueScopeName } from 'ajv/dist/compile/codegen/scope.js';
import type { ValidatorAjv } from './create-validator-ajv.js';
import { RUNTIME_HELPERS } from './inline-runtime.js';

const RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)\.default/g;

/**
 * Ajv's standalone code for the given exports, as an expression (`(() => { ... })()`) that evaluates to an
 * object of validate functions, with every `require` of an ajv runtime helper replaced by the inlined
 * helper's name. `helpers` collects the helpers used. Any other `require` is an error: the generated module
 * must not depend on anything at run time.
 *
 * Every export shares one scope, so a schema that many validators reference (a component, compiled by ajv
 * once as its own function since `inlineRefs` is off) is emitted once. The code is that of ajv's
 * `standaloneCode` (`ajv/dist/standalone`), item for item, but collected in an array of strings: ajv
 * appends each export to one growing code list, copying the list every time (quadratic in the number of
 * exports; past some thousands, as Microsoft Graph's 11,371 operations, the copy overflows the call
 * stack). An earlier fix compiled the exports in chunks of 200, each its own scope, which emitted every
 * shared schema once per chunk: Graph's validators grew to 197 MB.
 */
export function ajvToStandaloneSource(input: {
  ajv: ValidatorAjv;
  exports: Record<string, string>;
  helpers: Set<string>;
}): string {
  if (Object.keys(input.exports).length === 0) return '{}';
  const code = standaloneExports(input.ajv, input.exports)
    .join('')
    .replace(RUNTIME_REQUIRE, (_match, name: string) => {
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

/** The state ajv's standalone step keeps per emitted name: started (being emitted), then completed. */
const STARTED = 0;
const COMPLETED = 1;
type Used = Map<ValueScopeName, number>;

/**
 * ajv's `multiExportsCode` (CommonJS exports): `"use strict";`, then per export `exports.<name> = <validate
 * function>;` and the code of that function and of every value it uses that is not emitted yet.
 */
function standaloneExports(ajv: ValidatorAjv, exports: Record<string, string>): string[] {
  const n = String(ajv.scope.opts._n);
  const out: string[] = ['"use strict";'];
  const used = new Map<string, Used>();
  const usedOf = (prefix: string) => {
    const names = used.get(prefix) ?? new Map<ValueScopeName, number>();
    used.set(prefix, names);
    return names;
  };

  const validateCode = (source: ValidateFunction['source']): void => {
    if (!source) throw new Error('standalone code: a validate function has no "source"');
    const names = usedOf(source.validateName.prefix);
    if (names.get(source.validateName) === COMPLETED) return;
    names.set(source.validateName, STARTED);
    scopeCode(source.scopeValues);
    out.push(n, source.validateCode);
    if (source.evaluated) out.push(_`${source.validateName}.evaluated = ${source.evaluated};`.toString(), n);
  };

  // ajv's `ValueScope.scopeCode` with standalone's `refValidateCode` as its `getCode`.
  const scopeCode = (values: ScopeValueSets): void => {
    for (const prefix in values) {
      const set = values[prefix];
      if (!set) continue;
      const names = usedOf(prefix);
      for (const name of set) {
        if (names.has(name)) continue;
        names.set(name, STARTED);
        const value = name.value;
        if (value === undefined) throw new Error(`standalone code: name "${name}" has no value`);
        if (value.code) out.push(`const ${name} = ${value.code};${n}`);
        else if (refValidateCode(name)) out.push(n);
        else throw new Error(`standalone code: name "${name}" has no code`);
        names.set(name, COMPLETED);
      }
    }
  };

  const refValidateCode = (name: ValueScopeName): boolean => {
    const ref = name.value?.ref;
    if (name.prefix === 'validate' && typeof ref === 'function') {
      validateCode((ref as ValidateFunction).source);
      return true;
    }
    if ((name.prefix === 'root' || name.prefix === 'wrapper') && typeof ref === 'object' && ref !== null) {
      const { validate, validateName } = ref as {
        validate?: ValidateFunction;
        validateName?: ValueScopeName;
      };
      if (!validateName) throw new Error('standalone code: a reference has no validate function');
      out.push(`const ${name} = {validate: ${validateName}};`);
      if (usedOf(validateName.prefix).get(validateName) !== STARTED) {
        out.push(n);
        validateCode(validate?.source);
      }
      return true;
    }
    return false;
  };

  for (const [exportName, id] of Object.entries(exports)) {
    const validate = ajv.getSchema<AnySchemaObject>(id);
    if (!validate) throw new Error(`standalone code: no schema with id ${id}`);
    out.push(n, `exports.${exportName} = ${validate.source?.validateName};`, n);
    validateCode(validate.source);
    // Unlike ajv, a function exported twice (equal schemas under one id) is emitted once.
    if (validate.source)
      usedOf(validate.source.validateName.prefix).set(validate.source.validateName, COMPLETED);
  }
  return out;
}

/** The function name of an inlined helper: `equal` -> `idemgenEqual`. */
export function helperName(name: string): string {
  return `idemgen${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
