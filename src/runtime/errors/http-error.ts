import { statusToPhrase } from '../problem/status-phrase.js';
import type { ProblemDetails } from '../problem/types.js';
import { type CallErrorInit, IdemgenError } from './idemgen-error.js';

export interface HttpErrorInit<Status extends number, Body> extends CallErrorInit {
  status: Status;
  body: Body;
  headers: Headers;
  /** Set when the response was `application/problem+json`. */
  problem?: ProblemDetails | undefined;
  /** The server's `Retry-After` / `retry-after-ms` hint, in milliseconds. */
  retryAfterMs?: number | undefined;
}

/**
 * A response outside 2XX, after retries. `body` is parsed JSON for JSON and problem+json responses, text
 * otherwise (`undefined` when empty); generated clients narrow `Status` and `Body` to the declared responses.
 */
export class HttpError<Status extends number = number, Body = unknown> extends IdemgenError {
  readonly kind = 'http' as const;
  readonly status: Status;
  readonly body: Body;
  readonly headers: Headers;
  readonly problem?: ProblemDetails;
  readonly retryAfterMs?: number;

  constructor(init: HttpErrorInit<Status, Body>) {
    const title = init.problem?.title ?? statusToPhrase(init.status);
    const detail = init.problem?.detail ? `: ${init.problem.detail}` : '';
    super('http', `HTTP ${init.status} ${title}${detail}`, init);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    if (init.problem !== undefined) this.problem = init.problem;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}
