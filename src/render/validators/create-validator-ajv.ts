import { _, Ajv, type Options } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/** Either flavour: both emit standalone code. */
export type ValidatorAjv = Ajv | Ajv2020;

/** The name of the object holding the format checks in the generated module (as in `code.formats`). */
export const FORMATS_NAME = 'idemgenFormats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
type AddFormats = (ajv: ValidatorAjv, options: { mode: 'full'; keywords: boolean }) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as AddFormats;

/**
 * An ajv instance that emits standalone code. 3.0 documents use draft-07 `Ajv` (which knows OpenAPI's
 * `nullable`), 3.1 documents `Ajv2020`. `strict: false` tolerates OpenAPI's annotation keywords (`example`,
 * `xml`, `discriminator`, `externalDocs`, `deprecated`, `readOnly`, `writeOnly`). Formats are those of
 * ajv-formats (full mode); the generated code reads them from `idemgenFormats`, which the module defines.
 * `coerce` turns on `coerceTypes: 'array'` (for parameters, which arrive as strings).
 */
export function createValidatorAjv(input: { openapi: '3.0' | '3.1'; coerce: boolean }): ValidatorAjv {
  const options: Options = {
    strict: false,
    allErrors: true,
    logger: false,
    unicodeRegExp: true,
    ...(input.coerce ? { coerceTypes: 'array' as const } : {}),
    code: { source: true, formats: _`idemgenFormats` },
  };
  const ajv = input.openapi === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv, { mode: 'full', keywords: false });
  return ajv;
}

/** The names of the formats that `idemgenFormats` must define (every ajv-formats format). */
export const FORMAT_NAMES = Object.keys(fullFormats);
