/**
 * The ajv validators of our extensions and the compat aliases, compiled once on first use from the JSON
 * Schemas shipped in `extensions/`. `x-expected` is our annotation keyword: the phrase a diagnostic uses to
 * say what a field allows. `x-duration-in-range` is our one validation keyword: a duration written the
 * right way whose milliseconds are not an exact integer (`99999999999999999999d`, `1e300`) is refused, since
 * the model could not read it (JSON Schema cannot bound a number written with a unit).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { durationOrUndefined } from '../core/durations.js';
import fernHeadersSchema from './extensions/x-fern-idempotency-headers.schema.json' with { type: 'json' };
import fernIdempotentSchema from './extensions/x-fern-idempotent.schema.json' with { type: 'json' };
import fernPaginationSchema from './extensions/x-fern-pagination.schema.json' with { type: 'json' };
import idempotencySchema from './extensions/x-idempotency.schema.json' with { type: 'json' };
import longRunningSchema from './extensions/x-long-running.schema.json' with { type: 'json' };
import maxBodySizeSchema from './extensions/x-max-body-size.schema.json' with { type: 'json' };
import msLongRunningSchema from './extensions/x-ms-long-running-operation.schema.json' with { type: 'json' };
import paginationSchema from './extensions/x-pagination.schema.json' with { type: 'json' };
import retrySchema from './extensions/x-retry.schema.json' with { type: 'json' };
import speakeasyPaginationSchema from './extensions/x-speakeasy-pagination.schema.json' with { type: 'json' };
import speakeasySchema from './extensions/x-speakeasy-retries.schema.json' with { type: 'json' };
import webhookPathSchema from './extensions/x-webhook-path.schema.json' with { type: 'json' };
import webhookSignatureSchema from './extensions/x-webhook-signature.schema.json' with { type: 'json' };

export const EXTENSION_NAMES = [
  'x-idempotency',
  'x-retry',
  'x-speakeasy-retries',
  'x-fern-idempotent',
  'x-fern-idempotency-headers',
  'x-max-body-size',
  'x-webhook-signature',
  'x-webhook-path',
  'x-pagination',
  'x-speakeasy-pagination',
  'x-fern-pagination',
  'x-long-running',
  'x-ms-long-running-operation',
] as const;
export type ExtensionName = (typeof EXTENSION_NAMES)[number];

/** Compiled on first use (about 100 ms for all five at start-up, for specs that may use none of them). */
let ajv: Ajv | undefined;
const compiled = new Map<ExtensionName, ValidateFunction>();
const SCHEMAS: Record<ExtensionName, object> = {
  'x-idempotency': idempotencySchema,
  'x-retry': retrySchema,
  'x-speakeasy-retries': speakeasySchema,
  'x-fern-idempotent': fernIdempotentSchema,
  'x-fern-idempotency-headers': fernHeadersSchema,
  'x-max-body-size': maxBodySizeSchema,
  'x-webhook-signature': webhookSignatureSchema,
  'x-webhook-path': webhookPathSchema,
  'x-pagination': paginationSchema,
  'x-speakeasy-pagination': speakeasyPaginationSchema,
  'x-fern-pagination': fernPaginationSchema,
  'x-long-running': longRunningSchema,
  'x-ms-long-running-operation': msLongRunningSchema,
};

/** The ajv validator of an extension's JSON Schema. */
export function extensionValidator(name: ExtensionName): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    if (ajv === undefined) {
      ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
      ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
      ajv.addKeyword({
        keyword: 'x-duration-in-range',
        schemaType: 'boolean',
        schema: false,
        errors: true,
        validate: durationInRange,
      });
    }
    validate = ajv.compile(SCHEMAS[name]);
    compiled.set(name, validate);
  }
  return validate;
}

const DURATION_SYNTAX = /^[0-9]+(ms|s|m|h|d)$/;

/** False (with an error) for a duration of the right form whose milliseconds exceed `MAX_SAFE_INTEGER`. */
const durationInRange: ((data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] } = (data) => {
  const wellFormed =
    (typeof data === 'number' && Number.isInteger(data) && data >= 0) ||
    (typeof data === 'string' && DURATION_SYNTAX.test(data));
  if (!wellFormed || durationOrUndefined(data) !== undefined) return true;
  durationInRange.errors = [
    {
      keyword: 'x-duration-in-range',
      message: `must be at most ${Number.MAX_SAFE_INTEGER} ms (about 285,000 years)`,
      params: {},
    },
  ];
  return false;
};
