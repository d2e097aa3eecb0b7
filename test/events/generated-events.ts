/**
 * The events fixture (fixtures/events/openapi.yaml) generated into test/.out and imported as a user's
 * project would, typed through the runtime's own types, and served over Node's http on 127.0.0.1.
 */
import { rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SendEventOptions } from '../../src/runtime/events/send-event.js';
import type { DeliveryResult } from '../../src/runtime/events/sender.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';
import { generateBoth } from '../e2e/helpers/generate-both.js';

export const EVENTS_SPEC = resolve('fixtures/events/openapi.yaml');

type Receiver = 'orderPaid' | 'orderShipped' | 'stockChanged' | 'createSubscription';
type Signed = SendEventOptions & { secrets: string | readonly string[] };

export interface EventsServerModule {
  createServer(
    options: Omit<ServerCoreOptions, 'routes' | 'handlers'> & {
      handlers: Partial<Record<Receiver, Handler>>;
    },
  ): ServerCore;
  toNodeHandler: typeof toNodeHandler;
  sendOrderPaid(
    endpoint: string,
    event: { type: 'order.paid'; orderId: string; amount: number },
    options: Signed,
  ): Promise<DeliveryResult>;
  sendOrderShipped(
    endpoint: string,
    event: { id: string; orderId: string },
    options: Signed,
  ): Promise<DeliveryResult>;
  sendStockChanged(
    endpoint: string,
    event: { id: string; sku: string; quantity: number },
    options: Signed,
  ): Promise<DeliveryResult>;
}

export interface GeneratedEvents {
  outDir: string;
  server: EventsServerModule;
  remove(): void;
}

export async function generateEvents(): Promise<GeneratedEvents> {
  const outDir = await generateBoth(EVENTS_SPEC, 'events-');
  const server = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as EventsServerModule;
  return { outDir, server, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** Serves `core` on 127.0.0.1 on a free port. */
export async function listen(
  module: EventsServerModule,
  core: ServerCore,
): Promise<{ url: string; close(): Promise<void> }> {
  const handler = module.toNodeHandler(core);
  const server: Server = createHttpServer((req, res) => void handler(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
