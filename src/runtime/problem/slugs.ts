/**
 * The problem types of the framework itself. Their type URIs are `problemType(base, slug)`, under a base the
 * generator config sets.
 */
export const FRAMEWORK_PROBLEMS = {
  'idempotency-key-missing': { status: 400, title: 'Idempotency key missing' },
  'idempotency-key-invalid': { status: 400, title: 'Idempotency key invalid' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'idempotency-request-in-progress': { status: 409, title: 'Idempotent request in progress' },
  'request-validation-failed': { status: 400, title: 'Request validation failed' },
  'cursor-invalid': { status: 400, title: 'Cursor invalid' },
  'request-too-large': { status: 413, title: 'Request too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  'dependency-unavailable': { status: 503, title: 'Dependency unavailable' },
  'internal-error': { status: 500, title: 'Internal error' },
  'not-implemented': { status: 501, title: 'Not implemented' },
  'webhook-signature-invalid': { status: 401, title: 'Webhook signature invalid' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof FRAMEWORK_PROBLEMS;

export const PROBLEM_SLUGS = Object.keys(FRAMEWORK_PROBLEMS) as ProblemSlug[];

export const isProblemSlug = (value: unknown): value is ProblemSlug =>
  typeof value === 'string' && Object.hasOwn(FRAMEWORK_PROBLEMS, value);
