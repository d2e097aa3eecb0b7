/**
 * A duplicate in flight ends in the stored success: the generated client against the generated server
 * (fixtures/e2e-in-progress/openapi.yaml) over real sockets. The handler outlasts the client's first
 * attempt (it waits on a promise the test resolves); the retry with the same key meets it in flight, and
 * the call still ends with the handler's one success, on a later attempt.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { OperationCallOptions, OperationResult } from '../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions, FetchLike } from '../../src/runtime/client/types.js';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import type { MemoryStore } from '../../src/runtime/idempotency/stores/memory.js';
import type { RetryEvent } from '../../src/runtime/retry/types.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';
import { listenNode, type RunningServer } from './helpers/server-adapters.js';

const SPEC = resolve('fixtures/e2e-in-progress/openapi.yaml');

interface Job {
  id: string;
  name: string;
}
type OperationId = 'createJob' | 'createWaitingJob';
type Call = (
  client: Client,
  input: { body: { name: string } },
  options?: OperationCallOptions,
) => Promise<OperationResult<{ status: number; data: Job }, { kind: string; attempts: number }>>;

interface Generated {
  server: {
    createServer(
      options: Omit<ServerCoreOptions, 'routes' | 'handlers'> & { handlers: Record<OperationId, Handler> },
    ): ServerCore;
    toNodeHandler: typeof toNodeHandler;
    createMemoryStore(): MemoryStore;
  };
  client: { createClient(options: ClientOptions): Client } & Record<OperationId, Call>;
}

let outDir: string;
let api: Generated;
beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'e2e-in-progress-'));
  const result = await generate({ spec: SPEC, outDir, target: 'both', mode: 'write', checkSyntax: false });
  if (!result.emitted) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const importFrom = (file: string) => import(pathToFileURL(join(outDir, file)).href);
  api = {
    server: (await importFrom('server/index.ts')) as Generated['server'],
    client: (await importFrom('client/index.ts')) as Generated['client'],
  };
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A handler held at a gate the test opens: it counts its executions and ignores the request's abort. */
function gatedHandler(): { handler: Handler; open(): void; executions(): number } {
  let executions = 0;
  let open = () => {};
  const gate = new Promise<void>((resolveGate) => {
    open = resolveGate;
  });
  const handler: Handler = async (request) => {
    executions++;
    await gate;
    const { name } = request.body as { name: string };
    return { status: 201, body: { id: `job_${executions}`, name } };
  };
  return { handler, open: () => open(), executions: () => executions };
}

/** A memory store that tells the test each time a claim meets the first execution still in progress. */
function watchedStore(onInProgress: () => void): IdempotencyStore {
  const inner = api.server.createMemoryStore();
  return {
    claim: async (input) => {
      const result = await inner.claim(input);
      if (result.kind === 'in-progress') onInProgress();
      return result;
    },
    complete: (input) => inner.complete(input),
    release: (input) => inner.release(input),
    get: (key) => inner.get(key),
  };
}

/** A fetch that records the idempotency key and the status of every attempt. */
function recordingFetch(): { fetch: FetchLike; seen: { key: string | null; status: number | string }[] } {
  const seen: { key: string | null; status: number | string }[] = [];
  const fetchLike: FetchLike = async (input, init) => {
    const entry: { key: string | null; status: number | string } = {
      key: new Headers(init.headers).get('idempotency-key'),
      status: 'pending',
    };
    seen.push(entry);
    try {
      const response = await fetch(input, init);
      entry.status = response.status;
      return response;
    } catch (error) {
      entry.status = 'failed';
      throw error;
    }
  };
  return { fetch: fetchLike, seen };
}

describe('an attempt that times out while its handler runs ends with the stored success', () => {
  it('concurrent: reject — the client polls the 409 past maxAttempts (2) with the 100 ms hint', async () => {
    const job = gatedHandler();
    const core = api.server.createServer({
      handlers: { createJob: job.handler, createWaitingJob: job.handler },
    });
    running = await listenNode(createServer(api.server.toNodeHandler(core)));
    const recording = recordingFetch();
    const retries: RetryEvent[] = [];
    const client = api.client.createClient({
      baseUrl: running.url,
      fetch: recording.fetch,
      budget: undefined,
      hooks: {
        onRetry: (event) => {
          retries.push(event);
          // The retry met the first execution in flight: let it finish now.
          if (event.reason === 'in-progress') job.open();
        },
      },
    });

    const result = await api.client.createJob(client, { body: { name: 'nightly' } });

    if (!result.ok) throw new Error(`expected the stored success, got ${JSON.stringify(result.error)}`);
    expect(result.status).toBe(201);
    expect(result.data).toEqual({ id: 'job_1', name: 'nightly' });
    expect(result.headers.get('idempotent-replayed')).toBe('true');
    expect(job.executions()).toBe(1);
    // Timed out (attempt 1), in progress (attempt 2, the last that maxAttempts allows), then polled.
    expect(result.attempts).toBeGreaterThanOrEqual(3);
    expect(retries.slice(0, 2).map((r) => [r.reason, r.status])).toEqual([
      ['timeout', undefined],
      ['in-progress', 409],
    ]);
    for (const retry of retries.filter((r) => r.reason === 'in-progress')) expect(retry.delayMs).toBe(100);
    expect(recording.seen).toHaveLength(result.attempts);
    expect(recording.seen.map((s) => s.status)).toEqual([
      'failed',
      ...Array.from({ length: result.attempts - 2 }, () => 409),
      201,
    ]);
    expect(new Set(recording.seen.map((s) => s.key))).toEqual(new Set([result.idempotencyKey]));
  });

  it('concurrent: wait — the server holds the retry until the first finishes, then replays it', async () => {
    const job = gatedHandler();
    let heldClaims = 0;
    const core = api.server.createServer({
      handlers: { createJob: job.handler, createWaitingJob: job.handler },
      // The retry's claim met the first execution in flight (the server now holds it): let it finish.
      store: watchedStore(() => {
        if (++heldClaims === 1) job.open();
      }),
    });
    running = await listenNode(createServer(api.server.toNodeHandler(core)));
    const recording = recordingFetch();
    const retries: RetryEvent[] = [];
    const client = api.client.createClient({
      baseUrl: running.url,
      fetch: recording.fetch,
      budget: undefined,
      hooks: { onRetry: (event) => retries.push(event) },
    });

    const result = await api.client.createWaitingJob(client, { body: { name: 'weekly' } });

    if (!result.ok) throw new Error(`expected the stored success, got ${JSON.stringify(result.error)}`);
    expect(result.status).toBe(201);
    expect(result.data).toEqual({ id: 'job_1', name: 'weekly' });
    expect(result.headers.get('idempotent-replayed')).toBe('true');
    expect(job.executions()).toBe(1);
    expect(heldClaims).toBeGreaterThanOrEqual(1);
    expect(result.attempts).toBe(2);
    expect(retries.map((r) => r.reason)).toEqual(['timeout']);
    expect(recording.seen.map((s) => s.status)).toEqual(['failed', 201]);
    expect(new Set(recording.seen.map((s) => s.key))).toEqual(new Set([result.idempotencyKey]));
  });
});
