/**
 * Each adapter of the generated server, listening on 127.0.0.1 with an ephemeral port: Node `http`, the
 * Web handler served through Node `http`, Express 5 and Fastify 5.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import type { ServerCore } from '../../../src/runtime/server/types.js';
import type { GeneratedServerModule } from './server-generated.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export type AdapterName = 'node' | 'web via node' | 'express' | 'fastify';

export const ADAPTER_NAMES: readonly AdapterName[] = ['node', 'web via node', 'express', 'fastify'];

export async function listenNode(server: Server): Promise<RunningServer> {
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
}

/** Starts `core` behind the named adapter, taken from the generated module's re-exports. */
export async function startAdapter(input: {
  name: AdapterName;
  core: ServerCore;
  generated: GeneratedServerModule;
}): Promise<RunningServer> {
  const { core, generated } = input;
  switch (input.name) {
    case 'node':
      return listenNode(createServer(generated.toNodeHandler(core)));
    case 'web via node':
      return listenNode(createServer(generated.toNodeHandler(generated.toWebHandler(core))));
    case 'express': {
      const app = express();
      app.use(express.json());
      app.use(generated.toExpressMiddleware(core));
      return listenNode(createServer(app));
    }
    case 'fastify': {
      const app = Fastify();
      await app.register(generated.toFastifyPlugin(core));
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    }
  }
}
