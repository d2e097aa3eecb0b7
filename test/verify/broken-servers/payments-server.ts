/**
 * A small hand-written payments server on node:http for `POST /payments` of examples/payments.yaml: it keeps
 * the idempotency contract (keys, fingerprints, replays, 409 with Retry-After while a duplicate runs,
 * problem details), unless it is started with one deliberate flaw, each a way real servers break it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenNode, type RunningServer } from '../../e2e/helpers/server-adapters.js';

export const FLAWS = [
  'executes-duplicates',
  'ignores-fingerprint',
  'leaks-stack-trace',
  'missing-key-500',
  'replays-other-status',
  'drops-retry-after',
] as const;
export type Flaw = (typeof FLAWS)[number];

interface Entry {
  fingerprint: string;
  done?: { status: number; body: string };
}

/** How long one execution takes. */
const WORK_MS = 250;

export interface BrokenServer extends RunningServer {
  executions(): number;
}

const PROBLEM_BASE = 'https://broken.test/problems/';

/** `seen` collects the headers of every request (to check what verify sends). */
export async function startPaymentsServer(flaw?: Flaw, seen?: IncomingHttpHeaders[]): Promise<BrokenServer> {
  const entries = new Map<string, Entry>();
  let executions = 0;

  const problem = (res: ServerResponse, status: number, slug: string, extra: Record<string, string> = {}) => {
    const body: Record<string, unknown> = { type: `${PROBLEM_BASE}${slug}`, title: slug, status };
    if (flaw === 'leaks-stack-trace') body.detail = new Error(`${slug} at the ledger`).stack;
    res.writeHead(status, { 'content-type': 'application/problem+json', ...extra });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, text: string) => {
    if (req.method !== 'POST' || req.url !== '/payments') return problem(res, 404, 'not-found');
    const key = req.headers['idempotency-key'];
    if (key === undefined) {
      if (flaw === 'missing-key-500')
        throw new Error('Cannot read properties of undefined (reading "length")');
      return problem(res, 400, 'idempotency-key-missing');
    }
    if (typeof key !== 'string' || key.length > 255 || !/^[\x21-\x7e]+$/.test(key))
      return problem(res, 400, 'idempotency-key-invalid');
    let body: { amount?: unknown; currency?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      return problem(res, 400, 'request-validation-failed');
    }
    if (
      !Number.isInteger(body.amount) ||
      (body.amount as number) < 1 ||
      !/^[A-Z]{3}$/.test(String(body.currency))
    )
      return problem(res, 400, 'request-validation-failed');

    const known = flaw === 'executes-duplicates' ? undefined : entries.get(key);
    if (known) {
      if (known.fingerprint !== text && flaw !== 'ignores-fingerprint')
        return problem(res, 422, 'idempotency-key-reused');
      if (!known.done) {
        const hint: Record<string, string> = flaw === 'drops-retry-after' ? {} : { 'retry-after': '1' };
        return problem(res, 409, 'idempotency-request-in-progress', hint);
      }
      const status = flaw === 'replays-other-status' ? 200 : known.done.status;
      res.writeHead(status, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
      return res.end(known.done.body);
    }
    const entry: Entry = { fingerprint: text };
    entries.set(key, entry);
    executions++;
    const id = `pay_${executions}`;
    // Long enough that concurrent duplicates arrive while it runs, even on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, WORK_MS));
    entry.done = {
      status: 201,
      body: JSON.stringify({ id, status: 'succeeded', amount: body.amount, currency: body.currency }),
    };
    res.writeHead(201, { 'content-type': 'application/json', location: `/payments/${id}` });
    res.end(entry.done.body);
  };

  const server = createServer((req, res) => {
    seen?.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({ type: `${PROBLEM_BASE}internal-error`, title: 'Internal error', status: 500 }),
        );
      });
    });
  });
  const running = await listenNode(server);
  return { ...running, executions: () => executions };
}
