/**
 * Fetches a document over http(s) with its size limited while reading (a declared Content-Length over the
 * limit is refused before reading) and redirects followed by hand, at most `MAX_REDIRECTS` hops, each hop
 * checked by `allowHop` before it is requested.
 */

import { type LimitedRead, tooLarge } from './read-file-limited.js';
import { REF_HINTS, type ReadFailure } from './ref-refusal.js';

export const MAX_REDIRECTS = 5;
/** Per request, headers and body. */
const TIMEOUT_MS = 60_000;

export async function fetchLimited(options: {
  url: string;
  display: string;
  maxBytes: number;
  /** Checked for every URL requested after the first; default: any http(s) URL. */
  allowHop?: (url: URL) => boolean;
}): Promise<LimitedRead> {
  const { display, maxBytes, allowHop } = options;
  const fail = (message: string): { failure: ReadFailure } => ({
    failure: {
      code: 'url-fetch-failed',
      message: `fetching ${display} failed: ${message}`,
      hint: 'Check the URL and the network, or download the spec and pass the file.',
    },
  });
  let url = new URL(options.url);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return fail(cause ?? (error as Error).message);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      if (hop === MAX_REDIRECTS) return fail(`more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return fail(`redirected to an invalid URL: ${location}`);
      }
      const allowed = (next.protocol === 'http:' || next.protocol === 'https:') && (allowHop?.(next) ?? true);
      if (!allowed) {
        return {
          failure: {
            code: 'ref-remote-not-allowed',
            message: `${display} redirects to ${next.href}, on host ${next.host}, which may not be fetched`,
            hint: REF_HINTS.remote,
          },
        };
      }
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail(`HTTP ${response.status} ${response.statusText}`);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { failure: tooLarge(display, maxBytes) };
    }
    try {
      const bytes = await readBody(response, maxBytes);
      if (bytes === undefined) return { failure: tooLarge(display, maxBytes) };
      return { text: new TextDecoder().decode(bytes) };
    } catch (error) {
      return fail((error as Error).message);
    }
  }
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}
