/**
 * One server for bench/server.ts, in its own process: `server-child.ts <variant> <compiled generated dir>`
 * (JavaScript: bench/server.ts compiles the generated TypeScript first) listens on
 * 127.0.0.1 (port 0) and prints `{ port }`. Every variant runs the same handler (create a payment from the
 * JSON body, answer 201 with it and a Location header) behind a different layer:
 * - `plain`: the generated server, generated from a copy of the spec with `x-idempotency: false` on
 *   createPayment: routing, JSON parsing and validation as in the other variants, no idempotency step;
 * - `memory` / `redis`: the generated server with idempotency on the memory / Redis store (Redis round trips
 *   counted by wrapping the ioredis client; `GET /__stats` answers them);
 * - `express-idempotency`: Express 5 + express.json() + express-idempotency's middleware (its memory store);
 * - `node-idempotency`: a bare node:http server with @node-idempotency/core and its memory adapter;
 * - `bare`: that server and handler without the idempotency calls (no routing, no validation either);
 * - `memory-otel-api`: `memory` with `@opentelemetry/api` loaded and nothing registered (an application that
 *   instruments its own code but runs no SDK);
 * - `memory-otel-sdk`: `memory` with the OpenTelemetry SDK registered and recording: a tracer provider whose
 *   batched spans go to an exporter that drops them, a meter provider (aggregating, read by nobody), the
 *   AsyncLocalStorage context manager and the W3C propagator.
 * Every variant also answers `GET /__cpu` with the process's CPU time, read before and after each load run.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPayment, type NodeHandler, nodeIdempotencyHandler } from './server-handlers.js';

const stats = { evals: 0 };

/** What the `memory-otel-*` variants set up before the server is built. */
async function setUpTelemetry(level: 'api' | 'sdk'): Promise<void> {
  const api = await import('@opentelemetry/api');
  if (level === 'api') return;
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = await import('@opentelemetry/core');
  const { MeterProvider } = await import('@opentelemetry/sdk-metrics');
  const { BasicTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const dropping = {
    export: (_spans: unknown, done: (result: { code: number }) => void) => done({ code: 0 }),
    shutdown: async () => {},
  };
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropping)] }),
  );
  api.metrics.setGlobalMeterProvider(new MeterProvider());
}

async function generatedHandler(dir: string, store: 'memory' | 'redis'): Promise<NodeHandler> {
  const server = await import(pathToFileURL(join(dir, 'server/index.js')).href);
  let storeOption = {};
  if (store === 'redis') {
    const { Redis } = await import('ioredis');
    const client = new Redis(process.env.IDEMGEN_TEST_REDIS_URL ?? '');
    const counted = {
      eval: (...args: Parameters<typeof client.eval>) => {
        stats.evals++;
        return client.eval(...args);
      },
      evalsha: (...args: Parameters<typeof client.evalsha>) => {
        stats.evals++;
        return client.evalsha(...args);
      },
    };
    storeOption = {
      store: server.createRedisStore({ client: server.fromIoredis(counted), prefix: `bench:${Date.now()}:` }),
    };
  }
  const app = server.createServer({
    ...storeOption,
    handlers: {
      createPayment: async (request: { body: { amount: number; currency: string } }) => {
        const payment = createPayment(request.body);
        return { status: 201, body: payment, headers: { location: `/payments/${payment.id}` } };
      },
    },
    logger: { error: () => {} },
  });
  const handle = server.toNodeHandler(app) as NodeHandler;
  return (request, response) => {
    if (request.url === '/__stats') response.end(JSON.stringify(stats));
    else handle(request, response);
  };
}

async function expressIdempotencyHandler(): Promise<NodeHandler> {
  const { default: express } = await import('express');
  const { idempotency, getSharedIdempotencyService } = await import('express-idempotency');
  const app = express();
  app.use(express.json());
  app.post('/payments', idempotency(), (request, response) => {
    if (getSharedIdempotencyService().isHit(request)) return;
    const payment = createPayment(request.body);
    response.status(201).location(`/payments/${payment.id}`).json(payment);
  });
  return app as unknown as NodeHandler;
}

async function main(): Promise<void> {
  const [variant, dir] = process.argv.slice(2);
  const handler =
    variant === 'express-idempotency'
      ? await expressIdempotencyHandler()
      : variant === 'node-idempotency' || variant === 'bare'
        ? await nodeIdempotencyHandler(variant === 'node-idempotency')
        : await generatedHandler(dir ?? '', variant === 'redis' ? 'redis' : 'memory');
  if (variant === 'memory-otel-api' || variant === 'memory-otel-sdk') {
    await setUpTelemetry(variant === 'memory-otel-api' ? 'api' : 'sdk');
  }
  // `GET /__cpu`: this process's CPU time so far (µs), for the bench's CPU-per-request figure.
  const http = createHttpServer((request, response) => {
    if (request.url === '/__cpu') response.end(JSON.stringify(process.cpuUsage()));
    else handler(request, response);
  });
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

await main();
