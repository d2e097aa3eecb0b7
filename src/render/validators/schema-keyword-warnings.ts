import type { UnlocatedDiagnostic } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/json.js';
import { adaptSchema, type SchemaChecks } from './adapt-schema.js';
import { createKeywordChecker } from './keyword-checker.js';

/**
 * One `schema-keyword-unchecked` warning per schema keyword in the document that ajv cannot compile (a value
 * the dialect's meta-schema refuses, a `pattern` that is no regular expression, a `$schema` of another
 * dialect). The server's validators leave that keyword alone unchecked and enforce the rest of its schema;
 * `lint` and `generate` report the same warnings, found by the same walk the validators compile from.
 */
export function schemaKeywordWarnings(input: {
  document: JsonObject;
  openapi: '3.0' | '3.1';
}): UnlocatedDiagnostic[] {
  const checks: SchemaChecks = { check: createKeywordChecker(input.openapi), unchecked: [] };
  adaptSchema({ value: input.document, openapi: input.openapi, root: 'document', checks });
  return checks.unchecked.map(({ pointer, keyword, name, reason }) => {
    const what = name === undefined ? `\`${keyword}\`` : `\`${keyword}\` entry \`${name}\``;
    return {
      code: 'schema-keyword-unchecked',
      severity: 'warning',
      pointer,
      message: `The schema keyword ${what} cannot be compiled (${reason}): the generated server's validators do not check it, and enforce the rest of the schema.`,
      hint: `Give ${what} a value that is valid in the document's JSON Schema dialect, or remove it.`,
    };
  });
}
