/**
 * `npm run demo`: the point of idemgen in thirty seconds. Generates the client and server from
 * examples/payments.yaml, starts the server on the embedded in-memory dedup store, and runs the generated
 * client through injected faults, printing every attempt, the key it carried and what the server did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../src/generate.js';

const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (line = '') => process.stdout.write(`${line}\n`);

const outDir = mkdtempSync(join(tmpdir(), 'idemgen-demo-'));
const spec = 'examples/payments.yaml';
const generated = await generate({ spec, outDir, target: 'both', mode: 'write' });
if (!generated.emitted) {
  for (const d of generated.diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.message}`);
  process.exit(1);
}
say(bold(`idemgen demo: ${spec}`));
say(
  `  generated ${generated.files.length} files (typed client, typed server, validators, runtime) in ${outDir}`,
);

// The generated code, imported as a user's project would.
const server = await import(join(outDir, 'server/index.ts'));
const client = await import(join(outDir, 'client/index.ts'));

// --- the server: handlers the user writes; the generated code validates and deduplicates ---
const payments = new Map<string, { id: string; status: string; amount: number; currency: string }>();
let executions = 0;
const app = server.createServer({
  handlers: {
    createPayment: async (req: { body: { amount: number; currency: string }; idempotencyKey?: string }) => {
      executions++;
      const payment = { id: `pay_${payments.size + 1}`, status: 'succeeded', ...req.body };
      payments.set(payment.id, payment);
      say(
        dim(
          `    server: charged ${req.body.amount} ${req.body.currency} as ${payment.id} (key ${short(req.idempotencyKey)})`,
        ),
      );
      return { status: 201, body: payment, headers: { location: `/payments/${payment.id}` } };
    },
    getPayment: async (req: { path: { paymentId: string } }) => {
      const payment = payments.get(req.path.paymentId);
      if (payment) return { status: 200, body: payment };
      return {
        status: 404,
        body: { type: 'https://example.com/problems/no-such-payment', title: 'No such payment', status: 404 },
      };
    },
  },
  hooks: { onReplay: () => say(dim('    server: duplicate key, replayed the stored response')) },
  logger: { error: () => {} },
});
const http = createHttpServer(server.toNodeHandler(app));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
say(
  `  server on ${baseUrl}, in-memory dedup store; no handler for upsertRefund: ${app.missing.join(', ')} answers 501`,
);

function short(key: string | undefined): string {
  return key ? `${key.slice(0, 8)}…` : '(none)';
}

// --- a network that fails on cue: each entry is what happens to the next request ---
type Fault = 'drop-after-server' | 'injected-503' | 'pass';
let script: Fault[] = [];
const flakyFetch = async (input: string, init: RequestInit): Promise<Response> => {
  const fault = script.shift() ?? 'pass';
  const key = new Headers(init.headers).get('idempotency-key') ?? undefined;
  if (fault === 'injected-503') {
    say(`    attempt with key ${short(key)}: ${bold('503')} injected before the server, Retry-After: 0`);
    return new Response(null, { status: 503, headers: { 'retry-after': '0' } });
  }
  const response = await fetch(input, init);
  if (fault === 'drop-after-server') {
    await response.arrayBuffer();
    say(
      `    attempt with key ${short(key)}: the server answered ${response.status}, ${bold('the connection dropped')} before the client read it`,
    );
    throw new TypeError('fetch failed: socket hang up (injected)');
  }
  const replayed =
    response.headers.get('idempotent-replayed') === 'true' ? ', Idempotent-Replayed: true' : '';
  say(`    attempt with key ${short(key)}: ${bold(String(response.status))}${replayed}`);
  return response;
};
const api = client.createClient({
  baseUrl,
  fetch: flakyFetch,
  hooks: {
    onRetry: (e: { reason: string; delayMs: number; status?: number }) =>
      say(
        dim(
          `    client: retrying (${e.reason}${e.status ? ` ${e.status}` : ''}) in ${Math.round(e.delayMs)} ms`,
        ),
      ),
  },
});

say();
say(bold('1. Create a payment over a network that drops the answer, then fails once'));
script = ['drop-after-server', 'injected-503', 'pass'];
const created = await client.createPayment(api, { body: { amount: 4200, currency: 'EUR' } });
say(
  `  result: ${created.ok ? `${created.status}, ${created.data.id}` : created.error.kind} after ${created.ok ? created.attempts : created.error.attempts} attempts, one key ${short(created.ok ? created.idempotencyKey : undefined)}`,
);
say(`  the server charged ${bold(String(executions))} time(s); payments stored: ${payments.size}`);

say();
say(bold('2. The same key with a different body'));
const reused = await client.createPayment(
  api,
  { body: { amount: 1, currency: 'EUR' } },
  {
    idempotencyKey: created.ok ? created.idempotencyKey : 'k',
  },
);
if (!reused.ok && reused.error.kind === 'http') {
  say(
    `  ${reused.error.status} ${reused.error.problem?.type}: not retried (permanent), retryable=${reused.error.retryable}`,
  );
}

say();
say(bold('3. An invalid request never reaches the handler'));
const invalid = await client.createPayment(api, { body: { amount: -5, currency: 'euro' } });
if (!invalid.ok && 'problem' in invalid.error) {
  const errors = (invalid.error.body as { errors?: { pointer: string; message: string }[] }).errors ?? [];
  say(`  ${invalid.error.status} ${invalid.error.problem?.type}`);
  for (const e of errors) say(`    ${e.pointer} ${e.message}`);
}

say();
say(bold('4. A declared 404 is typed'));
const missing = await client.getPayment(api, { path: { paymentId: 'pay_404' } });
if (!missing.ok && missing.error.kind === 'http')
  say(`  ${missing.error.status}: ${missing.error.body.title}`);

say();
say(`Handler executions: ${executions} for ${payments.size} payment(s). Generated code: ${outDir}`);
http.close();
if (process.env.IDEMGEN_DEMO_KEEP !== '1') rmSync(outDir, { recursive: true, force: true });
