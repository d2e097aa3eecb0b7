/** The response an operation declares for a status: the exact code, else its `NXX` range, else `default`. */
import type { OperationModel, ResponseModel } from '../../model/types.js';
import { matchesStatusPattern } from '../../runtime/shared/status-pattern.js';

export function declaredResponse(operation: OperationModel, status: number): ResponseModel | undefined {
  const exact = operation.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = operation.responses.find(
    (r) => /^[1-5]XX$/i.test(r.status) && matchesStatusPattern(status, r.status),
  );
  return range ?? operation.responses.find((r) => r.status.toLowerCase() === 'default');
}

/** The media type of a Content-Type value, lower-case, without parameters. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const isJsonMediaType = (mediaType: string): boolean =>
  mediaType === 'application/json' || /^application\/[^;]*\+json$/.test(mediaType);
