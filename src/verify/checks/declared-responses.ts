/**
 * declared-responses: every answer to a valid request has a status the operation declares (exact, range
 * or `default`) and, when the declaration has a JSON schema, a body it validates. A `409` in-progress
 * answer is the idempotency contract's own, not the operation's, and is left to the other checks.
 */
import type { Exchange } from '../types.js';
import { type CheckContext, fail, pass, problemSlug, type Verdict } from './check-context.js';
import { declaredResponse, isJsonMediaType, mediaTypeOf } from './declared-response.js';

export function checkDeclaredResponses(context: CheckContext, exchanges: Exchange[]): Verdict {
  const judged = exchanges.filter(
    (e) => e.role === 'valid' && e.response && !(e.response.status === 409 && context.operation.idempotency),
  );
  if (judged.length === 0)
    return { outcome: 'skip', reason: 'no answer to a valid request was seen', exchanges: [] };
  for (const exchange of judged) {
    const problem = responseProblem(context, exchange);
    if (problem) return fail(problem, [exchange]);
  }
  return pass(judged);
}

function responseProblem(context: CheckContext, exchange: Exchange): string | undefined {
  const response = exchange.response!;
  const declared = declaredResponse(context.operation, response.status);
  if (!declared) {
    const statuses = context.operation.responses.map((r) => r.status).join(', ');
    const slug = problemSlug(response);
    return `status ${response.status}${slug ? ` (${slug})` : ''} is not declared (declared: ${statuses || 'none'})`;
  }
  if (response.body === '' || declared.mediaTypes.length === 0) return undefined;
  const mediaType = mediaTypeOf(response.headers['content-type']);
  if (!declared.mediaTypes.some((m) => m.toLowerCase() === mediaType || m === '*/*'))
    return `the ${response.status} answer is ${mediaType || 'without a Content-Type'}; declared: ${declared.mediaTypes.join(', ')}`;
  if (declared.jsonSchema === undefined || !isJsonMediaType(mediaType)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `the ${response.status} answer is not valid JSON`;
  }
  const errors = context.validator.validate(declared.jsonSchema, body);
  if (errors && errors.length > 0)
    return `the ${response.status} body does not match its declared schema: ${errors.slice(0, 3).join('; ')}`;
  return undefined;
}
