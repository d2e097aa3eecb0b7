/**
 * Issue 14: request and response bodies of every media type the spec declares (fixtures/e2e-bodies), end to
 * end over a socket on 127.0.0.1: the generated client against the generated server, and the generated
 * server against requests written by hand with `fetch`. Handlers echo what they received, so a dropped or
 * mangled body fails the test.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Client, ClientOptions } from '../../src/runtime/client/types.js';
import type { toNodeHandler } from '../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../src/runtime/server/types.js';

const SPEC = resolve('fixtures/e2e-bodies/openapi.yaml');

type Result =
  | { ok: true; status: number; data: unknown }
  | { ok: false; error: { kind: string; status?: number; body?: unknown } };
type Call = (client: Client, input: Record<string, unknown>) => Promise<Result>;

interface GeneratedServer {
  createServer(options: Omit<ServerCoreOptions, 'routes'>): ServerCore;
  toNodeHandler: typeof toNodeHandler;
}
interface GeneratedClient {
  createClient(options: ClientOptions): Client;
  createCharge: Call;
  uploadFile: Call;
  putBlob: Call;
  createNote: Call;
  download: Call;
}

let outDir: string;
let server: GeneratedServer;
let client: GeneratedClient;
let url: string;
let close: () => Promise<void>;
let executions = 0;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Echoes the body with each value's type, files as name, type, size and digest. */
async function describeValue(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const bytes = new Uint8Array(await value.arrayBuffer());
    return { file: value instanceof File ? value.name : '', type: value.type, sha256: sha256(bytes) };
  }
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return Promise.all(value.map(describeValue));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await describeValue(item);
    return out;
  }
  return value;
}

const echo: Handler = async (request) => {
  executions++;
  return {
    status: 200,
    body: { contentType: request.headers['content-type'], body: await describeValue(request.body) },
  };
};

async function listen(options: Partial<ServerCoreOptions> = {}) {
  const core = server.createServer({
    handlers: {
      createCharge: echo,
      uploadFile: echo,
      putBlob: echo,
      createNote: (request) => ({
        status: 200,
        body: `note: ${String(request.body)}`,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      }),
      download: (request) => ({
        status: 200,
        body: new Uint8Array([0, 1, 2, 254, 255, String(request.path.name).length]),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    ...options,
  });
  const http = createHttpServer(server.toNodeHandler(core));
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        http.closeAllConnections();
        http.close(() => done());
      }),
  };
}

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'request-bodies-'));
  const result = await generate({ spec: SPEC, outDir, mode: 'write', target: 'both' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  server = (await import(pathToFileURL(join(outDir, 'server/index.ts')).href)) as GeneratedServer;
  client = (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as GeneratedClient;
  ({ url, close } = await listen());
}, 120_000);
afterAll(async () => {
  await close();
  rmSync(outDir, { recursive: true, force: true });
});

/** A client whose fetch records what it sends. */
function recordingClient() {
  const sent: { body: unknown; contentType: string | null }[] = [];
  const api = client.createClient({
    baseUrl: url,
    fetch: (input, init) => {
      sent.push({ body: init.body, contentType: new Headers(init.headers).get('content-type') });
      return fetch(input, init);
    },
  });
  return { api, sent };
}

const charge = {
  amount: 2000,
  currency: 'usd',
  capture: false,
  tags: ['a', 'b'],
  metadata: { order_id: '6735', 'a b&c': 'x=y' },
  items: [{ price: 'price_1', quantity: 2 }, { price: 'price_2' }],
};
const chargeSeen = { ...charge };

const formPost = (path: string, body: string, key: string) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
    body,
  });

describe('application/x-www-form-urlencoded', () => {
  it('the client sends an object in bracket notation; the server parses, coerces and validates it', async () => {
    const { api, sent } = recordingClient();
    const result = await client.createCharge(api, { body: charge });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(String(sent[0]!.body)).toBe(
      'amount=2000&currency=usd&capture=false&tags=a%2Cb&metadata%5Border_id%5D=6735&metadata%5Ba+b%26c%5D=x%3Dy' +
        '&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=price_2',
    );
    // Numbers and booleans as the schema says, nested objects and arrays rebuilt.
    expect((result as { data: unknown }).data).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      body: chargeSeen,
    });
  });

  it('the caller picks JSON with the typed contentType option; the handler sees the same body', async () => {
    const { api, sent } = recordingClient();
    const result = await client.createCharge(api, { body: charge, contentType: 'application/json' });
    expect(sent[0]!.contentType).toBe('application/json');
    expect(JSON.parse(String(sent[0]!.body))).toEqual(charge);
    expect((result as { data: unknown }).data).toEqual({ contentType: 'application/json', body: chargeSeen });
  });

  it('a URLSearchParams is sent as the form it is, never as JSON `{}`', async () => {
    const { api, sent } = recordingClient();
    const params = new URLSearchParams({ amount: '5', currency: 'eur' });
    const result = await client.createCharge(api, { body: params });
    expect(String(sent[0]!.body)).toBe('amount=5&currency=eur');
    expect((result as { data: unknown }).data).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      body: { amount: 5, currency: 'eur' },
    });
  });

  it('a body that cannot be sent as the declared type throws before anything is sent', async () => {
    const { api, sent } = recordingClient();
    await expect(
      client.createCharge(api, {
        body: new URLSearchParams({ amount: '5' }),
        contentType: 'application/json',
      }),
    ).rejects.toThrow(/cannot send a URLSearchParams as application\/json/);
    await expect(client.createCharge(api, { body: charge, contentType: 'application/xml' })).rejects.toThrow(
      /contentType application\/xml is not declared/,
    );
    await expect(client.createCharge(api, { body: { ...charge, file: new Blob(['x']) } })).rejects.toThrow(
      /field file is a file; files need multipart\/form-data/,
    );
    await expect(client.createNote(api, { body: { text: 'x' } })).rejects.toThrow(
      /as text\/plain: pass a string/,
    );
    expect(sent).toHaveLength(0);
  });

  it('by hand: a wrong-typed or unknown field is 400 with its pointer, and the handler does not run', async () => {
    const before = executions;
    const response = await formPost(
      '/charges',
      'amount=abc&currency=usd&items[0][quantity]=x&color=red',
      'k-bad',
    );
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { pointer: string; message: string }[] };
    expect(errors.map((e) => e.pointer).sort()).toEqual([
      '/body/amount',
      '/body/color',
      '/body/items/0/price',
      '/body/items/0/quantity',
    ]);
    expect(errors.find((e) => e.pointer === '/body/amount')!.message).toBe('must be integer');
    const mixed = await formPost('/charges', 'amount=1&currency=usd&metadata=x&metadata[a]=b', 'k-mixed');
    expect(mixed.status).toBe(400);
    expect(((await mixed.json()) as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/metadata', message: 'is sent both as a value and with fields' },
    ]);
    expect(executions).toBe(before);
  });

  it('by hand: the fingerprint is canonical (field order does not count), a changed value is 422', async () => {
    const first = await formPost('/charges', 'amount=10&currency=usd&metadata[a]=1&metadata[b]=2', 'k-order');
    expect(first.status).toBe(200);
    const before = executions;
    const reordered = await formPost(
      '/charges',
      'metadata[b]=2&currency=usd&metadata[a]=1&amount=10',
      'k-order',
    );
    expect(reordered.status).toBe(200);
    expect(await reordered.json()).toEqual(await first.json());
    expect(executions).toBe(before);
    const changed = await formPost(
      '/charges',
      'amount=10&currency=usd&metadata[a]=1&metadata[b]=3',
      'k-order',
    );
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { type: string }).type).toMatch(/idempotency-key-reused$/);
    expect(executions).toBe(before);
  });

  it('by hand: an undeclared media type is 415 listing the accepted ones', async () => {
    const response = await fetch(`${url}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'k-415' },
      body: 'amount=1',
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('accept')).toBe('application/x-www-form-urlencoded, application/json');
    expect(((await response.json()) as { accepted: string[] }).accepted).toEqual([
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
  });
});

describe('multipart/form-data', () => {
  const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
  const pdf = new Uint8Array([37, 80, 68, 70]);

  it('the client sends fields and files; the handler gets coerced fields and File objects', async () => {
    const { api, sent } = recordingClient();
    const result = await client.uploadFile(api, {
      body: {
        purpose: 'avatar',
        pages: 3,
        file: new File([png], 'me.png', { type: 'image/png' }),
        attachments: [new File([pdf], 'a.pdf', { type: 'application/pdf' })],
      },
    });
    expect(sent[0]!.body).toBeInstanceOf(FormData);
    // fetch writes the multipart content-type with its boundary.
    expect(sent[0]!.contentType).toBeNull();
    const data = (result as { data: { contentType: string; body: unknown } }).data;
    expect(data.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(data.body).toEqual({
      purpose: 'avatar',
      pages: 3,
      file: { file: 'me.png', type: 'image/png', sha256: sha256(png) },
      attachments: [{ file: 'a.pdf', type: 'application/pdf', sha256: sha256(pdf) }],
    });
  });

  const multipart = (fields: Record<string, string | File>, key: string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return fetch(`${url}/files`, { method: 'POST', headers: { 'idempotency-key': key }, body: form });
  };

  it('by hand: a wrong-typed field and a missing file are 400 with their pointers', async () => {
    const before = executions;
    const response = await multipart({ purpose: 'selfie', pages: 'many' }, 'm-bad');
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { pointer: string; message: string }[] };
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/file', message: 'is required' },
        expect.objectContaining({ pointer: '/body/purpose' }),
        { pointer: '/body/pages', message: 'must be integer' },
      ]),
    );
    expect(executions).toBe(before);
  });

  it('an object property is one application/json part; the handler gets the object itself', async () => {
    const meta = { label: 'café "x"', size: 12, tags: ['a', 'b'] };
    const { api, sent } = recordingClient();
    const result = await client.uploadFile(api, {
      body: { purpose: 'avatar', file: new File([png], 'me.png', { type: 'image/png' }), meta },
    });
    // The raw multipart the client sent: one part named meta, typed application/json, holding the JSON.
    const raw = await new Request('http://x/', { method: 'POST', body: sent[0]!.body as FormData }).text();
    const part = raw.split(/\r\n--/).find((chunk) => chunk.includes('name="meta"'));
    expect(part).toBeDefined();
    const [head, content] = part!.split('\r\n\r\n');
    expect(head).toMatch(/content-type: application\/json/i);
    expect(head).not.toMatch(/filename=/);
    expect(JSON.parse(content!)).toEqual(meta);
    expect(raw).not.toMatch(/name="meta\[/);
    const data = (result as { data: { body: { meta: unknown } } }).data;
    expect(data.body.meta).toEqual(meta);
  });

  it('by hand: a JSON part sent as a string or as a file is parsed; a wrong-typed field is 400 at its pointer', async () => {
    const send = (meta: string | Blob, key: string) => {
      const form = new FormData();
      form.append('purpose', 'avatar');
      form.append('file', new File([png], 'me.png', { type: 'image/png' }));
      form.append('meta', meta);
      return fetch(`${url}/files`, { method: 'POST', headers: { 'idempotency-key': key }, body: form });
    };
    const asFile = await send(new Blob(['{"label":"l","size":"7"}'], { type: 'application/json' }), 'm-j1');
    expect(asFile.status).toBe(200);
    // Coerced as the validators coerce form fields: "7" -> 7.
    expect(((await asFile.json()) as { body: { meta: unknown } }).body.meta).toEqual({ label: 'l', size: 7 });
    const before = executions;
    const bad = await send('{"label":"l","size":"big"}', 'm-j2');
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { pointer: string; message: string }[] };
    expect(errors).toEqual([{ pointer: '/body/meta/size', message: 'must be integer' }]);
    const broken = await send('{"label":', 'm-j3');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/meta', message: 'is not valid JSON' },
    ]);
    expect(executions).toBe(before);
  });

  it("by hand: the fingerprint covers the file's bytes", async () => {
    const file = (bytes: Uint8Array<ArrayBuffer>) => new File([bytes], 'me.png', { type: 'image/png' });
    expect((await multipart({ purpose: 'avatar', file: file(png) }, 'm-fp')).status).toBe(200);
    const before = executions;
    const same = await multipart({ file: file(png), purpose: 'avatar' }, 'm-fp');
    expect(same.status).toBe(200);
    expect(executions).toBe(before);
    const other = await multipart({ purpose: 'avatar', file: file(new Uint8Array([...png, 0])) }, 'm-fp');
    expect(other.status).toBe(422);
    expect(executions).toBe(before);
  });
});

describe('application/octet-stream and text/plain', () => {
  it('the client sends bytes; the handler gets exactly those bytes', async () => {
    const { api, sent } = recordingClient();
    const result = await client.putBlob(api, { body: new Uint8Array([0, 1, 2, 255]) });
    expect(sent[0]!.contentType).toBe('application/octet-stream');
    expect((result as { data: unknown }).data).toEqual({
      contentType: 'application/octet-stream',
      body: { bytes: [0, 1, 2, 255] },
    });
    const blob = await client.putBlob(api, { body: new Blob([new Uint8Array([9, 8])]) });
    expect((blob as { data: unknown }).data).toMatchObject({ body: { bytes: [9, 8] } });
  });

  it('by hand: bytes reach the handler; a JSON content type is 415', async () => {
    const bytes = await fetch(`${url}/blobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([7, 0, 7]),
    });
    expect(await bytes.json()).toEqual({
      contentType: 'application/octet-stream',
      body: { bytes: [7, 0, 7] },
    });
    const json = await fetch(`${url}/blobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  it('text goes as a string both ways (client and by hand)', async () => {
    const { api, sent } = recordingClient();
    const result = await client.createNote(api, { body: 'héllo wörld' });
    expect(sent[0]!.contentType).toBe('text/plain');
    expect(result).toMatchObject({ ok: true, data: 'note: héllo wörld' });
    const byHand = await fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'by hand',
    });
    expect(await byHand.text()).toBe('note: by hand');
  });

  it('a binary download is a Blob, readable as a stream', async () => {
    const result = await client.download(client.createClient({ baseUrl: url }), { path: { name: 'abc' } });
    const data = (result as { data: unknown }).data;
    expect(data).toBeInstanceOf(Blob);
    const reader = (data as Blob).stream().getReader();
    const chunks: number[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(...read.value);
    expect(chunks).toEqual([0, 1, 2, 254, 255, 3]);
  });
});

describe('body limits apply to every media type', () => {
  it('an oversized form or multipart body is 413, with and without Content-Length', async () => {
    const small = await listen({ maxBodyBytes: 1024 });
    try {
      const before = executions;
      const big = `amount=1&currency=usd&metadata[x]=${'y'.repeat(2000)}`;
      const form = await fetch(`${small.url}/charges`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'big-1' },
        body: big,
      });
      expect(form.status).toBe(413);
      const data = new FormData();
      data.append('purpose', 'avatar');
      data.append('file', new File([new Uint8Array(4096)], 'big.bin'));
      const multipart = await fetch(`${small.url}/files`, {
        method: 'POST',
        headers: { 'idempotency-key': 'big-2' },
        body: data,
      });
      expect(multipart.status).toBe(413);
      // Streamed (no Content-Length): refused while reading, before the platform's form parser runs.
      const request = new Request(`${small.url}/files`, { method: 'POST', body: data });
      const streamed = await fetch(`${small.url}/files`, {
        method: 'POST',
        headers: { 'content-type': request.headers.get('content-type')!, 'idempotency-key': 'big-3' },
        body: request.body,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(executions).toBe(before);
    } finally {
      await small.close();
    }
  });
});
