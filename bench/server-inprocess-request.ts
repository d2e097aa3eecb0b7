/**
 * One in-process request for the server benchmarks (bench/server-inprocess.ts,
 * bench/server-inprocess-telemetry.ts): a real `IncomingMessage` and `ServerResponse` on a socket that
 * discards what it is written, and the generated server's Node handler.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createPayment, type NodeHandler } from './server-handlers.js';

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

export async function generatedHandler(dir: string): Promise<NodeHandler> {
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
export function post(handler: NodeHandler, key: string): Promise<number> {
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
