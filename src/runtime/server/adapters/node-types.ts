/**
 * Node's `http` request and response, typed structurally (this file may be copied to projects that do not
 * have `@types/node`): `IncomingMessage` and `ServerResponse` fit.
 */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** 1 or 2. */
  readonly httpVersionMajor?: number;
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null;
  /** True once the body was read to its end (by a framework's parser, say). */
  readonly readableEnded?: boolean;
  /** Stream events; without `on`, the body is read through the async iterator. */
  on?(event: 'data' | 'end' | 'error' | 'close', listener: (chunk?: unknown) => void): unknown;
}

export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean;
  readonly writableFinished?: boolean;
  /** True once the connection closed (Node 18+); with `writableFinished` false, the client went away. */
  readonly closed?: boolean;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  once(event: 'close', listener: () => void): unknown;
}
