/**
 * error-format: every error answer (4xx, 5xx) seen for the operation is `application/problem+json` with
 * the RFC 9457 members (`type`, `title`, `status` equal to the HTTP status), or the error envelope the spec
 * declares for that status (its JSON schema validates the body); and no answer shows a stack trace or an
 * internal message.
 */
import type { Exchange } from '../types.js';
import type { CheckContext, Verdict } from './check-context.js';
import { fail, pass } from './check-context.js';
import { declaredResponse, isJsonMediaType, mediaTypeOf } from './declared-response.js';
import { leakIn } from './leaks.js';

export function checkErrorFormat(context: CheckContext, exchanges: Exchange[]): Verdict {
  const errors = exchanges.filter((e) => (e.response?.status ?? 0) >= 400);
  if (errors.length === 0) return { outcome: 'skip', reason: 'no error answer was seen', exchanges: [] };
  for (const exchange of errors) {
    const problem = formatProblem(context, exchange);
    if (problem) return fail(problem, [exchange]);
  }
  return pass(errors);
}

function formatProblem(context: CheckContext, exchange: Exchange): string | undefined {
  const response = exchange.response!;
  const leak = leakIn(response.body);
  if (leak) return `the ${response.status} answer shows ${leak}`;
  const mediaType = mediaTypeOf(response.headers['content-type']);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (mediaType === 'application/problem+json') {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return `the ${response.status} answer is application/problem+json but its body is not a JSON object`;
    const members = body as Record<string, unknown>;
    const missing = ['type', 'title'].filter((name) => typeof members[name] !== 'string');
    if (members.status !== response.status) missing.push(`status (${response.status})`);
    return missing.length > 0 ? `the ${response.status} problem lacks ${missing.join(', ')}` : undefined;
  }
  const declared = declaredResponse(context.operation, response.status);
  if (
    declared &&
    !declared.isProblem &&
    declared.jsonSchema !== undefined &&
    isJsonMediaType(mediaType) &&
    body !== undefined
  ) {
    const errors = context.validator.validate(declared.jsonSchema, body);
    if (errors === undefined || errors.length === 0) return undefined;
    return `the ${response.status} answer matches neither problem details nor the declared envelope (${errors[0]})`;
  }
  return `the ${response.status} answer is ${mediaType || 'without a Content-Type'}, not application/problem+json or a declared error envelope`;
}
