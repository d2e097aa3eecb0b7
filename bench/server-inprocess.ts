/**
 * The server benchmark's scenarios without sockets or a load generator, for bench/server.ts:
 * `server-inprocess.ts <compiled idempotent dir> <compiled plain dir> <requests per run>` prints one JSON
 * line `{ bare, plain, newKeys, replays, peerNewKeys, peerReplays }`, each the median µs per request over 3 runs (the scenarios take
 * turns run by run). Each request is a real `IncomingMessage` and `ServerResponse` on a socket that discards
 * what it is written, so Node's HTTP code runs as it does for a server, but nothing waits on the kernel or on
 * another process: on this VM the socket figures drift by a third from one minute to the next, these by a
 * few percent, so they show what a change to the server costs. `bare` is bench/server-child.ts's bare
 * `node:http` handler (no routing, no validation, no idempotency), the baseline of `peer*`, its
 * @node-idempotency/core variant.
 */
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { median } from './measure.js';
import { createPayment, type NodeHandler, nodeIdempotencyHandler } from './server-handlers.js';

/** A socket that accepts every write at once and never reads. */
class DiscardSocket extends Duplex {
  override _read(): void {}
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void): void {
    callback();
  }
  override _writev(_chunks: unknown[], callback: () => void): void {
    callback();
  }
}

const socket = new DiscardSocket();
const BODY = Buffer.from(JSON.stringify({ amount: 1250, currency: 'EUR' }));

async function generatedHandler(dir: string): Promise<NodeHandler> {
  const server = await import(pathToFileURL(join(dir, 'server/index.js')).href);
  const app = server.createServer({
    handlers: {
      createPayment: async (request: { body: { amount: number; currency: string } }) => {
        const payment = createPayment(request.body);
        return { status: 201, body: payment, headers: { location: `/payments/${payment.id}` } };
      },
    },
    logger: { error: () => {} },
  });
  return server.toNodeHandler(app) as NodeHandler;
}

/** One POST /payments through `handler`; resolves with the status once the response has ended. */
function post(handler: NodeHandler, key: string): Promise<number> {
  return new Promise((resolve) => {
    const request = new IncomingMessage(socket as never);
    request.method = 'POST';
    request.url = '/payments';
    request.headers = {
      host: '127.0.0.1',
      'content-type': 'application/json',
      'idempotency-key': key,
      'content-length': String(BODY.length),
    };
    const response = new ServerResponse(request);
    response.assignSocket(socket as never);
    // `prefinish`: the response has ended and its data has gone to the socket.
    response.on('prefinish', () => {
      response.detachSocket(socket as never);
      resolve(response.statusCode);
    });
    handler(request, response);
    request.push(BODY);
    request.push(null);
  });
}

async function main(): Promise<void> {
  const [idemDir, plainDir, count] = process.argv.slice(2);
  const requests = Number(count ?? 50_000);
  const idem = await generatedHandler(idemDir ?? '');
  const plain = await generatedHandler(plainDir ?? '');
  const bare = await nodeIdempotencyHandler(false);
  const peer = await nodeIdempotencyHandler(true);
  const replayKeys = Array.from({ length: 100 }, () => randomUUID());
  for (const key of replayKeys) {
    await post(idem, key);
    await post(peer, key);
  }
  const scenarios: Record<string, [NodeHandler, (index: number) => string]> = {
    bare: [bare, () => randomUUID()],
    plain: [plain, () => randomUUID()],
    newKeys: [idem, () => randomUUID()],
    replays: [idem, (index) => replayKeys[index % replayKeys.length]!],
    peerNewKeys: [peer, () => randomUUID()],
    peerReplays: [peer, (index) => replayKeys[index % replayKeys.length]!],
  };
  for (const [name, [handler]] of Object.entries(scenarios)) {
    const status = await post(handler, randomUUID());
    if (status !== 201) throw new Error(`${name}: status ${status}`);
  }
  const runs: Record<string, number[]> = {};
  // A warm-up run, then 3 measured; the scenarios take turns.
  for (let run = 0; run < 4; run++) {
    for (const [name, [handler, key]] of Object.entries(scenarios)) {
      const start = performance.now();
      for (let index = 0; index < requests; index++) await post(handler, key(index));
      const perRequest = ((performance.now() - start) * 1000) / requests;
      if (run > 0) runs[name] = [...(runs[name] ?? []), perRequest];
    }
  }
  const result = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values)]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
