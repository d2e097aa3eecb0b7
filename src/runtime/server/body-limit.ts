import { RequestBodyTooLargeError } from '../errors/index.js';

/** The request-body limit when neither the operation (`x-max-body-size`) nor the server sets one: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;
/** How deeply arrays and objects may nest in a JSON request body when the server does not say. */
export const DEFAULT_MAX_BODY_DEPTH = 64;

/** A positive safe integer, or a `TypeError` naming the option. */
export function checkLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** `Content-Length` as a number; `undefined` when absent or not a plain decimal. */
export function declaredBodyLength(headers: Readonly<Record<string, string>>): number | undefined {
  const value = headers['content-length'];
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Whether the request says it has a body: a non-zero `Content-Length`, or a `Transfer-Encoding`.
 * `length`: the `declaredBodyLength` when the caller has it already.
 */
export function declaresBody(
  headers: Readonly<Record<string, string>>,
  length: number | undefined = declaredBodyLength(headers),
): boolean {
  return (length !== undefined && length > 0) || headers['transfer-encoding'] !== undefined;
}

/** Joins chunks into one array (the chunk itself when there is one). */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A Web stream's bytes, read chunk by chunk: past `maxBytes`, reading stops, the stream is cancelled and
 * the promise rejects with `RequestBodyTooLargeError` (an unbounded `arrayBuffer()` would hold all of it).
 */
export async function readWebStream(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concatBytes(chunks, size);
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw new RequestBodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
}
