/**
 * Sends one probe over its own connection (no keep-alive pool, so that the fault proxy sees each request on
 * a connection of its own) and reads the whole answer. A network error is returned, not thrown.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ProbeRequest, ProbeResponse } from './types.js';

export type SendResult = { response: ProbeResponse } | { error: string };

export type Send = (input: { baseUrl: string; request: ProbeRequest }) => Promise<SendResult>;

/** The base URL's path prefix joined with the probe's target (`/v1` + `/payments`). */
export function probeUrl(baseUrl: string, target: string): URL {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${target}`, base.origin);
}

export function createSend(options: { timeoutMs: number }): Send {
  return ({ baseUrl, request }) =>
    new Promise<SendResult>((resolve) => {
      const url = probeUrl(baseUrl, request.target);
      const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const headers: Record<string, string> = { ...request.headers, connection: 'close' };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const outgoing = make(url, { method: request.method, headers, agent: false }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => resolve({ error: describeError(error) }));
        incoming.on('end', () => {
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            response: {
              status: incoming.statusCode ?? 0,
              headers: responseHeaders,
              body: Buffer.concat(chunks).toString('utf8'),
            },
          });
        });
      });
      outgoing.setTimeout(options.timeoutMs, () =>
        outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      );
      outgoing.on('error', (error) => resolve({ error: describeError(error) }));
      outgoing.end(request.body);
    });
}

function describeError(error: Error & { code?: string }): string {
  return error.code ? `${error.code}: ${error.message}` : error.message;
}
