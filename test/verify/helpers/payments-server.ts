/**
 * The server idemgen generates from examples/payments.yaml, with the handlers a user would write, served on
 * 127.0.0.1 over a chosen dedup store. The handlers take a few milliseconds, so that concurrent duplicates
 * really overlap.
 */
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import type { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../../src/runtime/server/types.js';
import { generateBoth } from '../../e2e/helpers/generate-both.js';
import { listenNode, type RunningServer } from '../../e2e/helpers/server-adapters.js';

export const PAYMENTS_SPEC = resolve('examples/payments.yaml');

interface GeneratedServer {
  createServer(
    options: Omit<ServerCoreOptions, 'routes' | 'handlers'> & { handlers: Record<string, Handler> },
  ): ServerCore;
  toNodeHandler: typeof toNodeHandler;
}

export async function generatePaymentsServer(): Promise<{ outDir: string; module: GeneratedServer }> {
  const outDir = await generateBoth(PAYMENTS_SPEC, 'verify-payments-');
  const module = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as GeneratedServer;
  return { outDir, module };
}

export interface PaymentsServer extends RunningServer {
  executions(): number;
}

export async function startPaymentsServer(input: {
  module: GeneratedServer;
  store: IdempotencyStore;
}): Promise<PaymentsServer> {
  let executions = 0;
  const payments = new Map<string, unknown>();
  const pause = () => new Promise((r) => setTimeout(r, 20));
  const core = input.module.createServer({
    store: input.store,
    handlers: {
      createPayment: async (request) => {
        executions++;
        await pause();
        const id = `pay_${executions}`;
        const payment = { id, status: 'succeeded', ...(request.body as object) };
        payments.set(id, payment);
        return { status: 201, headers: { Location: `/payments/${id}` }, body: payment };
      },
      getPayment: (request) => {
        const payment = payments.get(String(request.path.paymentId));
        return payment
          ? { status: 200, body: payment }
          : { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } };
      },
      upsertRefund: async (request) => {
        executions++;
        await pause();
        const { refundId } = request.body as { refundId: string };
        return { status: 200, body: { refundId, status: executions % 2 === 0 ? 'done' : 'pending' } };
      },
    },
  });
  const running = await listenNode(createServer(input.module.toNodeHandler(core)));
  return { ...running, executions: () => executions };
}
