import type { ServerCore } from '../types.js';
import { nodeToCoreRequest, writeCoreResponse } from './node-core.js';
import type { NodeRequestLike, NodeResponseLike } from './node-types.js';
import { nodeToWebRequest, webToNodeResponse } from './node-web.js';

export type { NodeRequestLike, NodeResponseLike } from './node-types.js';
export { nodeToWebRequest, webToNodeResponse } from './node-web.js';

export interface NodeHandlerOptions {
  /** The body to use instead of reading the request stream (a framework already read it). */
  body?: (request: NodeRequestLike) => Uint8Array | string | undefined;
}

/** What `toNodeHandler` adapts: the core (its `handle` when it has one), or any Web handler. */
export type NodeHandlerTarget =
  | (Pick<ServerCore, 'fetch'> & Partial<Pick<ServerCore, 'handle'>>)
  | ((request: Request) => Promise<Response>);

/**
 * After a 413, the rest of the body is not wanted: `Connection: close` makes Node end the connection once
 * the answer is written, instead of reading (and discarding) the rest of the upload to keep it alive.
 * HTTP/1 only (HTTP/2 forbids the field).
 */
function closeAfterTooLarge(request: NodeRequestLike, response: NodeResponseLike, status: number): void {
  if (status === 413 && request.readableEnded !== true && request.httpVersionMajor !== 2) {
    response.setHeader('connection', 'close');
  }
}

/**
 * A Node `http` handler (`http.createServer(toNodeHandler(core))`) over the core, or over any Web
 * `(Request) => Promise<Response>` handler. With the core, requests and responses go to it in its own
 * shapes (no Web `Request`/`Response` unless a handler asks for `request.raw`); the body is read only
 * for a request that matches an operation.
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(createServer({ handlers, store }))).listen(3000);
 * ```
 */
export function toNodeHandler(
  core: NodeHandlerTarget,
  options: NodeHandlerOptions = {},
): (request: NodeRequestLike, response: NodeResponseLike) => Promise<void> {
  const fail = (response: NodeResponseLike): void => {
    // The core answers every error itself; this is a broken connection or a broken custom handler.
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  };
  if (typeof core !== 'function' && typeof core.handle === 'function') {
    const handle = core.handle.bind(core);
    return async (request, response) => {
      try {
        const body = options.body?.(request);
        const result = await handle(nodeToCoreRequest({ request, response, body }));
        closeAfterTooLarge(request, response, result.status);
        writeCoreResponse(result, response);
      } catch {
        fail(response);
      }
    };
  }
  const fetch = typeof core === 'function' ? core : (request: Request) => core.fetch(request);
  return async (request, response) => {
    const controller = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    try {
      const body = options.body?.(request);
      const web = await fetch(nodeToWebRequest({ request, signal: controller.signal, body }));
      closeAfterTooLarge(request, response, web.status);
      await webToNodeResponse({ response: web, target: response });
    } catch {
      fail(response);
    }
  };
}
