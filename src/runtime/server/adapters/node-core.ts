/**
 * Node requests and responses to and from the core's own shapes, without Web objects: the fast path of
 * `toNodeHandler` (a Web `Request`/`Response` pair per request was most of the server's CPU in
 * `npm run bench:server`).
 */
import { RequestBodyTooLargeError } from '../../errors/index.js';
import { concatBytes } from '../body-limit.js';
import type { CoreRequest, CoreResponse } from '../core-exchange.js';
import { isBodilessStatus } from '../core-exchange.js';
import { createRecord } from '../request-parts.js';
import type { NodeRequestLike, NodeResponseLike } from './node-types.js';
import { nodeToWebRequest } from './node-web.js';

const textEncoder = new TextEncoder();
const toBytes = (chunk: unknown): Uint8Array =>
  typeof chunk === 'string' ? textEncoder.encode(chunk) : (chunk as Uint8Array);

/**
 * The request stream's bytes: through its events when it has them, else its async iterator. Past
 * `maxBytes`, the promise rejects with `RequestBodyTooLargeError` at once and later chunks are dropped as
 * they arrive, never held (the core's 413 carries `Connection: close`, so the connection ends after it).
 */
export async function readNodeBody(
  request: NodeRequestLike,
  maxBytes: number = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  let chunks: Uint8Array[] = [];
  let size = 0;
  /** False once the body is over the limit. */
  const add = (chunk: unknown): boolean => {
    if (size > maxBytes) return false;
    const bytes = toBytes(chunk);
    size += bytes.byteLength;
    if (size > maxBytes) {
      chunks = [];
      return false;
    }
    chunks.push(bytes);
    return true;
  };
  if (request.readableEnded === true) return new Uint8Array(0);
  if (typeof request.on !== 'function') {
    for await (const chunk of request) {
      if (!add(chunk)) throw new RequestBodyTooLargeError(maxBytes);
    }
    return concatBytes(chunks, size);
  }
  const on = request.on.bind(request);
  return new Promise<Uint8Array>((resolve, reject) => {
    let ended = false;
    on('data', (chunk) => {
      if (!add(chunk)) reject(new RequestBodyTooLargeError(maxBytes));
    });
    on('end', () => {
      ended = true;
      resolve(concatBytes(chunks, size));
    });
    on('error', reject);
    on('close', () => {
      if (!ended) reject(new Error('The client closed the connection before the request body ended.'));
    });
  });
}

/** What a framework already read, held to the same limit as a body read from the stream. */
async function givenBytes(
  given: Uint8Array | string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  // A string's UTF-8 length is at least its length: only a string that may be over is encoded to check.
  if (typeof given === 'string' && given.length > maxBytes) throw new RequestBodyTooLargeError(maxBytes);
  const bytes = toBytes(given);
  if (bytes.byteLength > maxBytes) throw new RequestBodyTooLargeError(maxBytes);
  return bytes;
}

/** Header names lower-case (Node's already are), repeated fields combined with `, `, no HTTP/2 pseudo-headers. */
function nodeHeadersToRecord(headers: NodeRequestLike['headers']): Record<string, string> {
  const record: Record<string, string> = createRecord();
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || name.startsWith(':')) continue;
    record[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return record;
}

/**
 * A request target that a URL parser leaves as it is: an absolute path and query of unreserved, sub-delim,
 * `:`, `@`, `/`, `?` and `%` characters, with no dot segment (`.`, `..`, or their `%2e` forms, which a parser
 * resolves) and no fragment. Others (spaces, backslashes, non-ASCII, ...) go through `URL`.
 */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:[/?]|$)/i;

function isPlainTarget(target: string): boolean {
  if (!PLAIN_TARGET.test(target)) return false;
  const query = target.indexOf('?');
  return !DOT_SEGMENT.test(query < 0 ? target : target.slice(0, query));
}

/**
 * The core's view of a Node request. `body` is what a framework already read (then the stream is not
 * read). The signal (aborted when the response closes before it finished) and the Web `Request` are
 * created only when something reads them. A class, with the getter on its prototype: getters in an object
 * literal cost closures per request that V8 kept alive through scavenges (see `ServerHandlerRequest`).
 */
class NodeCoreRequest implements CoreRequest {
  readonly method: string;
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
  readonly rawQuery?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly #target: string;
  #url: URL | undefined;
  readonly #request: NodeRequestLike;
  readonly #response: NodeResponseLike;
  readonly #given: Uint8Array | string | undefined;
  #bytes: Promise<Uint8Array | undefined> | undefined;
  #read: Uint8Array | undefined;
  #controller: AbortController | undefined;
  #web: Request | undefined;

  constructor(request: NodeRequestLike, response: NodeResponseLike, body: Uint8Array | string | undefined) {
    this.#request = request;
    this.#response = response;
    this.#given = body;
    this.method = (request.method ?? 'GET').toUpperCase();
    const raw = request.url ?? '/';
    this.#target = raw.startsWith('/') ? raw : `/${raw}`;
    if (isPlainTarget(this.#target)) {
      // What a URL parser would give, without one (a URL per request was ~0.5 µs of a ~9 µs request).
      const query = this.#target.indexOf('?');
      this.pathname = query < 0 ? this.#target : this.#target.slice(0, query);
      this.rawQuery = query < 0 ? '' : this.#target.slice(query + 1);
      this.searchParams = new URLSearchParams(this.rawQuery);
    } else {
      this.pathname = this.url.pathname;
      this.searchParams = this.url.searchParams;
    }
    this.headers = nodeHeadersToRecord(request.headers);
  }

  /** Made on first use. Concatenated, not resolved: a target such as `//other.test/x` stays a path here. */
  get url(): URL {
    this.#url ??= new URL(`http://localhost${this.#target}`);
    return this.#url;
  }

  body(maxBytes?: number): Promise<Uint8Array | undefined> {
    if (this.#bytes === undefined) {
      const pending =
        this.method === 'GET' || this.method === 'HEAD'
          ? Promise.resolve(undefined)
          : this.#given !== undefined
            ? givenBytes(this.#given, maxBytes)
            : readNodeBody(this.#request, maxBytes);
      this.#bytes = pending.then((value) => {
        this.#read = value;
        return value;
      });
    }
    return this.#bytes;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const created = new AbortController();
      this.#controller = created;
      const response = this.#response;
      if (response.closed === true) {
        if (response.writableFinished !== true) created.abort();
      } else {
        response.once('close', () => {
          if (!response.writableFinished) created.abort();
        });
      }
    }
    return this.#controller.signal;
  }

  toRequest(): Request {
    this.#web ??= nodeToWebRequest({
      request: this.#request,
      signal: this.signal,
      body: this.#read ?? (this.#bytes === undefined ? this.#given : new Uint8Array(0)),
    });
    return this.#web;
  }
}

/** The core's view of a Node request (see `NodeCoreRequest`). */
export function nodeToCoreRequest(input: {
  request: NodeRequestLike;
  response: NodeResponseLike;
  body?: Uint8Array | string | undefined;
}): CoreRequest {
  return new NodeCoreRequest(input.request, input.response, input.body);
}

/**
 * Writes a core response. Headers go through `setHeader`, so that Node sets `content-length` itself at
 * `end` and sends head and a string body in one write.
 */
export function writeCoreResponse(response: CoreResponse, target: NodeResponseLike): void {
  target.statusCode = response.status;
  const { headers, body } = response;
  for (const name of Object.keys(headers)) target.setHeader(name, headers[name]!);
  if (body === undefined || isBodilessStatus(response.status)) target.end();
  else target.end(body);
}
