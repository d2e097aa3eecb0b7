import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { toExpressMiddleware } from '../../../src/runtime/server/adapters/express.js';
import { toFastifyPlugin } from '../../../src/runtime/server/adapters/fastify.js';
import { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import { toWebHandler } from '../../../src/runtime/server/adapters/web.js';
import type { ServerCore } from '../../../src/runtime/server/types.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const listen = async (server: ReturnType<typeof createServer>): Promise<RunningServer> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

/** Each adapter, started over real sockets on 127.0.0.1. */
export const ADAPTERS: Record<string, (core: ServerCore) => Promise<RunningServer>> = {
  node: (core) => listen(createServer(toNodeHandler(core))),
  'web via node': (core) => listen(createServer(toNodeHandler(toWebHandler(core)))),
  express: (core) => {
    const app = express();
    app.get('/health', (_request, response) => {
      response.json({ ok: true });
    });
    app.use(express.json());
    app.use(toExpressMiddleware(core));
    app.use((_request, response) => {
      response.status(418).send('express fallthrough');
    });
    return listen(createServer(app));
  },
  fastify: async (core) => {
    const app = Fastify();
    app.get('/health', async () => ({ ok: true }));
    await app.register(toFastifyPlugin(core));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};
