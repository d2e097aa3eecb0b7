/**
 * The app's own code, written against the generated types: a wrong body or status does not compile, so
 * `npm run build` catches contract drift between this code and the spec.
 */
import { createClient, createPayment } from './generated/client/index.js';
import { createMemoryStore, createServer, toWebHandler } from './generated/server/index.js';

export const server = createServer({
  store: createMemoryStore({ maxEntries: 1_000 }),
  handlers: {
    createPayment: async (request) => ({
      status: 201,
      body: { id: 'pay_1', status: 'pending', amount: request.body.amount, currency: request.body.currency },
      headers: { location: '/payments/pay_1' },
    }),
    getPayment: async (request) => ({
      status: 404,
      body: { type: 'about:blank', title: `No payment ${request.path.paymentId}`, status: 404 },
    }),
  },
});

export const handle = toWebHandler(server);

export async function pay(amount: number): Promise<string> {
  const client = createClient({ baseUrl: 'http://127.0.0.1:3000' });
  const result = await createPayment(client, { body: { amount, currency: 'EUR' } });
  if (result.ok) return result.data.id;
  if (result.error.kind === 'http') return `refused: ${result.error.body.title}`;
  return `failed after ${result.error.attempts} attempts (${result.error.kind})`;
}
