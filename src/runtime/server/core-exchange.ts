/**
 * What the server core reads and writes, independent of how the request arrived: a Web `Request` (`fetch`,
 * `toWebHandler`) or a Node request (`toNodeHandler`, Express, Fastify). The Node adapter fills these from
 * `IncomingMessage` directly, so a request through it builds no `Request`, `Headers`, `ReadableStream`,
 * `AbortController` or `Response` unless a handler or the `principal` resolver asks for one
 * (`request.raw`, `request.signal`). That conversion was most of the per-request cost in
 * `npm run bench:server`.
 */
import type { IdempotentResponse } from '../idempotency/types.js';
import { readWebStream } from './body-limit.js';
import { headersToRecord } from './request-parts.js';

export interface CoreRequest {
  /** Upper-case. */
  readonly method: string;
  /** The path and query: a URL on a placeholder origin (`http://localhost`), since routing uses only those. */
  readonly url: URL;
  /**
   * `url.pathname` and `url.searchParams`, when the adapter has them without parsing a URL (the Node adapter,
   * for request targets that a URL parser would leave as they are): the core reads these before `url`.
   */
  readonly pathname?: string;
  readonly searchParams?: URLSearchParams;
  /** The query string without `?`, still percent-encoded, when the adapter has it without a URL. */
  readonly rawQuery?: string;
  /** Header names lower-case; repeated fields combined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body's bytes; `undefined` without a body (and for GET and HEAD). Read once, then cached. Past
   * `maxBytes` (the first call's), reading stops and the promise rejects with `RequestBodyTooLargeError`.
   */
  body(maxBytes?: number): Promise<Uint8Array | undefined>;
  /** Aborts when the client goes away. Created on first use. */
  readonly signal: AbortSignal;
  /** The request as a Web `Request` (with the body read so far). Created on first use, then the same one. */
  toRequest(): Request;
}

/** A response with its body serialized; `headers` with lower-case names. */
export type CoreResponse = IdempotentResponse;

const NO_BODY = new Set([204, 205, 304]);

/** Whether a status is sent without a body. */
export const isBodilessStatus = (status: number): boolean => NO_BODY.has(status);

/** The core's view of a Web `Request`. */
export function webToCoreRequest(request: Request): CoreRequest {
  let bytes: Promise<Uint8Array | undefined> | undefined;
  const method = request.method.toUpperCase();
  return {
    method,
    url: new URL(request.url),
    headers: headersToRecord(request.headers),
    body(maxBytes) {
      bytes ??=
        request.body === null || method === 'GET' || method === 'HEAD'
          ? Promise.resolve(undefined)
          : readWebStream(request.body, maxBytes);
      return bytes;
    },
    signal: request.signal,
    toRequest: () => request,
  };
}

/** A Web `Response` from a core response. */
export function coreToWebResponse(response: CoreResponse): Response {
  const headers = new Headers(response.headers);
  const { body, status } = response;
  if (body === undefined || isBodilessStatus(status)) return new Response(null, { status, headers });
  // A copy types the bytes as backed by an ArrayBuffer, as `BodyInit` asks.
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status, headers });
}
