/** Web `Request`/`Response` to and from Node's `http` shapes (for custom Web handlers and `request.raw`). */
import type { NodeRequestLike, NodeResponseLike } from './node-types.js';

const textEncoder = new TextEncoder();
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/** The request stream as a Web stream, read only when the core reads the body. */
function streamOf(request: NodeRequestLike): ReadableStream<Uint8Array> {
  const iterator = request[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? textEncoder.encode(next.value) : next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A Web `Request` from a Node request; `signal` aborts when the client goes away. */
export function nodeToWebRequest(input: {
  request: NodeRequestLike;
  signal: AbortSignal;
  body?: Uint8Array | string | undefined;
}): Request {
  const { request } = input;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (typeof value === 'string') headers.set(name, value);
    else for (const item of value) headers.append(name, item);
  }
  const encrypted = (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted === true;
  const protocol = encrypted ? 'https' : 'http';
  const host = headers.get('host') ?? '';
  const origin = `${protocol}://${HOST.test(host) ? host : 'localhost'}`;
  // Concatenated, not resolved: a request target such as `//other.test/x` stays a path on this host.
  const target = request.url ?? '/';
  const url = new URL(`${origin}${target.startsWith('/') ? target : `/${target}`}`);
  const method = (request.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: input.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    if (input.body !== undefined) {
      headers.delete('content-length');
      init.body = typeof input.body === 'string' ? input.body : new Uint8Array(input.body);
    } else {
      init.body = streamOf(request);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

/** Writes a Web `Response` to a Node response (the whole body at once: the core's responses are small). */
export async function webToNodeResponse(input: {
  response: Response;
  target: NodeResponseLike;
}): Promise<void> {
  const { response, target } = input;
  target.statusCode = response.status;
  const cookies = response.headers.getSetCookie?.() ?? [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') target.setHeader(name, value);
  });
  if (cookies.length > 0) target.setHeader('set-cookie', cookies);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > 0 && !response.headers.has('content-length')) {
    target.setHeader('content-length', String(bytes.byteLength));
  }
  target.end(bytes);
}
