/**
 * The API of examples/paging.yaml, generated (server and client, runtime copied) and served over
 * Node `http` on 127.0.0.1, with the handlers a user would write: a keyset listing with signed cursors,
 * an offset listing over the same rows (to show what cursors avoid), a `Link`-paged listing, and a
 * long-running export tracked in the dedup store. Faults are injected per request through `fault`.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OperationResult } from '../../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions } from '../../../src/runtime/client/types.js';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import type { LongRunningHandle } from '../../../src/runtime/long-running/wait.js';
import type { createCursorCodec } from '../../../src/runtime/pagination/cursor.js';
import type {
  ItemIterator,
  PageIterator,
  PaginateOptions,
} from '../../../src/runtime/pagination/paginate.js';
import type { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import type { cursorInvalidResult } from '../../../src/runtime/server/cursor-problem.js';
import type { createOperationTracker, OperationTracker } from '../../../src/runtime/server/long-running.js';
import type {
  Handler,
  HandlerRequest,
  HandlerResult,
  ServerCore,
} from '../../../src/runtime/server/types.js';
import { generateBoth } from '../../e2e/helpers/generate-both.js';
import { listenNode, type RunningServer } from '../../e2e/helpers/server-adapters.js';

export const PAGING_SPEC = 'examples/paging.yaml';
export const SECRET = 'test-secret-of-at-least-thirty-two-bytes!';

export interface Item {
  id: number;
  name: string;
}

type Failure = { kind: string; status?: number; body?: unknown; attempts: number };
type Result<Data> = OperationResult<{ status: number; data: Data }, Failure>;
type Listing<Data, Input> = ((client: Client, input?: Input, options?: object) => Promise<Result<Data>>) & {
  pages(client: Client, input?: Input, options?: PaginateOptions): PageIterator<Result<Data>, Item, object>;
  all(
    client: Client,
    input?: Input,
    options?: PaginateOptions & { signal?: AbortSignal },
  ): ItemIterator<Result<Data>, Item, object>;
};

export interface ExportOperation {
  id: string;
  status: string;
  result?: { rows: number };
}

export interface PagingClient {
  createClient(options: ClientOptions): Client;
  listItems: Listing<{ data: Item[]; next: string | null }, { query?: { cursor?: string; limit?: number } }>;
  listArchive: Listing<{ data: Item[] }, { query?: { offset?: number; limit?: number } }>;
  listEvents: Listing<Item[], { query?: { page?: number } }>;
  createExport(
    client: Client,
    input: { body: { rows: number } },
    options?: { idempotencyKey?: string },
  ): Promise<
    | (Result<ExportOperation> & { ok: true; operation: LongRunningHandle<{ rows: number }> })
    | { ok: false; error: Failure }
  >;
}

interface PagingServer {
  createServer(options: { handlers: Record<string, Handler>; store?: IdempotencyStore }): ServerCore;
  toNodeHandler: typeof toNodeHandler;
  createMemoryStore(): IdempotencyStore;
  createCursorCodec: typeof createCursorCodec;
  cursorInvalidResult: typeof cursorInvalidResult;
  createOperationTracker: typeof createOperationTracker;
}

export interface PagingOutput {
  outDir: string;
  client: PagingClient;
  server: PagingServer;
}

export async function generatePaging(name: string): Promise<PagingOutput> {
  const outDir = await generateBoth(PAGING_SPEC, `paging-${name}-`);
  const load = (file: string) => import(pathToFileURL(join(outDir, file)).href);
  return {
    outDir,
    client: (await load('client/index.ts')) as PagingClient,
    server: (await load('server/index.ts')) as PagingServer,
  };
}

export interface PagingApp {
  url: string;
  /** The rows, kept in id order. */
  rows: Item[];
  insert(item: Item): void;
  /** Requests seen by operation id: their query strings. */
  seen: Map<string, URLSearchParams[]>;
  /** Answer this request instead of the handler (faults); undefined runs the handler. */
  fault?: ((operationId: string, request: HandlerRequest) => HandlerResult | undefined) | undefined;
  /** Called after each page was computed, before it is sent (inserts during a listing). */
  afterPage?: ((operationId: string) => void) | undefined;
  tracker: OperationTracker;
  /** Export runs started (executions of createExport's work). */
  exportsStarted(): number;
  /** Holds each export's work until it resolves; default: finish at once. */
  exportGate: Promise<void>;
  /** Make the export's work throw. */
  exportFails: boolean;
  close(): Promise<void>;
}

export async function startPagingApp(
  output: PagingOutput,
  options: { rows: number; now?: () => number },
): Promise<PagingApp> {
  const { server } = output;
  const store = server.createMemoryStore();
  const cursors = server.createCursorCodec<number>({
    secret: SECRET,
    ttlMs: 60_000,
    clock: options.now ? { now: options.now } : undefined,
  });
  const tracker = server.createOperationTracker({ store, statusUrl: (id) => `/operations/${id}` });
  let started = 0;
  const app: PagingApp = {
    url: '',
    rows: Array.from({ length: options.rows }, (_, i) => ({ id: (i + 1) * 10, name: `item ${i + 1}` })),
    insert(item) {
      app.rows.push(item);
      app.rows.sort((a, b) => a.id - b.id);
    },
    seen: new Map(),
    tracker,
    exportsStarted: () => started,
    exportGate: Promise.resolve(),
    exportFails: false,
    close: async () => {},
  };
  const instrument =
    (operationId: string, handler: Handler): Handler =>
    async (request) => {
      const list = app.seen.get(operationId) ?? [];
      list.push(new URL(request.raw.url).searchParams);
      app.seen.set(operationId, list);
      const fault = app.fault?.(operationId, request);
      if (fault) return fault;
      const result = await handler(request);
      app.afterPage?.(operationId);
      return result;
    };
  const limitOf = (request: HandlerRequest) => Number(request.query.limit ?? 50);

  const handlers: Record<string, Handler> = {
    listItems: instrument('listItems', async (request) => {
      const read = await cursors.read(request.query.cursor);
      if (!read.ok) return server.cursorInvalidResult(request, read);
      const after = read.position ?? Number.NEGATIVE_INFINITY;
      const rest = app.rows.filter((row) => row.id > after);
      const data = rest.slice(0, limitOf(request));
      const last = data.at(-1);
      const next = last && rest.length > data.length ? await cursors.sign(last.id) : null;
      return { status: 200, body: { data, next } };
    }),
    listArchive: instrument('listArchive', (request) => {
      const offset = Number(request.query.offset ?? 0);
      return { status: 200, body: { data: app.rows.slice(offset, offset + limitOf(request)) } };
    }),
    listEvents: instrument('listEvents', (request) => {
      const page = Number(request.query.page ?? 1);
      const data = app.rows.slice((page - 1) * 50, page * 50);
      const more = page * 50 < app.rows.length;
      const headers: Record<string, string> = more
        ? { link: `</events?page=${page + 1}>; rel="next", </events?page=1>; rel="first"` }
        : {};
      return { status: 200, headers, body: data };
    }),
    createExport: instrument('createExport', async (request) => {
      const { rows } = request.body as { rows: number };
      const gate = app.exportGate;
      const operation = await tracker.start(async () => {
        started++;
        await gate;
        if (app.exportFails) throw new Error('disk full at /var/lib/exports (internal)');
        return { rows };
      });
      return operation.response;
    }),
    getOperation: instrument('getOperation', (request) =>
      tracker.statusResponse(String(request.path.operationId), request),
    ),
  };
  const core = server.createServer({ handlers, store });
  const running: RunningServer = await listenNode(createServer(server.toNodeHandler(core)));
  app.url = running.url;
  app.close = running.close;
  return app;
}
