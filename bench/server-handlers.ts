/**
 * The handler every server of the server benchmark runs (create a payment from the JSON body, answer 201 with
 * it and a Location header), and the @node-idempotency/core server around it: shared by bench/server-child.ts
 * (behind a socket) and bench/server-inprocess.ts (without one), so both measure the same code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type Payment = { id: string; status: string; amount: number; currency: string };
let created = 0;
export const createPayment = (body: { amount: number; currency: string }): Payment => ({
  id: `pay_${++created}`,
  status: 'succeeded',
  amount: body.amount,
  currency: body.currency,
});

/**
 * The node-idempotency variant's server and handler without the idempotency calls (`bare`): a bare
 * `node:http` server with no routing and no validation, the baseline that the peer's figures start from.
 */
export async function nodeIdempotencyHandler(withIdempotency: boolean): Promise<NodeHandler> {
  const { Idempotency } = await import('@node-idempotency/core');
  const { MemoryStorageAdapter } = await import('@node-idempotency/storage-adapter-memory');
  const idempotency = new Idempotency(new MemoryStorageAdapter());
  const send = (response: ServerResponse, status: number, body: unknown, location?: string) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      ...(location ? { location } : {}),
    });
    response.end(JSON.stringify(body));
  };
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!withIdempotency) {
          const payment = createPayment(body);
          return send(response, 201, payment, `/payments/${payment.id}`);
        }
        const params = { headers: request.headers, path: request.url ?? '/', body, method: request.method };
        const replay = await idempotency.onRequest<Payment, unknown>(params);
        if (replay?.body) return send(response, 201, replay.body, `/payments/${replay.body.id}`);
        const payment = createPayment(body);
        await idempotency.onResponse(params, { body: payment, additional: { status: 201 } });
        send(response, 201, payment, `/payments/${payment.id}`);
      } catch (error) {
        send(response, 409, { title: String(error) });
      }
    });
  };
}
