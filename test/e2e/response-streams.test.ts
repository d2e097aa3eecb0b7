/**
 * Issue 14: a download read as a stream (`responseAs: 'stream'`), over a socket on 127.0.0.1. The generated
 * client of fixtures/e2e-bodies (its `download` has a 1 s attempt timeout and one retry) against a hand-written
 * server that sends 5 MB in chunks and holds the last chunk until the test releases it.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ClientOptions } from '../../src/runtime/client/types.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import { generateBoth } from './helpers/generate-both.js';

const SPEC = resolve('fixtures/e2e-bodies/openapi.yaml');
const CHUNK = 64 * 1024;
const TOTAL = 5 * 1024 * 1024;

type Result =
  | { ok: true; status: number; data: unknown; attempts: number }
  | { ok: false; error: { kind: string; status?: number; body?: unknown } };
interface GeneratedClient {
  createClient(options: ClientOptions): Client;
  download(client: Client, input: unknown, options?: Record<string, unknown>): Promise<Result>;
}

/** Byte i of the download: a pattern, so a dropped or reordered chunk changes the digest. */
const payload = new Uint8Array(TOTAL).map((_, i) => (i * 31 + (i >> 16)) & 0xff);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let outDir: string;
let client: GeneratedClient;
let url: string;
let http: ReturnType<typeof createServer>;
/** Per request path: what the server does. */
let held: { release: () => void; closed: Promise<void> } | undefined;
let failuresLeft = 0;
let requests = 0;

/** Writes all but the last chunk, then waits for `held.release()`. */
function sendHeld(res: ServerResponse): void {
  let release = (): void => undefined;
  const released = new Promise<void>((done) => {
    release = done;
  });
  const closed = new Promise<void>((done) => res.on('close', () => done()));
  held = { release, closed };
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(TOTAL) });
  for (let at = 0; at < TOTAL - CHUNK; at += CHUNK) res.write(payload.subarray(at, at + CHUNK));
  void released.then(() => res.end(payload.subarray(TOTAL - CHUNK)));
}

beforeAll(async () => {
  outDir = await generateBoth(SPEC, 'response-streams-');
  client = (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as GeneratedClient;
  http = createServer((req, res) => {
    requests++;
    if (failuresLeft > 0) {
      failuresLeft--;
      res.writeHead(503, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }));
      return;
    }
    if (req.url === '/downloads/small') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(new Uint8Array([1, 2, 3]));
      return;
    }
    sendHeld(res);
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((done) => http.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { bytes, chunks: parts.length };
}

function streamOf(result: Result): ReadableStream<Uint8Array> {
  if (!result.ok) throw new Error(`expected a success, got ${result.error.kind}`);
  expect(result.data).toBeInstanceOf(ReadableStream);
  return result.data as ReadableStream<Uint8Array>;
}

describe("responseAs: 'stream'", () => {
  it('resolves before the server has sent the whole body, then reads 5 MB chunk by chunk', async () => {
    const api = client.createClient({ baseUrl: url });
    const result = await client.download(api, { path: { name: 'big' } }, { responseAs: 'stream' });
    // The server still holds the last chunk: a buffered body could not have resolved the call.
    expect(held).toBeDefined();
    const stream = streamOf(result);
    const reading = readAll(stream);
    held!.release();
    const { bytes, chunks } = await reading;
    expect(bytes.byteLength).toBe(TOTAL);
    expect(sha256(bytes)).toBe(sha256(payload));
    expect(chunks).toBeGreaterThan(1);
  });

  it('outlives the attempt timeout: the timer stops when the headers arrive', async () => {
    const clock = new FakeClock();
    const api = client.createClient({ baseUrl: url, clock });
    const result = await client.download(api, { path: { name: 'big' } }, { responseAs: 'stream' });
    const stream = streamOf(result);
    // No attempt timer is left, and time far past the 1 s attempt timeout does not abort the body.
    expect(clock.pendingCount).toBe(0);
    await clock.advance(60_000);
    const reading = readAll(stream);
    held!.release();
    expect(sha256((await reading).bytes)).toBe(sha256(payload));
  });

  it("the caller's signal still cancels the stream after the call resolved", async () => {
    const controller = new AbortController();
    const api = client.createClient({ baseUrl: url });
    const result = await client.download(
      api,
      { path: { name: 'big' } },
      { responseAs: 'stream', signal: controller.signal },
    );
    const reader = streamOf(result).getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort(new Error('enough'));
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'done';
      })(),
    ).rejects.toThrow('enough');
    // The socket's body is cancelled: the server sees the connection close without releasing.
    await held!.closed;
  });

  it('retries only before a 2XX: a 503 is read as an error and retried, then the body streams', async () => {
    failuresLeft = 1;
    const before = requests;
    const api = client.createClient({ baseUrl: url });
    const result = await client.download(api, { path: { name: 'small' } }, { responseAs: 'stream' });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 2 });
    expect([...(await readAll(streamOf(result))).bytes]).toEqual([1, 2, 3]);
    expect(requests - before).toBe(2);
  });

  it('without the option the body is read in full into a Blob', async () => {
    const api = client.createClient({ baseUrl: url });
    const result = await client.download(api, { path: { name: 'small' } });
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (result.data as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
  });
});
