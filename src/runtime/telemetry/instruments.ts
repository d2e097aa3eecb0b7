/**
 * The metric instruments of the client and the server: names and attributes as docs/observability.md's
 * table lists them. HTTP durations follow OpenTelemetry's HTTP semantic conventions (seconds, their
 * bucket advice); the rest live in the `idempotency.*` (server) and `retry.*` (client) namespaces.
 */
import type { Counter, Histogram, Meter } from './api-types.js';

/** The HTTP semantic conventions' bucket advice for `http.*.request.duration`, in seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Store calls are faster than requests: finer buckets at the low end. */
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface ServerInstruments {
  requestDuration: Histogram;
  requests: Counter;
  takeOvers: Counter;
  fencedCompletions: Counter;
  storeDuration: Histogram;
  storeErrors: Counter;
}

export interface ClientInstruments {
  requestDuration: Histogram;
  attempts: Counter;
  retries: Counter;
  calls: Counter;
  backoff: Histogram;
  budgetExhausted: Counter;
  callDuration: Histogram;
}

export const serverInstruments = (meter: Meter): ServerInstruments => ({
  requestDuration: meter.createHistogram('http.server.request.duration', {
    unit: 's',
    description: 'Duration of HTTP server requests.',
    advice: { explicitBucketBoundaries: HTTP_BUCKETS },
  }),
  requests: meter.createCounter('idempotency.server.requests', {
    unit: '{request}',
    description: 'Requests to operations with x-idempotency, by operation and idempotency outcome.',
  }),
  takeOvers: meter.createCounter('idempotency.lease.takeovers', {
    unit: '{takeover}',
    description: 'Expired leases taken over by a retry (the earlier holder crashed or ran too long).',
  }),
  fencedCompletions: meter.createCounter('idempotency.completions.fenced', {
    unit: '{completion}',
    description: 'Outcomes the store refused because a newer holder took the key over.',
  }),
  storeDuration: meter.createHistogram('idempotency.store.operation.duration', {
    unit: 's',
    description: 'Duration of dedup store calls, by store and operation.',
    advice: { explicitBucketBoundaries: STORE_BUCKETS },
  }),
  storeErrors: meter.createCounter('idempotency.store.errors', {
    unit: '{error}',
    description: 'Dedup store calls that failed, by store and operation.',
  }),
});

export const clientInstruments = (meter: Meter): ClientInstruments => ({
  requestDuration: meter.createHistogram('http.client.request.duration', {
    unit: 's',
    description: 'Duration of HTTP client requests (one per attempt).',
    advice: { explicitBucketBoundaries: HTTP_BUCKETS },
  }),
  attempts: meter.createCounter('retry.client.attempts', {
    unit: '{attempt}',
    description: 'Attempts sent, the first of each call included.',
  }),
  retries: meter.createCounter('retry.client.retries', {
    unit: '{retry}',
    description: 'Attempts that were retried, by reason (network, timeout, status, in-progress).',
  }),
  calls: meter.createCounter('retry.client.calls', {
    unit: '{call}',
    description: 'Logical calls, by final outcome.',
  }),
  backoff: meter.createHistogram('retry.client.backoff.duration', {
    unit: 's',
    description: 'Time waited before a retry (the computed backoff or the server’s Retry-After).',
    advice: { explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] },
  }),
  budgetExhausted: meter.createCounter('retry.client.budget.exhausted', {
    unit: '{call}',
    description: 'Calls that ended because the client’s retry budget refused a retry.',
  }),
  callDuration: meter.createHistogram('retry.client.call.duration', {
    unit: 's',
    description: 'Duration of logical calls, all attempts and waits included.',
    advice: { explicitBucketBoundaries: HTTP_BUCKETS },
  }),
});
