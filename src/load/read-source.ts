/**
 * Reads the text of a spec source: a file path, `-` for stdin, or an http(s) URL, never more than `maxBytes`
 * of it. Files must be regular files; URLs are fetched with redirects checked hop by hop (`allowHop`).
 */
import { fetchLimited } from './fetch-limited.js';
import { isUrl } from './is-url.js';
import { readFileLimited, tooLarge } from './read-file-limited.js';
import type { ReadFailure } from './ref-refusal.js';

export type ReadSourceResult =
  | { text: string; failure?: undefined }
  | { text?: undefined; failure: ReadFailure };

export async function readSource(options: {
  /** Absolute path or URL. */
  id: string;
  /** Name for diagnostics. */
  display: string;
  stdin?: NodeJS.ReadableStream;
  maxBytes: number;
  /** For a file: the real path of the tree it must be inside. */
  root?: string;
  /** For a URL: whether a redirect may go there. */
  allowHop?: (url: URL) => boolean;
}): Promise<ReadSourceResult> {
  const { id, display, stdin, maxBytes } = options;
  const read = stdin
    ? await readStream(stdin, display, maxBytes)
    : isUrl(id)
      ? await fetchLimited({ url: id, display, maxBytes, allowHop: options.allowHop })
      : await readFileLimited({ path: id, display, maxBytes, root: options.root });
  if (read.failure) return { failure: read.failure };
  return { ...read, text: stripBom(read.text) };
}

async function readStream(
  stream: NodeJS.ReadableStream,
  display: string,
  maxBytes: number,
): Promise<{ text: string; failure?: undefined } | { text?: undefined; failure: ReadFailure }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += bytes.length;
    if (length > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      return { failure: tooLarge(display, maxBytes) };
    }
    chunks.push(bytes);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
