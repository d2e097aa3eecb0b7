import { _, Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { DOCUMENT_ID } from './document-to-schema.js';
import { idemgenRegExp } from './inline/reg-exp.js';

/** Either flavour: both emit standalone code. */
export type ValidatorAjv = Ajv | Ajv2020;

/** The name of the object holding the format checks in the generated module (as in `code.formats`). */
export const FORMATS_NAME = 'idemgenFormats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
type AddFormats = (ajv: ValidatorAjv, options: { mode: 'full'; keywords: boolean }) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as AddFormats;

/** The name of the pattern constructor in the generated module (`inline/reg-exp.js`). */
export const REG_EXP_NAME = 'idemgenRegExp';

/**
 * A `pattern` as ECMAScript reads it (`inline/reg-exp.js`, the function the generated module inlines), named
 * for ajv's code generation by `code`.
 */
export const unicodeOrPlainRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => idemgenRegExp(pattern, flags),
  { code: REG_EXP_NAME },
);

/** What ajv's `new Function` evaluates for idemgen's own schemas: only their source text is used. */
const SOURCE_ONLY_FUNCTION = 'return function idemgenSourceOnly() { return true; };';

function skipEvaluatingOwnSchemas(source: string, env?: { root?: { baseId?: string } }): string {
  const id = env?.root?.baseId ?? '';
  return id === DOCUMENT_ID || id.startsWith('urn:idemgen:') ? SOURCE_ONLY_FUNCTION : source;
}

/**
 * An ajv instance that emits standalone code. 3.0 documents use draft-07 `Ajv` (which knows OpenAPI's
 * `nullable`), 3.1 documents `Ajv2020`. `strict: false` tolerates OpenAPI's annotation keywords (`example`,
 * `xml`, `discriminator`, `externalDocs`, `deprecated`, `readOnly`, `writeOnly`). Formats are those of
 * ajv-formats (full mode); the generated code reads them from `idemgenFormats`, which the module defines.
 * `coerce` turns on `coerceTypes: 'array'` (for parameters, which arrive as strings). A `pattern` that is a
 * regular expression only without the `u` flag is compiled without it (`unicodeOrPlainRegExp`).
 *
 * Tuned for generation time, measured on GitHub's spec (1,223 operations, 10 MB of validators):
 * `code.optimize: false` skips ajv's name-optimisation passes (3.3 s -> 2.1 s, 8% more code);
 * `inlineRefs: false` compiles a referenced schema once as a function rather than into every user; and
 * `code.process` hands ajv's `new Function` a placeholder for idemgen's own schemas, since only their source is
 * used (ajv records it before `process` runs), never the compiled function. Meta-schemas (which ajv runs
 * to validate the schemas it is given) compile as usual.
 */
export function createValidatorAjv(input: { openapi: '3.0' | '3.1'; coerce: boolean }): ValidatorAjv {
  const options: Options = {
    strict: false,
    allErrors: true,
    logger: false,
    unicodeRegExp: true,
    inlineRefs: false,
    ...(input.coerce ? { coerceTypes: 'array' as const } : {}),
    code: {
      source: true,
      formats: _`idemgenFormats`,
      optimize: false,
      process: skipEvaluatingOwnSchemas,
      regExp: unicodeOrPlainRegExp,
    },
  };
  const ajv = input.openapi === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv, { mode: 'full', keywords: false });
  return ajv;
}

/** The names of the formats that `idemgenFormats` must define (every ajv-formats format). */
export const FORMAT_NAMES = Object.keys(fullFormats);
