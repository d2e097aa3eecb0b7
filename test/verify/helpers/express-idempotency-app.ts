/**
 * A plain Express 5 app serving `POST /payments` of examples/payments.yaml behind the express-idempotency
 * middleware (1.0.6, its defaults: in-memory store, Idempotency-Key header, body/URL/method/query intent
 * check), as its README sets it up. Express runs in production mode (no stack traces in its error pages),
 * as a deployed app would, unless `env` says otherwise.
 */
import { createServer } from 'node:http';
import express from 'express';
import { getSharedIdempotencyService, idempotency } from 'express-idempotency';
import { listenNode, type RunningServer } from '../../e2e/helpers/server-adapters.js';

/** How long one execution takes. */
const WORK_MS = 250;

export interface ExpressApp extends RunningServer {
  executions(): number;
}

export async function startExpressIdempotencyApp(
  env: 'production' | 'development' = 'production',
): Promise<ExpressApp> {
  let executions = 0;
  const app = express();
  app.set('env', env);
  app.use(express.json());
  app.post('/payments', idempotency(), async (req, res) => {
    if (getSharedIdempotencyService().isHit(req)) return;
    executions++;
    // Long enough that concurrent duplicates arrive while it runs, even on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, WORK_MS));
    const id = `pay_${executions}`;
    res
      .status(201)
      .location(`/payments/${id}`)
      .json({ id, status: 'succeeded', ...req.body });
  });
  const running = await listenNode(createServer(app));
  return { ...running, executions: () => executions };
}
