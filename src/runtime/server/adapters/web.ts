import type { ServerCore } from '../types.js';

/** A Web-standard handler: Hono (`app.mount`/`app.all`), Bun (`Bun.serve({ fetch })`), Deno, edge runtimes. */
export type WebHandler = (request: Request) => Promise<Response>;

/**
 * The core's `fetch`, as it is.
 *
 * @example
 * ```ts
 * const handle = toWebHandler(createServer({ handlers, store }));
 * Bun.serve({ fetch: handle });
 * app.all('/api/*', (c) => handle(c.req.raw)); // Hono
 * ```
 */
export function toWebHandler(core: Pick<ServerCore, 'fetch'>): WebHandler {
  return (request) => core.fetch(request);
}
