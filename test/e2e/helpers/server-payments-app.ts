/**
 * The handlers a user would write for the end-to-end API, instrumented: executions are counted per
 * operation, `createPayment` refuses amounts over `LIMIT` (its declared 422) and can be held at a gate, `createPayout` throws an error carrying a secret, and
 * `createRefund` is left unimplemented.
 */
import type { IdempotencyHooks } from '../../../src/runtime/idempotency/hooks.js';
import type { Handler, ServerCore, ServerLogEntry } from '../../../src/runtime/server/types.js';
import type { GeneratedServerModule, Payment } from './server-generated.js';

export const PAYOUT_SECRET = 'ledger-db.internal:5432 refused the connection (password=hunter2)';

/** createPayment refuses amounts above this with its declared 422. */
export const LIMIT = 1_000_000;

export interface PaymentsApp {
  core: ServerCore;
  /** createPayment executions so far. */
  executions(): number;
  payouts(): number;
  payments: Map<string, Payment>;
  logs: ServerLogEntry[];
  /** createPayment awaits this promise (when set) after counting its execution. */
  setGate(gate: Promise<void> | undefined): void;
}

export function createPaymentsApp(input: {
  generated: GeneratedServerModule;
  hooks?: IdempotencyHooks;
}): PaymentsApp {
  let executions = 0;
  let payouts = 0;
  let gate: Promise<void> | undefined;
  const payments = new Map<string, Payment>();
  const logs: ServerLogEntry[] = [];
  const createPayment: Handler = async (request) => {
    executions++;
    await gate;
    const body = request.body as { amount: number; currency: string };
    if (body.amount > LIMIT) {
      const detail = `${body.amount} is over the limit (refusal ${executions})`;
      return {
        status: 422,
        body: { type: 'https://e2e.test/over-limit', title: 'Over limit', status: 422, detail },
      };
    }
    const payment: Payment = { id: `pay_${payments.size + 1}`, status: 'succeeded', ...body };
    payments.set(payment.id, payment);
    return {
      status: 201,
      headers: { Location: `/payments/${payment.id}`, 'X-Undeclared': 'x' },
      body: payment,
    };
  };
  const getPayment: Handler = (request) => {
    const payment = payments.get(String(request.path.paymentId));
    if (payment) return { status: 200, body: payment };
    return { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } };
  };
  const createPayout: Handler = () => {
    payouts++;
    throw new Error(PAYOUT_SECRET);
  };
  const core = input.generated.createServer({
    handlers: { createPayment, getPayment, createPayout },
    logger: { error: (entry) => logs.push(entry) },
    ...(input.hooks ? { hooks: input.hooks } : {}),
  });
  return {
    core,
    executions: () => executions,
    payouts: () => payouts,
    payments,
    logs,
    setGate: (next) => {
      gate = next;
    },
  };
}
