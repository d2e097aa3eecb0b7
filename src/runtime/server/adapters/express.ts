import { valueToCanonicalJson } from '../../idempotency/canonical-json.js';
import type { ServerCore } from '../types.js';
import type { NodeRequestLike, NodeResponseLike } from './node.js';
import { toNodeHandler } from './node.js';

/** Express's request, structurally: a Node request that a body parser may have read into `body`. */
export interface ExpressRequestLike extends NodeRequestLike {
  body?: unknown;
  /** Set by the body parsers of Express 4 when they read the stream. */
  _body?: boolean;
  /** True once the stream was read to its end (by the body parsers of Express 5, among others). */
  readableEnded?: boolean;
}

export type ExpressNext = (error?: unknown) => void;

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/**
 * The body as `express.json()`, `express.text()` or `express.raw()` left it, when one of them read the
 * stream: re-serialized JSON (the idempotency fingerprint is computed on canonical JSON, so the bytes need
 * not be the original ones), the text, or the bytes. Undefined when no parser ran: the stream is read.
 */
function parsedBody(request: ExpressRequestLike): Uint8Array | string | undefined {
  if (request._body !== true && request.readableEnded !== true) return undefined;
  const { body } = request;
  if (typeof body === 'string' || isBytes(body)) return body;
  return body === undefined ? undefined : bodyToJson(body);
}

/**
 * JSON text of a parsed body. `JSON.stringify` recurses: a body nested tens of thousands of levels deep (which
 * `express.json()` parses) overflows it, so such a body is written by the canonical writer, which does not
 * (members sorted then; the core refuses a body that deep anyway).
 */
function bodyToJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch {
    return valueToCanonicalJson(body);
  }
}

/**
 * Express middleware (`app.use(toExpressMiddleware(core))`, Express 4 and 5). Paths that no operation
 * matches go on to the next middleware; everything else is answered by the core. Mounted under a path
 * (`app.use('/api', ...)`), it sees the path below the mount point.
 *
 * @example
 * ```ts
 * const app = express();
 * app.get('/health', (_req, res) => res.json({ ok: true })); // the app's own routes still work
 * app.use('/api', toExpressMiddleware(createServer({ handlers, store })));
 * ```
 */
export function toExpressMiddleware(
  core: Pick<ServerCore, 'fetch' | 'handles'> & Partial<Pick<ServerCore, 'handle'>>,
): (request: ExpressRequestLike, response: NodeResponseLike, next: ExpressNext) => void {
  const handle = toNodeHandler(core, { body: (request) => parsedBody(request as ExpressRequestLike) });
  return (request, response, next) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (!core.handles(path)) {
      next();
      return;
    }
    handle(request, response).catch(next);
  };
}
