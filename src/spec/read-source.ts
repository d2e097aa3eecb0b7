/**
 * Reads the text of a spec source: a file path, `-` for stdin, or an http(s) URL.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostics.js';

export type ReadSourceResult =
  | { text: string; diagnostic?: undefined }
  | { text?: undefined; diagnostic: Diagnostic };

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(options: {
  /** Absolute path or URL. */
  id: string;
  /** Name for diagnostics. */
  display: string;
  stdin?: NodeJS.ReadableStream;
}): Promise<ReadSourceResult> {
  const { id, display, stdin } = options;
  if (stdin) return { text: stripBom(await readStream(stdin)) };
  if (isUrl(id)) return fetchText(id, display);
  try {
    return { text: stripBom(await readFile(id, 'utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    return {
      diagnostic: {
        code: missing ? 'file-not-found' : 'file-unreadable',
        severity: 'error',
        message: missing
          ? `file not found: ${display}`
          : `cannot read ${display}: ${(error as Error).message}`,
        pointer: '',
        file: display,
        hint: missing ? 'Check the path; relative paths resolve against the current directory.' : undefined,
      },
    };
  }
}

async function fetchText(url: string, display: string): Promise<ReadSourceResult> {
  const fail = (message: string): ReadSourceResult => ({
    diagnostic: {
      code: 'url-fetch-failed',
      severity: 'error',
      message,
      pointer: '',
      file: display,
      hint: 'Check the URL and the network, or download the spec and pass the file.',
    },
  });
  try {
    const response = await fetch(url, { redirect: 'follow' });
    if (!response.ok)
      return fail(`fetching ${display} failed: HTTP ${response.status} ${response.statusText}`);
    return { text: stripBom(await response.text()) };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return fail(`fetching ${display} failed: ${cause ?? (error as Error).message}`);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
