/**
 * Long-running operations over real sockets (examples/paging.yaml): the generated server answers
 * `202` with `Location` and `Retry-After` from `createOperationTracker` (state in the dedup store), and the
 * generated client's `operation.wait()` polls it to the end. A submission whose `202` is lost is retried with
 * the same key, replayed, and polls the one operation; the deadline and a failed operation end `wait()`
 * with typed errors.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  isAbortedError,
  isDeadlineExceededError,
  isOperationFailedError,
} from '../../src/runtime/errors/guards.js';
import { type DropProxy, startDropProxy } from '../e2e/helpers/server-drop-proxy.js';
import {
  generatePaging,
  type PagingApp,
  type PagingOutput,
  startPagingApp,
} from '../pagination/helpers/paging-app.js';

let output: PagingOutput;
let app: PagingApp | undefined;
let proxy: DropProxy | undefined;
beforeAll(async () => {
  output = await generatePaging('long-running');
}, 120_000);
afterAll(() => rmSync(output.outDir, { recursive: true, force: true }));
afterEach(async () => {
  await proxy?.close();
  await app?.close();
  proxy = undefined;
  app = undefined;
});

/** A gate the export's work waits at, released after `polls` status requests. */
function gateAfterPolls(running: PagingApp, polls: number): void {
  let release: () => void = () => {};
  running.exportGate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fault = running.fault;
  running.fault = (operationId, request) => {
    if (operationId === 'getOperation' && (running.seen.get('getOperation')?.length ?? 0) >= polls) release();
    return fault?.(operationId, request);
  };
}

describe('x-long-running, generated client and server', () => {
  it('retries a submission whose 202 was lost and polls the one operation to its end', async () => {
    app = await startPagingApp(output, { rows: 0 });
    gateAfterPolls(app, 2);
    proxy = await startDropProxy({ targetUrl: app.url, drop: 1 });
    const retries: string[] = [];
    const client = output.client.createClient({
      baseUrl: proxy.url,
      hooks: { onRetry: (event) => retries.push(event.reason) },
    });

    const submitted = await output.client.createExport(client, { body: { rows: 3 } });

    if (!submitted.ok) throw new Error(`submission failed: ${submitted.error.kind}`);
    expect(retries).toEqual(['network']);
    expect(proxy.dropped()).toBe(1);
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('idempotent-replayed')).toBe('true');
    expect(app.exportsStarted()).toBe(1);
    const id = submitted.data.id;
    expect(submitted.operation.statusUrl).toBe(`${proxy.url}/operations/${id}`);

    const states: (string | undefined)[] = [];
    const done = await submitted.operation.wait({ onPoll: ({ state }) => states.push(state) });

    expect(done).toEqual({ ok: true, data: { rows: 3 }, state: 'succeeded', polls: states.length });
    expect(states.at(-1)).toBe('succeeded');
    expect(states.slice(0, -1).every((s) => s === 'running')).toBe(true);
    const polled = (app.seen.get('getOperation') ?? []).length;
    expect(polled).toBe(states.length);
    expect(app.exportsStarted()).toBe(1);
    expect(app.seen.get('createExport')).toHaveLength(1); // the retry was replayed, the handler ran once
    expect(await app.tracker.status(id)).toEqual({ id, status: 'succeeded', result: { rows: 3 } });
  }, 120_000);

  it('ends wait() at the deadline with a DeadlineExceededError', async () => {
    app = await startPagingApp(output, { rows: 0 });
    app.exportGate = new Promise<void>(() => {}); // never finishes
    const client = output.client.createClient({ baseUrl: app.url });
    const submitted = await output.client.createExport(client, { body: { rows: 1 } });
    if (!submitted.ok) throw new Error(`submission failed: ${submitted.error.kind}`);

    // The server's Retry-After is 1 s: past a 300 ms deadline, so the first wait already cannot fit.
    const done = await submitted.operation.wait({ maxWaitMs: 300 });

    expect(done.ok).toBe(false);
    if (done.ok) return;
    expect(isDeadlineExceededError(done.error)).toBe(true);
    expect(done.error).toMatchObject({ kind: 'deadline-exceeded', maxElapsedMs: 300, retryAfterMs: 1000 });
    expect(app.seen.get('getOperation')).toBeUndefined();
  }, 120_000);

  it('ends wait() with an OperationFailedError when the work fails, leaking nothing internal', async () => {
    app = await startPagingApp(output, { rows: 0 });
    app.exportFails = true;
    gateAfterPolls(app, 1);
    const client = output.client.createClient({ baseUrl: app.url });
    const submitted = await output.client.createExport(client, { body: { rows: 1 } });
    if (!submitted.ok) throw new Error(`submission failed: ${submitted.error.kind}`);

    const done = await submitted.operation.wait();

    expect(done.ok).toBe(false);
    if (done.ok) return;
    expect(isOperationFailedError(done.error)).toBe(true);
    expect(done.error).toMatchObject({ kind: 'operation-failed', state: 'failed' });
    expect(JSON.stringify((done.error as { body?: unknown }).body)).not.toMatch(/disk full|var\/lib/);
  }, 120_000);

  it("stops polling at the caller's signal", async () => {
    app = await startPagingApp(output, { rows: 0 });
    app.exportGate = new Promise<void>(() => {});
    const client = output.client.createClient({ baseUrl: app.url });
    const submitted = await output.client.createExport(client, { body: { rows: 1 } });
    if (!submitted.ok) throw new Error(`submission failed: ${submitted.error.kind}`);
    const controller = new AbortController();
    const waiting = submitted.operation.wait({ signal: controller.signal });
    controller.abort(new Error('shutting down'));
    const done = await waiting;
    expect(done.ok).toBe(false);
    if (!done.ok) expect(isAbortedError(done.error)).toBe(true);
  }, 120_000);
});
