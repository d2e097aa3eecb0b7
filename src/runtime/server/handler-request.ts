import type { CoreRequest } from './core-exchange.js';
import type { HandlerIdempotency, HandlerRequest } from './types.js';

/**
 * The request a handler receives. `signal` and `raw` are getters on the prototype, read from the core
 * request only when the handler asks (the Node adapter then creates the `AbortController` and the Web
 * `Request`). Getters in an object literal would have done the same, but V8 gives such an object closures
 * of its own: in `npm run bench:server` that kept half of each request's young objects alive through a
 * scavenge. As prototype getters, they are not copied by `{ ...request }`: read them by name.
 */
export class ServerHandlerRequest implements HandlerRequest {
  readonly #source: CoreRequest;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  cookies: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  idempotencyKey: string | undefined;
  idempotency?: HandlerIdempotency;
  principal: string | undefined;
  correlationId: string;
  responseMediaType: string | undefined;

  constructor(
    source: CoreRequest,
    fields: Omit<HandlerRequest, 'signal' | 'raw' | 'idempotency'> & {
      idempotency: HandlerIdempotency | undefined;
    },
  ) {
    this.#source = source;
    this.path = fields.path;
    this.query = fields.query;
    this.cookies = fields.cookies;
    this.headers = fields.headers;
    this.body = fields.body;
    this.idempotencyKey = fields.idempotencyKey;
    if (fields.idempotency !== undefined) this.idempotency = fields.idempotency;
    this.principal = fields.principal;
    this.correlationId = fields.correlationId;
    this.responseMediaType = fields.responseMediaType;
  }

  /** Aborts when the client goes away. */
  get signal(): AbortSignal {
    return this.#source.signal;
  }

  /** The request as a Web `Request`. */
  get raw(): Request {
    return this.#source.toRequest();
  }
}
