import { isObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { createValidatorAjv, unicodeOrPlainRegExp } from './create-validator-ajv.js';

/** One keyword of one schema object that ajv cannot compile, and why. */
export interface KeywordProblem {
  keyword: string;
  /** An entry of a name map (`properties`, `$defs`, ...) that is no schema: only it goes unchecked. */
  name?: string;
  reason: string;
}

/** Keywords whose value maps names to subschemas, holds a list of them, or is one. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SCHEMA_VALUES = [
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];

const isSchema = (value: JsonValue | undefined): boolean => isObject(value) || typeof value === 'boolean';

/** The schema object with every subschema replaced by `{}`: the meta-schema then judges its own keywords. */
function shallow(schema: JsonObject): JsonObject {
  const out: JsonObject = { ...schema };
  delete out.$schema; // judged apart: ajv's validateSchema throws on a dialect it does not know
  for (const key of SCHEMA_MAPS) {
    const value = out[key];
    if (!isObject(value)) continue;
    out[key] = Object.fromEntries(
      Object.entries(value).map(([name, child]) => [name, isSchema(child) ? {} : child]),
    );
  }
  for (const key of SCHEMA_LISTS) {
    const value = out[key];
    if (Array.isArray(value)) out[key] = value.map(() => ({}));
  }
  for (const key of SCHEMA_VALUES) if (isObject(out[key])) out[key] = {};
  const dependencies = out.dependencies;
  if (isObject(dependencies)) {
    out.dependencies = Object.fromEntries(
      Object.entries(dependencies).map(([name, value]) => [name, isObject(value) ? {} : value]),
    );
  }
  return out;
}

function regExpProblem(pattern: string): string | undefined {
  try {
    unicodeOrPlainRegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A check of one schema object's own keywords (not its subschemas) against the dialect ajv compiles it in
 * (draft-07 for OpenAPI 3.0, 2020-12 for 3.1): every keyword whose value the meta-schema refuses, a `pattern`
 * or `patternProperties` name that is no regular expression with or without the `u` flag, and a `$schema`
 * other than the document's dialect (ajv cannot compile a schema in another dialect inside it).
 */
export function createKeywordChecker(openapi: '3.0' | '3.1'): (schema: JsonObject) => KeywordProblem[] {
  const ajv = createValidatorAjv({ openapi, coerce: false });
  const dialect =
    openapi === '3.1'
      ? 'https://json-schema.org/draft/2020-12/schema'
      : 'http://json-schema.org/draft-07/schema';
  return (schema) => {
    const problems = new Map<string, KeywordProblem>();
    if (ajv.validateSchema(shallow(schema)) !== true) {
      for (const error of ajv.errors ?? []) {
        const [keyword, name] = error.instancePath
          .split('/')
          .slice(1, 3)
          .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
        if (keyword === undefined || keyword === '') continue;
        const map = schema[keyword];
        const entry =
          name !== undefined && SCHEMA_MAPS.includes(keyword) && isObject(map) && !isSchema(map[name]);
        const reason = `${error.instancePath.slice(1)} ${error.message ?? 'is invalid'}`;
        const key = entry ? `${keyword}/${name}` : keyword;
        if (!problems.has(key)) problems.set(key, { keyword, ...(entry ? { name } : {}), reason });
      }
    }
    if (typeof schema.pattern === 'string') {
      const reason = regExpProblem(schema.pattern);
      if (reason !== undefined) problems.set('pattern', { keyword: 'pattern', reason });
    }
    if (isObject(schema.patternProperties)) {
      for (const name of Object.keys(schema.patternProperties)) {
        const reason = regExpProblem(name);
        if (reason !== undefined) problems.set('patternProperties', { keyword: 'patternProperties', reason });
      }
    }
    const declared = schema.$schema;
    if (declared !== undefined && String(declared).replace(/#$/, '') !== dialect) {
      const reason = `the dialect ${JSON.stringify(declared)} is not this document's (${dialect})`;
      problems.set('$schema', { keyword: '$schema', reason });
    }
    return [...problems.values()];
  };
}
