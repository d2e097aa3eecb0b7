/**
 * `npm run demo:paging`: stable pagination and long-running operations. Generates client and server from
 * examples/paging.yaml, serves a keyset listing of 1,000 items with signed cursors and a long-running export,
 * and runs the generated client through injected faults: a listing whose page fetches fail, a forged cursor,
 * and an export submission whose `202` is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../src/generate.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const say = (line = '') => process.stdout.write(`${line}\n`);

const outDir = mkdtempSync(join(tmpdir(), 'idemgen-demo-paging-'));
const spec = 'examples/paging.yaml';
const generated = await generate({ spec, outDir, target: 'both', mode: 'write' });
if (!generated.emitted) {
  for (const d of generated.diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.message}`);
  process.exit(1);
}
say(bold(`idemgen paging demo: ${spec}`));
const server = await import(join(outDir, 'server/index.ts'));
const client = await import(join(outDir, 'client/index.ts'));

// --- the server: a keyset listing with signed cursors, and an export tracked in the dedup store ---
interface Item {
  id: number;
  name: string;
}
const rows: Item[] = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, name: `item ${i + 1}` }));
const store = server.createMemoryStore();
const cursors = server.createCursorCodec({ secret: 'demo-secret-of-at-least-thirty-two-bytes' });
const operations = server.createOperationTracker({ store, statusUrl: (id: string) => `/operations/${id}` });
let exportRuns = 0;
type Request = {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  body: unknown;
  correlationId: string;
};
const app = server.createServer({
  store,
  handlers: {
    listItems: async (request: Request) => {
      const read = await cursors.read(request.query.cursor);
      if (!read.ok) return server.cursorInvalidResult(request, read);
      const limit = Number(request.query.limit ?? 100);
      const rest = rows.filter((row) => row.id > ((read.position as number | undefined) ?? 0));
      const data = rest.slice(0, limit);
      const last = data.at(-1);
      return {
        status: 200,
        body: { data, next: last && rest.length > limit ? await cursors.sign(last.id) : null },
      };
    },
    createExport: async (request: Request) => {
      const { rows: count } = request.body as { rows: number };
      const started = await operations.start(async () => {
        exportRuns++;
        await new Promise((resolve) => setTimeout(resolve, 300)); // the slow part
        return { rows: count };
      });
      say(dim(`    server: export ${started.id.slice(0, 8)}… accepted, 202 Location: /operations/…`));
      return started.response;
    },
    getOperation: (request: Request) => operations.statusResponse(String(request.path.operationId), request),
  },
  logger: { error: () => {} },
});
const http = createHttpServer(server.toNodeHandler(app));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

// --- a network that fails on cue ---
let faults: ((url: URL) => 'drop' | '503' | undefined) | undefined;
const flakyFetch = async (input: string, init: RequestInit): Promise<Response> => {
  const url = new URL(input);
  const fault = faults?.(url);
  if (fault === '503') {
    say(`    ${url.pathname}${url.search.slice(0, 24)}…: ${bold('503')} injected, Retry-After: 0`);
    return new Response(null, { status: 503, headers: { 'retry-after': '0' } });
  }
  const response = await fetch(input, init);
  if (fault === 'drop') {
    await response.arrayBuffer();
    say(
      `    ${init.method} ${url.pathname}: the server answered ${response.status}, ${bold('the answer was lost')}`,
    );
    throw new TypeError('fetch failed: socket hang up (injected)');
  }
  return response;
};
const api = client.createClient({ baseUrl, fetch: flakyFetch });

say();
say(bold('1. List 1,000 items, 100 a page; page 4 fails with 503 twice, page 8 loses its answer'));
const pagesSeen = new Map<string, number>();
faults = (url) => {
  if (url.pathname !== '/items') return undefined;
  const cursor = url.searchParams.get('cursor') ?? '';
  pagesSeen.set(cursor, (pagesSeen.get(cursor) ?? 0) + 1);
  const page = [...pagesSeen.keys()].indexOf(cursor) + 1;
  const attempt = pagesSeen.get(cursor) ?? 0;
  if (page === 4 && attempt <= 2) return '503';
  if (page === 8 && attempt === 1) return 'drop';
  return undefined;
};
const items: Item[] = [];
for await (const item of client.listItems.all(api, { query: { limit: 100 } })) items.push(item);
const inOrder = items.every((item, i) => item.id === i + 1);
say(
  `  result: ${items.length} items, ${new Set(items.map((i) => i.id)).size} distinct, ${inOrder ? 'in order' : 'OUT OF ORDER'}; ` +
    `${pagesSeen.size} pages, each retry sent the same cursor`,
);
faults = undefined;

say();
say(bold('2. A cursor edited by the client (skip ahead) is refused'));
const first = await client.listItems(api, { query: { limit: 10 } });
const [prefix, , signature] = String(first.ok ? first.data.next : '').split('.');
const skipAhead = Buffer.from(JSON.stringify({ p: 900, e: Date.now() + 60_000 })).toString('base64url');
const forged = await client.listItems(api, { query: { cursor: `${prefix}.${skipAhead}.${signature}` } });
if (!forged.ok && forged.error.kind === 'http')
  say(
    `  ${forged.error.status} ${forged.error.body.type} (reason: ${forged.error.body.reason}), not retried`,
  );

say();
say(bold('3. Start an export; the 202 is lost once, the retry (same key) is replayed, wait() polls it'));
let submissions = 0;
faults = (url) => (url.pathname === '/exports' && ++submissions === 1 ? 'drop' : undefined);
const started = await client.createExport(api, { body: { rows: 1000 } });
faults = undefined;
if (started.ok) {
  say(
    `  202 after ${started.attempts} attempts, Idempotent-Replayed: ${started.headers.get('idempotent-replayed')}, operation ${started.data.id.slice(0, 8)}…`,
  );
  const done = await started.operation.wait({
    onPoll: ({ state }: { state?: string }) => say(dim(`    poll: ${state}`)),
  });
  say(
    `  wait(): ${done.ok ? `succeeded, ${done.data.rows} rows` : done.error.kind} after ${done.ok ? done.polls : '?'} poll(s)`,
  );
}
say();
say(`Export runs: ${exportRuns} for ${submissions} submission attempts. Generated code: ${outDir}`);
http.close();
if (process.env.IDEMGEN_DEMO_KEEP !== '1') rmSync(outDir, { recursive: true, force: true });
