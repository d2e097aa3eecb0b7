import { problemType } from '../problem/problem-type.js';
import type { ProblemSlug } from '../problem/slugs.js';
import { FRAMEWORK_PROBLEMS } from '../problem/slugs.js';
import { statusToPhrase } from '../problem/status-phrase.js';
import type { ProblemDetails } from '../problem/types.js';
import { ABOUT_BLANK, PROBLEM_CONTENT_TYPE } from '../problem/types.js';
import { type CoreResponse, coreToWebResponse } from './core-exchange.js';
import { correlationIdToInstance } from './correlation-id.js';

export interface ProblemInput {
  /** A framework slug, or undefined for `about:blank` (404, 405: the status says it all). */
  slug?: ProblemSlug;
  /** Defaults to the slug's status. */
  status?: number;
  detail: string;
  correlationId: string;
  base: string;
  /** Extra response headers, e.g. `retry-after`, `allow`. */
  headers?: Readonly<Record<string, string>>;
  /** Extension members, e.g. `errors`. */
  extensions?: Readonly<Record<string, unknown>>;
}

/** The RFC 9457 body: `type`, `title`, `status`, `detail`, `instance`, then any extension members. */
export function createProblem(input: ProblemInput): ProblemDetails {
  const known = input.slug === undefined ? undefined : FRAMEWORK_PROBLEMS[input.slug];
  const status = input.status ?? known?.status ?? 500;
  return {
    type: input.slug === undefined ? ABOUT_BLANK : problemType(input.base, input.slug),
    title: known?.title ?? statusToPhrase(status),
    status,
    detail: input.detail,
    instance: correlationIdToInstance(input.correlationId),
    ...input.extensions,
  };
}

/** A problem response: `application/problem+json`, its headers, and `x-request-id`. */
export function createProblemCoreResponse(input: ProblemInput): CoreResponse {
  const problem = createProblem(input);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['content-type'] = PROBLEM_CONTENT_TYPE;
  headers['x-request-id'] = input.correlationId;
  return { status: problem.status, headers, body: JSON.stringify(problem) };
}

/** `createProblemCoreResponse` as a Web `Response`. */
export function createProblemResponse(input: ProblemInput): Response {
  return coreToWebResponse(createProblemCoreResponse(input));
}
