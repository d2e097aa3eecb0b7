/**
 * The ajv validators of our extensions and the compat aliases, compiled once at module load from the JSON
 * Schemas shipped in `extensions/`. `x-expected` is our annotation keyword: the phrase a diagnostic uses to
 * say what a field allows.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import fernHeadersSchema from './extensions/x-fern-idempotency-headers.schema.json' with { type: 'json' };
import fernIdempotentSchema from './extensions/x-fern-idempotent.schema.json' with { type: 'json' };
import idempotencySchema from './extensions/x-idempotency.schema.json' with { type: 'json' };
import retrySchema from './extensions/x-retry.schema.json' with { type: 'json' };
import speakeasySchema from './extensions/x-speakeasy-retries.schema.json' with { type: 'json' };

export const EXTENSION_NAMES = [
  'x-idempotency',
  'x-retry',
  'x-speakeasy-retries',
  'x-fern-idempotent',
  'x-fern-idempotency-headers',
] as const;
export type ExtensionName = (typeof EXTENSION_NAMES)[number];

const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });

export const extensionValidators: Record<ExtensionName, ValidateFunction> = {
  'x-idempotency': ajv.compile(idempotencySchema),
  'x-retry': ajv.compile(retrySchema),
  'x-speakeasy-retries': ajv.compile(speakeasySchema),
  'x-fern-idempotent': ajv.compile(fernIdempotentSchema),
  'x-fern-idempotency-headers': ajv.compile(fernHeadersSchema),
};
