/**
 * The error bodies a spec declares, for the type of the generated server's `errorBody` option: one
 * `{ contentType, body }` member per media type of every 4XX, 5XX and `default` response, the body typed by
 * an indexed access into openapi-typescript's `paths`. Responses that share a schema `$ref` under the same
 * media type give one member (Stripe's spec declares one `error` schema on every operation).
 */
import type { ApiModel } from '../model/types.js';
import { statusKey } from './client-context.js';
import { toStringLiteral } from './escape.js';

export interface ErrorBodyContext {
  /** The media type as a string literal type: `"application/json"`. */
  contentType: string;
  /** The body's type: an indexed access into `paths`, or `string | Uint8Array` for a non-JSON type. */
  bodyType: string;
}

/** True for `4XX`, `5XX`, a status from 400 to 599, and `default`. */
export const isErrorStatus = (status: string): boolean =>
  status === 'default' || /^[45](\d\d|XX)$/i.test(status);

const isRefOnly = (schema: unknown): schema is { $ref: string } =>
  typeof schema === 'object' &&
  schema !== null &&
  Object.keys(schema).length === 1 &&
  typeof (schema as { $ref?: unknown }).$ref === 'string';

export function modelToErrorBodies(model: ApiModel): ErrorBodyContext[] {
  const seen = new Set<string>();
  const out: ErrorBodyContext[] = [];
  for (const op of model.operations) {
    for (const response of op.responses) {
      if (!isErrorStatus(response.status)) continue;
      const json = response.jsonMediaType;
      for (const mediaType of response.mediaTypes) {
        const typed = mediaType === json;
        const schema = typed ? response.jsonSchema : undefined;
        // Without a shared `$ref`, each response's schema is its own (inline schemas are not compared).
        const identity = !typed ? '' : isRefOnly(schema) ? schema.$ref : `${op.pointer}/${response.status}`;
        const key = `${mediaType}\u0000${identity}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const operation = `paths[${toStringLiteral(op.path)}][${toStringLiteral(op.method)}]`;
        const bodyType = typed
          ? `${operation}["responses"][${statusKey(response.status)}]["content"][${toStringLiteral(mediaType)}]`
          : 'string | Uint8Array';
        out.push({ contentType: toStringLiteral(mediaType), bodyType });
      }
    }
  }
  return out;
}
