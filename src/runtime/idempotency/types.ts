import type { ProblemSlug } from '../problem/slugs.js';
import type { IdempotencyKeySource } from '../shared/key-source.js';

export type { IdempotencyKeySource };

/** A part of the request the fingerprint covers: `method`, `path`, `query`, `body` or `header:<Name>`. */
export type FingerprintPart = 'method' | 'path' | 'query' | 'body' | `header:${string}`;
/** A part of the key's scope: `principal`, `operation` or `header:<Name>`. */
export type ScopePart = 'principal' | 'operation' | `header:${string}`;

/**
 * The engine's inputs and outputs. `IdempotencyContract` is the one definition of the merged
 * `x-idempotency`: the generator's model extends it (narrower parts, plus the JSON pointers of where each
 * field was written), so generated code passes the model's contract as it is.
 */
export interface IdempotencyContract {
  key: IdempotencyKeySource;
  required: boolean;
  ttlMs: number;
  inProgressTimeoutMs: number;
  /**
   * The `Retry-After` of a `409 idempotency-request-in-progress` answer (capped by the rest of the lease);
   * 1000 when absent (code generated before the field existed).
   */
  retryAfterMs?: number | undefined;
  /** `FingerprintPart`s, typed as strings: a hand-written route need not spell the template literal. */
  fingerprint: readonly string[];
  /** `ScopePart`s, typed as strings like `fingerprint`. */
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
  /** `check` refused the request before the handler ran (its claim released): `response` is its answer. */
  | { kind: 'refused'; response: IdempotentResponse }
  | {
      kind: 'problem';
      slug: IdempotencyProblemSlug;
      status: number;
      detail: string;
      headers: Record<string, string>;
    };
