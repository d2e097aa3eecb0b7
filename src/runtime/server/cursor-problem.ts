import type { CursorReading } from '../pagination/cursor.js';
import { DEFAULT_PROBLEM_BASE } from '../problem/problem-type.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/types.js';
import { createProblem } from './problem-response.js';
import type { HandlerResult } from './types.js';

/**
 * The handler's answer to a cursor that `CursorCodec.read` refused (altered, foreign, expired, not one of
 * ours): `400 cursor-invalid`, an RFC 9457 problem whose `reason` member says which, e.g.
 *
 *   const read = await cursors.read(request.query.cursor);
 *   if (!read.ok) return cursorInvalidResult(request, read);
 */
export function cursorInvalidResult(
  request: { correlationId: string },
  refusal: Extract<CursorReading<unknown>, { ok: false }>,
  options: { problemTypeBase?: string | undefined } = {},
): HandlerResult {
  const problem = createProblem({
    slug: 'cursor-invalid',
    detail: refusal.detail,
    correlationId: request.correlationId,
    base: options.problemTypeBase ?? DEFAULT_PROBLEM_BASE,
    extensions: { reason: refusal.reason },
  });
  return { status: 400, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: problem };
}
