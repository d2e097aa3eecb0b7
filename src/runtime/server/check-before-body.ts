/**
 * What is decided from a request's head alone, before its body is read: a declared `Content-Length` over
 * the limit (413), a body of a media type the operation does not take (415, with `Accept` listing those
 * it takes), and a missing or invalid
 * idempotency key in a header, query or path parameter (400). A request refused anyway is never buffered.
 */
import { type ExtractedKey, extractIdempotencyKey } from '../idempotency/extract-key.js';
import { createKeyInvalidProblem, createKeyMissingProblem } from '../idempotency/problems.js';
import { declaredBodyLength, declaresBody } from './body-limit.js';
import type { CoreRequest } from './core-exchange.js';
import type { ProblemInput } from './problem-response.js';
import { checkBodyMediaType } from './request-body.js';
import type { ServerRoute } from './types.js';

export type Refusal = Omit<ProblemInput, 'base' | 'correlationId'>;

export type BeforeBody =
  | { kind: 'refuse'; problem: Refusal }
  /** `extracted`: the key, when the contract takes it from the head (else it is extracted after the body). */
  | { kind: 'read'; extracted: ExtractedKey | undefined };

/** The 413 problem for a body over `maxBodyBytes` (also what a body found too long while reading gets). */
export const tooLargeProblem = (maxBodyBytes: number): Refusal => ({
  slug: 'request-too-large',
  detail: `The request body is larger than ${maxBodyBytes} bytes, the limit of this operation.`,
  extensions: { maxBodyBytes },
});

/** The 415 problem for a body of a media type the operation does not declare: the accepted ones listed. */
export const unsupportedMediaTypeProblem = (route: ServerRoute): Refusal => ({
  slug: 'unsupported-media-type',
  detail: `The request body must be one of: ${route.bodyMediaTypes.join(', ')}.`,
  headers: { accept: route.bodyMediaTypes.join(', ') },
  extensions: { accepted: route.bodyMediaTypes },
});

/** The 406 problem for an `Accept` that takes none of the success media types: those listed. */
export const notAcceptableProblem = (available: readonly string[]): Refusal => ({
  slug: 'not-acceptable',
  detail: `The response can only be one of: ${available.join(', ')}.`,
  extensions: { available },
});

export function checkBeforeBody(input: {
  request: CoreRequest;
  route: ServerRoute;
  params: Record<string, string>;
  searchParams: URLSearchParams;
  maxBodyBytes: number;
}): BeforeBody {
  const { request, route } = input;
  const { headers } = request;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const declared = declaredBodyLength(headers);
    if (declared !== undefined && declared > input.maxBodyBytes) {
      return { kind: 'refuse', problem: tooLargeProblem(input.maxBodyBytes) };
    }
    if (declaresBody(headers, declared)) {
      const issue = checkBodyMediaType(headers['content-type'] ?? '', route.bodyMediaTypes);
      if (issue !== undefined) return { kind: 'refuse', problem: unsupportedMediaTypeProblem(route) };
    }
  }
  const contract = route.idempotency;
  if (contract === undefined || contract.key.in === 'body') return { kind: 'read', extracted: undefined };
  const extracted = extractIdempotencyKey({
    source: contract.key,
    request: {
      method: request.method,
      pathTemplate: route.pathTemplate,
      pathParams: input.params,
      query: input.searchParams,
      headers,
    },
  });
  const refused =
    extracted.kind === 'invalid'
      ? createKeyInvalidProblem({ source: contract.key, reason: extracted.reason })
      : extracted.kind === 'absent' && contract.required
        ? createKeyMissingProblem(contract.key)
        : undefined;
  if (refused === undefined) return { kind: 'read', extracted };
  const { slug, status, detail } = refused;
  return { kind: 'refuse', problem: { slug, status, detail, headers: refused.headers } };
}
