import type { ServerCore } from '../types.js';
import type { NodeRequestLike, NodeResponseLike } from './node.js';
import { toNodeHandler } from './node.js';

type ParserDone = (error: Error | null, body?: unknown) => void;

/** The part of a Fastify instance the plugin uses, typed structurally (Fastify 4 and 5 fit). */
export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(
    type: string,
    parser: (request: unknown, payload: unknown, done: ParserDone) => void,
  ): unknown;
  all(
    path: string,
    handler: (
      request: { raw: NodeRequestLike },
      reply: { raw: NodeResponseLike; hijack(): unknown },
    ) => unknown,
  ): unknown;
}

/**
 * A Fastify plugin (`app.register(toFastifyPlugin(core))`, with `prefix` if wanted; then set the core's
 * `basePath` to the same prefix). Inside the plugin's own context, every content-type parser is replaced
 * by one that leaves the body unread, and a catch-all route hands the raw request to the core, which reads
 * and validates the body itself. Fastify's static routes registered elsewhere still win over the catch-all.
 *
 * @example
 * ```ts
 * const app = fastify();
 * await app.register(toFastifyPlugin(createServer({ handlers, store, basePath: '/api' })), { prefix: '/api' });
 * await app.listen({ port: 3000 });
 * ```
 */
export function toFastifyPlugin(
  core: Pick<ServerCore, 'fetch'> & Partial<Pick<ServerCore, 'handle'>>,
): (instance: FastifyInstanceLike) => Promise<void> {
  const handle = toNodeHandler(core);
  return async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    instance.all('/*', async (request, reply) => {
      reply.hijack();
      await handle(request.raw, reply.raw);
    });
  };
}
