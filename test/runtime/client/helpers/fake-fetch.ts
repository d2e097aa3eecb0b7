import type { FetchLike } from '../../../../src/runtime/client/index.js';
import type { RetryPolicy } from '../../../../src/runtime/retry/index.js';

/** One scripted answer: a response to build, an error to throw, or `hang` (settles only on abort). */
export type Step =
  | { status: number; body?: unknown; headers?: Record<string, string>; text?: string }
  | { throws: unknown }
  | { hang: 'abortable' | 'forever' };

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fake `fetch` that answers with the steps in turn (the last one repeats) and records each request. */
export const scriptedFetch = (steps: Step[]): { fetch: FetchLike; calls: RecordedCall[] } => {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const step = steps[Math.min(calls.length, steps.length - 1)];
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    if (!step) throw new Error('no step scripted');
    if ('throws' in step) throw step.throws;
    if ('hang' in step) {
      return new Promise<Response>((_resolve, reject) => {
        if (step.hang === 'abortable')
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    const headers = new Headers(step.headers);
    let text = step.text;
    if (text === undefined && step.body !== undefined) {
      text = JSON.stringify(step.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    return new Response(text ?? null, { status: step.status, headers });
  };
  return { fetch, calls };
};

/** `application/problem+json` step. */
export const problem = (status: number, slug: string, headers: Record<string, string> = {}): Step => ({
  status,
  body: {
    type: `https://errors.example.test/problems/${slug}`,
    title: slug,
    status,
    detail: `because ${slug}`,
  },
  headers: { 'content-type': 'application/problem+json', ...headers },
});

/** A policy with deterministic backoff (no jitter, 100 ms doubling) unless overridden. */
export const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 3,
  backoff: { initialMs: 100, maxMs: 20_000, multiplier: 2, jitter: 'none' },
  maxElapsedMs: 60_000,
  attemptTimeoutMs: 30_000,
  retryOn: [408, 425, 429, 500, 502, 503, 504, 'network', 'timeout'],
  respectRetryAfter: true,
  ...overrides,
});
