/**
 * The steps a fault server's script is made of: drop the connection, or answer (possibly late) with a status,
 * headers and a JSON body. The builders name the faults the client must survive.
 */

export type FaultStep =
  | { kind: 'drop' }
  | {
      kind: 'respond';
      status: number;
      headers: Record<string, string>;
      body: unknown;
      contentType: string;
      /** Wait this long before answering (0: at once). */
      delayMs: number;
      /**
       * Send the head and the first half of the body, then `cut` the connection or wait this many ms
       * before the rest.
       */
      split?: 'cut' | number;
    };

type Respond = Extract<FaultStep, { kind: 'respond' }>;

/** The problem type base the scripted framework problems use; the client reads only the last segment. */
export const PROBLEM_BASE = 'https://problems.example.test/idemgen/';

/** Destroy the socket after reading the request, before any response byte. */
export const drop = (): FaultStep => ({ kind: 'drop' });

/** A bare status (no body) with the given headers, e.g. `status(503, { 'Retry-After': '0' })`. */
export const status = (code: number, headers: Record<string, string> = {}): Respond => ({
  kind: 'respond',
  status: code,
  headers,
  body: undefined,
  contentType: 'application/json',
  delayMs: 0,
});

/** A JSON success. */
export const ok = (code: number, body: unknown, headers: Record<string, string> = {}): Respond => ({
  ...status(code, headers),
  body,
});

/** An `application/problem+json` answer; `status` is filled in from `code`. */
export const problem = (
  code: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Respond => ({
  ...status(code, headers),
  body: { status: code, ...body },
  contentType: 'application/problem+json',
});

/** `step`, answered only after `ms` (past the attempt timeout, the client has given up by then). */
export const delay = (ms: number, step: Respond = ok(201, {})): Respond => ({ ...step, delayMs: ms });

/** `409 idempotency-request-in-progress` with `Retry-After` (seconds). */
export const inProgress = (retryAfter = '0'): Respond =>
  problem(
    409,
    {
      type: `${PROBLEM_BASE}idempotency-request-in-progress`,
      title: 'A request with this idempotency key is in progress',
    },
    { 'Retry-After': retryAfter },
  );

/** `422 idempotency-key-reused`. */
export const reused = (): Respond =>
  problem(422, {
    type: `${PROBLEM_BASE}idempotency-key-reused`,
    title: 'The idempotency key was used with a different request',
  });

/** The head and half of `step`'s body, then the connection is destroyed (the client loses the answer). */
export const cut = (step: Respond): Respond => ({ ...step, split: 'cut' });

/** The head and half of `step`'s body at once, the rest only after `ms`. */
export const slowBody = (ms: number, step: Respond): Respond => ({ ...step, split: ms });
