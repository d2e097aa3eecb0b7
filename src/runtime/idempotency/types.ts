import type { ProblemSlug } from '../problem/slugs.js';

/**
 * The engine's inputs and outputs. `IdempotencyContractLike` is structurally compatible with the model's
 * `IdempotencyContract` (the runtime never imports the generator), so generated code can pass either.
 */
export type IdempotencyKeySourceLike =
  | { in: 'header'; name: string }
  | { in: 'path'; name: string }
  | { in: 'query'; name: string }
  | { in: 'body'; pointer: string };

export interface IdempotencyContractLike {
  key: IdempotencyKeySourceLike;
  required: boolean;
  ttlMs: number;
  inProgressTimeoutMs: number;
  /**
   * The `Retry-After` of a `409 idempotency-request-in-progress` answer (capped by the rest of the lease);
   * 1000 when absent (code generated before the field existed).
   */
  retryAfterMs?: number | undefined;
  /** `method`, `path`, `query`, `body`, `header:<Name>`. */
  fingerprint: readonly string[];
  /** `principal`, `operation`, `header:<Name>`. */
  scope: readonly string[];
  concurrent: 'reject' | 'wait';
  /** `2XX`, `4XX`, `201`, ... */
  replay: readonly (string | number)[];
}

/** Node's `IncomingHttpHeaders` fits; so does a Web `Headers`. */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
export type QueryLike = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface IdempotencyRequest {
  method: string;
  /** As in the spec: `/orders/{orderId}`. */
  pathTemplate: string;
  pathParams?: Readonly<Record<string, string | number | undefined>>;
  query?: QueryLike;
  headers?: HeadersLike;
  /** The parsed JSON body; `undefined` when there is none or it is not JSON. */
  body?: unknown;
  /** A body that is not JSON, fingerprinted as is when `body` is `undefined`. */
  rawBody?: string | Uint8Array;
}

/** A response as the server layer hands it over: the body already serialized. */
export interface IdempotentResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The framework problems the engine answers with (a subset of the runtime's problem slug table). */
export type IdempotencyProblemSlug = Extract<
  ProblemSlug,
  | 'idempotency-key-missing'
  | 'idempotency-key-invalid'
  | 'idempotency-key-reused'
  | 'idempotency-request-in-progress'
  | 'dependency-unavailable'
>;

/** What the server layer turns into a response. Problem `headers` hold lower-case names (`retry-after`). */
export type IdempotencyResult =
  | { kind: 'executed'; response: IdempotentResponse; replayed: false }
  | { kind: 'replayed'; response: IdempotentResponse }
  | {
      kind: 'problem';
      slug: IdempotencyProblemSlug;
      status: number;
      detail: string;
      headers: Record<string, string>;
    };
