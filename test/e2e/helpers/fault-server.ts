/**
 * A `node:http` server on 127.0.0.1 whose answers are scripted by request number: the first request gets
 * `script[0]`, the second `script[1]`, and every request past the script gets `otherwise`. It records every
 * request it reads (method, url, headers, body, arrival time) before acting, so a dropped request is recorded
 * too. `close()` destroys every open socket and cancels delayed answers, so nothing outlives a test.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type FaultStep, ok } from './fault-steps.js';

export interface RecordedRequest {
  /** 1-based request number. */
  n: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  requestId: string | undefined;
  body: string;
  /** `performance.now()` when the request body had been read. */
  at: number;
}

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  /** Resolves once `count` requests have been read (at once if they already have). */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  script: readonly FaultStep[];
  /** The answer to requests past the script (default: `ok(201, {})`). */
  otherwise?: FaultStep;
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export async function startFaultServer({
  script,
  otherwise = ok(201, {}),
}: FaultServerOptions): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const wakeWaiters = (): void => {
    for (const waiter of [...waiters]) {
      if (requests.length < waiter.count) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const respond = (res: ServerResponse, step: Exclude<FaultStep, { kind: 'drop' }>): void => {
    if (res.destroyed || res.writableEnded) return;
    const payload = step.body === undefined ? '' : JSON.stringify(step.body);
    const headers: Record<string, string> = { ...step.headers };
    if (payload !== '') headers['content-type'] = step.contentType;
    if (step.split === undefined) {
      res.writeHead(step.status, headers).end(payload);
      return;
    }
    const half = Math.floor(payload.length / 2);
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(step.status, headers);
    res.write(payload.slice(0, half), () => {
      if (step.split === 'cut') {
        res.socket?.destroy();
        return;
      }
      later(step.split ?? 0, () => {
        if (!res.destroyed) res.end(payload.slice(half));
      });
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const n = requests.length + 1;
    requests.push({
      n,
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      idempotencyKey: single(req.headers['idempotency-key']),
      requestId: single(req.headers['x-request-id']),
      body,
      at: performance.now(),
    });
    wakeWaiters();
    const step = script[n - 1] ?? otherwise;
    if (step.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (step.delayMs === 0) {
      respond(res, step);
      return;
    }
    later(step.delayMs, () => respond(res, step));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitForRequests: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        wakeWaiters();
      }),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
