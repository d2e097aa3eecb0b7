/**
 * `x-webhook-signature`: whether deliveries to a receiver must carry a Standard Webhooks signature, and the
 * timestamp tolerance. The nearest level that sets it wins (`false` switches it off there).
 */
import { durationOrUndefined } from '../core/durations.js';
import { isObject, type JsonObject } from '../core/json.js';
import { DEFAULT_SIGNATURE_TOLERANCE_MS } from '../runtime/events/signature.js';
import type { SignatureContract } from './types.js';

export const WEBHOOK_SIGNATURE_EXTENSION = 'x-webhook-signature';

export function readWebhookSignature(
  levels: readonly { node: JsonObject; pointer: string }[],
): SignatureContract | undefined {
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]!;
    const value = level.node[WEBHOOK_SIGNATURE_EXTENSION];
    if (value === undefined) continue;
    if (value === false) return undefined;
    const pointer = `${level.pointer}/${WEBHOOK_SIGNATURE_EXTENSION}`;
    if (value === true)
      return { scheme: 'standard-webhooks', toleranceMs: DEFAULT_SIGNATURE_TOLERANCE_MS, pointer };
    if (!isObject(value)) continue; // invalid: reported by extension validation
    const tolerance = durationOrUndefined(value.tolerance);
    return { scheme: 'standard-webhooks', toleranceMs: tolerance ?? DEFAULT_SIGNATURE_TOLERANCE_MS, pointer };
  }
  return undefined;
}
