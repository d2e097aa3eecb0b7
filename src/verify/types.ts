/**
 * The vocabulary of `idemgen verify`: the requests it sends, what came back, and each check's verdict. A
 * verdict carries every exchange it judged, so a failure can say what was sent and what came back.
 */
import type { CheckName } from './check-names.js';

/** One HTTP request as verify sends it: `target` is the path and query, joined to the base URL. */
export interface ProbeRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  /** The serialized body, if any. */
  body?: string;
}

export interface ProbeResponse {
  status: number;
  /** Lower-case names; repeated fields joined with `, `. */
  headers: Record<string, string>;
  body: string;
}

/** What a valid request is for (`valid`: the spec's own request, judged against its declared responses). */
export type ExchangeRole = 'valid' | 'probe';

/** A request and its answer, or the network error that took its place. */
export interface Exchange {
  /** What the request was in its check: `first`, `duplicate`, `retry after the lost answer`, ... */
  label: string;
  role: ExchangeRole;
  request: ProbeRequest;
  response?: ProbeResponse;
  /** A network error (the connection cut on purpose, a refused connection, a timeout). */
  error?: string;
  /** Sent through verify's fault-injecting proxy. */
  viaProxy?: boolean;
}

export type CheckOutcome = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  check: CheckName;
  /** The operation's id (its operationId, or the name idemgen derives). */
  operation: string;
  outcome: CheckOutcome;
  /** The sentence of the contract the check stands for. */
  sentence: string;
  /** Why it failed or was skipped. */
  reason?: string;
  /** The exchanges the verdict rests on (for a failure: the ones that show it). */
  exchanges: Exchange[];
  durationMs: number;
}

export interface VerifySummary {
  pass: number;
  fail: number;
  skip: number;
}

export interface VerifyReport {
  baseUrl: string;
  spec: string;
  results: CheckResult[];
  summary: VerifySummary;
  durationMs: number;
}

/** Request data a user supplies for one operation (flags or the config's `verify.requests`). */
export interface RequestSetup {
  path?: Record<string, string | number | boolean>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Everything a run needs besides the model. */
export interface VerifySetup {
  /** Sent with every request (auth). */
  headers: Record<string, string>;
  /** Path parameter values by name, for every operation. */
  pathParams: Record<string, string>;
  /** Per operation id. */
  requests: Record<string, RequestSetup>;
  /** Requests sent at once by the concurrent-duplicates check (2 or more). */
  concurrency: number;
  /** One request's limit, in milliseconds. */
  timeoutMs: number;
}
