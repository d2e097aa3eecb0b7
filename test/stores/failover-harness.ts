/**
 * The servers and the client of the failover tests: small HTTP servers on 127.0.0.1, each with its own
 * idempotency engine and its own store client (as separate processes would have), whose handler counts its
 * executions in a map of the test process (outside the store), and a client loop that sends one key until
 * it gets its outcome, recording every answer.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IdempotencyEngine } from '../../src/runtime/idempotency/engine.js';
import { createIdempotencyEngine } from '../../src/runtime/idempotency/engine.js';
import { requestToStoreKey } from '../../src/runtime/idempotency/scope.js';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import type { IdempotencyContract } from '../../src/runtime/idempotency/types.js';

export interface EngineEvent {
  server: number;
  hook: string;
  operation?: string;
  result?: string;
  /** A store error's message (its cause's, for `StoreUnavailableError`). */
  message?: string;
  at: number;
  storeKey: string;
}

function errorToMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

export interface FailoverServer {
  url: string;
  engine: IdempotencyEngine;
  close(): Promise<void>;
}

export const contract = (leaseMs: number): IdempotencyContract => ({
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 3_600_000,
  inProgressTimeoutMs: leaseMs,
  retryAfterMs: 200,
  fingerprint: ['method', 'path', 'body'],
  scope: ['principal'],
  concurrent: 'reject',
  replay: ['2XX'],
});

/** The store key of `key` under the contract's scope (anonymous principal). */
export const storeKeyOf = (key: string): Promise<string> =>
  requestToStoreKey({
    scope: ['principal'],
    key,
    principal: undefined,
    request: { method: 'POST', pathTemplate: '/' },
  });

export async function startFailoverServer(input: {
  index: number;
  store: IdempotencyStore;
  leaseMs: number;
  handlerMs: number;
  /** Executions per key, shared by all servers: the side effect, counted outside the store. */
  effects: Map<string, number>;
  /** Called on handler entry. */
  onExecute?: (key: string) => void;
  events: EngineEvent[];
}): Promise<FailoverServer> {
  const { index, store, effects, events } = input;
  const record =
    (hook: string) => (event: { storeKey: string; operation?: string; result?: string; error?: unknown }) =>
      events.push({
        server: index,
        hook,
        storeKey: event.storeKey,
        operation: event.operation,
        result: event.result,
        message: errorToMessage(event.error),
        at: Date.now(),
      });
  const engine = createIdempotencyEngine({
    store,
    hooks: {
      onStoreError: record('store-error'),
      onCompletionRetried: record('completion-retried'),
      onTakeOver: record('take-over'),
      onFencedCompletion: record('fenced'),
    },
  });
  const terms = contract(input.leaseMs);
  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', async () => {
      try {
        const body = JSON.parse(text) as { item: string };
        const result = await engine.runIdempotent({
          contract: terms,
          operationId: 'createOrder',
          request: { method: 'POST', pathTemplate: '/orders', headers: req.headers, body },
          execute: async () => {
            const key = String(req.headers['idempotency-key']);
            effects.set(key, (effects.get(key) ?? 0) + 1);
            input.onExecute?.(key);
            await new Promise((resolve) => setTimeout(resolve, input.handlerMs));
            return {
              status: 201,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ item: body.item, server: index, id: randomUUID() }),
            };
          },
        });
        if (result.kind === 'problem') {
          res.writeHead(result.status, { ...result.headers, 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: result.slug, detail: result.detail }));
          return;
        }
        const replayed = result.kind === 'replayed' ? { 'idempotent-replayed': 'true' } : {};
        res.writeHead(result.response.status, { ...result.response.headers, ...replayed });
        res.end(result.response.body);
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Answer {
  key: string;
  server: number;
  status: number;
  retryAfter: string | null;
  retryAfterMs: string | null;
  replayed: boolean;
  body: string;
  at: number;
  /** How long the answer took. */
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `key` (alternating between the servers) until it gets a 201, then `duplicates` more times, and
 * records every answer. 409 waits `retry-after-ms`, 503 (whose `Retry-After` is 1 s) waits 250 ms so that the test
 * stays short, anything else is recorded and retried after 250 ms. Gives up at `deadline`.
 */
export async function sendUntilDone(input: {
  urls: readonly string[];
  key: string;
  first: number;
  duplicates: number;
  deadline: number;
  answers: Answer[];
}): Promise<boolean> {
  const { urls, key, answers } = input;
  let done = 0;
  for (let attempt = 0; Date.now() < input.deadline; attempt++) {
    const server = (input.first + attempt) % urls.length;
    let answer: Answer;
    const sentAt = Date.now();
    try {
      const response = await fetch(`${urls[server]}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ item: key }),
        signal: AbortSignal.timeout(10_000),
      });
      answer = {
        key,
        server,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        retryAfterMs: response.headers.get('retry-after-ms'),
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: await response.text(),
        at: Date.now(),
        ms: Date.now() - sentAt,
      };
    } catch (error) {
      answer = {
        key,
        server,
        status: 0,
        retryAfter: null,
        retryAfterMs: null,
        replayed: false,
        body: String(error),
        at: Date.now(),
        ms: Date.now() - sentAt,
      };
    }
    answers.push(answer);
    if (answer.status === 201) {
      if (++done > input.duplicates) return true;
      continue;
    }
    if (answer.status === 409) await sleep(Math.max(50, Number(answer.retryAfterMs ?? 200)));
    else await sleep(250);
  }
  return false;
}
