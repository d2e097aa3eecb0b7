/**
 * Fuzz helper: HTTP/1.1 requests written byte for byte to a socket on 127.0.0.1, so that what reaches the
 * Node adapter is what a hostile client sends: request targets with dot segments, raw and broken
 * percent-encoding, `*` and absolute form, repeated headers, any method token. The answer is read to the end
 * (`Connection: close`) and returned as a Web `Response`.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { FuzzBody } from './server-requests.js';

const RAW_SEGMENTS = [
  'orders',
  'search',
  'notes',
  'items',
  'caf%C3%A9',
  'café',
  '..',
  '.',
  '%2e%2e',
  '%2E',
  '',
  '%',
  '%zz',
  '%00',
  '1',
  '42',
  'constructor',
  '__proto__',
  '%2F',
  ';x',
  'a b'.replace(' ', '%20'),
];

export const rawTargetArb = fc.oneof(
  fc
    .tuple(
      fc.array(fc.constantFrom(...RAW_SEGMENTS), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(
        '',
        '?q=a',
        '?q=%ZZ',
        '?constructor=1&q=x',
        '?q=a&q=b&limit=1e3',
        '?__proto__[x]=1&q=1',
        '?&&=&q',
      ),
    )
    .map(([segments, query]) => `/${segments.join('/')}${query}`),
  fc.constantFrom(
    '*',
    'http://api.test/orders/1',
    '//orders/1',
    '/orders/1#frag',
    '/orders/1?',
    '/./search?q=1',
    '/items/x/../../orders/7',
  ),
);

export interface RawRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body: FuzzBody;
}

/** A Web `Response` from the bytes of an HTTP/1.1 answer (a chunked body is de-chunked). */
function parseResponse(bytes: Buffer): Response | undefined {
  const split = bytes.indexOf('\r\n\r\n');
  if (split === -1) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  let body = bytes.subarray(split + 4);
  if (headers.get('transfer-encoding') === 'chunked') {
    const chunks: Buffer[] = [];
    for (let at = 0; at < body.length; ) {
      const end = body.indexOf('\r\n', at);
      const size = Number.parseInt(body.subarray(at, end).toString('latin1'), 16);
      if (!(size > 0)) break;
      chunks.push(body.subarray(end + 2, end + 2 + size));
      at = end + 2 + size + 2;
    }
    body = Buffer.concat(chunks);
  }
  const empty = status === 204 || status === 304 || body.length === 0;
  return new Response(empty ? null : new Uint8Array(body), { status, headers });
}

/** Writes the request, reads the answer to the end; `undefined` if the peer answered nothing parseable. */
export function sendRaw(port: number, request: RawRequest): Promise<Response | undefined> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const head = [
    `${request.method} ${request.target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`Content-Length: ${body.length}`] : []),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(Buffer.from(head, 'latin1'));
      if (body) socket.write(body);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close as soon as it has answered (a 413 before the body): keep what was answered.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE')
        resolve(parseResponse(Buffer.concat(chunks)));
      else reject(error);
    });
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
  });
}
