/** The policy and contract in words, and the error table's retry column, on a spec that uses every knob. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { buildReference, type ReferenceOperation } from '../../src/reference/build-reference.js';
import { durationToText } from '../../src/reference/duration-text.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function operations(spec: string): Promise<Map<string, ReferenceOperation>> {
  const result = await lint({ spec, cwd: ROOT });
  if (!result.model) throw new Error('unusable spec');
  const site = buildReference({ model: result.model, diagnostics: result.diagnostics, source: spec });
  return new Map(site.operations.map((op) => [op.id, op]));
}

describe('the reference in words', () => {
  it('describes decorrelated jitter, ignored Retry-After, the budget, and timeouts not retried', async () => {
    const startJob = (await operations('fixtures/reference-rich/openapi.yaml')).get('startJob');
    expect(startJob?.retry).toEqual([
      'Up to 5 attempts (4 retries) on status 503, 5XX and network errors.',
      'Each wait is drawn between 200 ms and three times the previous wait, at most 5 s (decorrelated jitter).',
      'Each attempt times out after 10 s; the whole call, waits included, ends after 30 s.',
      'Retry-After headers are ignored (respectRetryAfter: false).',
      expect.stringMatching(
        /^A 409 idempotency-request-in-progress is retried with the same key after the computed wait until/,
      ),
      // retryOn names no timeout: the client does not retry a timed-out attempt.
      'An attempt that runs into its timeout ends the call: retryOn has no timeout.',
      'Retries draw on the client-wide retry budget (10 tokens, 0.1 back per success); when it is empty the client stops retrying.',
    ]);
    expect(startJob?.timeline?.note).toContain('decorrelated jitter are the average of a fixed sample');
  });

  it('describes a key taken from the request, optional, and duplicates that wait', async () => {
    const facts = (await operations('fixtures/reference-rich/openapi.yaml')).get('startJob')?.facts;
    const fact = (label: string) => facts?.find((f) => f.label === label)?.text;
    expect(fact('Key')).toBe(
      'the query parameter token, the request’s own value; optional (a request without it runs without deduplication).',
    );
    expect(fact('Replay')).toMatch(/^Outcomes with status 2XX and 4XX are stored for 2 d \(ttl\)/);
    expect(fact('Duplicate in flight')).toMatch(/^Held until the first request finishes \(at most 1 min\)/);
  });

  it('names the retried statuses of a declared range, and says when there is one attempt only', async () => {
    const ops = await operations('fixtures/reference-rich/openapi.yaml');
    const errors = ops.get('startJob')?.errors ?? [];
    const row = (status: string) => errors.find((e) => e.status === status && e.anchor === undefined);
    expect(row('5XX')?.retriedText).toBe('For 503, 5XX');
    expect(row('default')?.retriedText).toBe('For 503, 5XX');
    // An optional key: no idempotency-key-missing.
    expect(errors.map((e) => e.anchor)).not.toContain('problem-idempotency-key-missing');
    const ping = ops.get('ping');
    expect(ping?.retry).toEqual(['One attempt, no retry (maxAttempts: 1); it times out after 10 s.']);
    expect(ping?.timeline).toBeNull();
    expect(ping?.errors.find((e) => e.status === '500')?.retriedText).toBe('No (one attempt)');
  });

  it('writes durations as people read them', () => {
    expect([0, 0.4, 350, 1_000, 1_600, 90_000, 86_400_000, 172_800_000].map(durationToText)).toEqual([
      '0 ms',
      '0 ms',
      '350 ms',
      '1 s',
      '1.6 s',
      '1.5 min',
      '24 h',
      '2 d',
    ]);
  });
});
