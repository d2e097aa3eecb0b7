/**
 * `sendWebhook`: one event delivered to one endpoint, signed (Standard Webhooks), with the same `webhook-id`
 * on every attempt (the receiver deduplicates on it) and a fresh timestamp and signature per attempt (a
 * retry hours later is not refused as stale), retried on a schedule, with an attempt log the caller can
 * persist (`onAttempt`) and resume from (`resume`) when the sending process restarts mid-schedule.
 */
import { matchesCondition } from '../retry/classify.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { randomUuid } from '../shared/uuid.js';
import { type SendSchedule, STANDARD_WEBHOOKS_SCHEDULE } from './schedule.js';
import {
  signWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './signature.js';

/** One attempt, as plain JSON: persist the list to resume a delivery or to show it to the subscriber. */
export interface DeliveryAttempt {
  /** 1-based. */
  attempt: number;
  /** Milliseconds since the epoch. */
  startedAt: number;
  durationMs: number;
  /** The response status; absent when no response came (`error` says why). */
  status?: number;
  error?: 'network' | 'timeout';
  /** When the next attempt is due; absent on the last one. */
  nextAttemptAt?: number;
}

export interface DeliveryResult {
  /** `delivered`: a 2XX; `failed`: a status not worth retrying (410 Gone by default), or attempts ran out. */
  outcome: 'delivered' | 'failed';
  /** The `webhook-id` sent on every attempt. */
  id: string;
  /** The last response's status, if any. */
  status?: number;
  attempts: DeliveryAttempt[];
}

export interface SendWebhookOptions {
  endpoint: string | URL;
  /** The event: JSON-serialized once, so every attempt carries the same bytes. */
  payload: unknown;
  /** The `webhook-id`: give the event's own id; a fresh UUID when absent. Stable across attempts. */
  id?: string;
  /** Signs every attempt with each secret (`whsec_...`); no `webhook-signature` when absent. */
  secrets?: string | readonly string[];
  schedule?: SendSchedule;
  /** Further headers (`content-type` is `application/json`). */
  headers?: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
  clock?: Clock;
  signal?: AbortSignal;
  /** Called after every attempt: persist the log here. */
  onAttempt?: (attempt: DeliveryAttempt, id: string) => void | Promise<void>;
  /** A persisted log to continue: its id is reused, and attempts go on from where it stopped. */
  resume?: { id: string; attempts: readonly DeliveryAttempt[] };
}

type AttemptOutcome = { status: number; headers: Headers } | { error: 'network' | 'timeout' };

async function attemptOnce(
  options: SendWebhookOptions,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(options.endpoint, {
      method: 'POST',
      headers,
      body,
      signal,
    });
    await response.body?.cancel().catch(() => {});
    return { status: response.status, headers: response.headers };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    return { error: timeout.aborted ? 'timeout' : 'network' };
  }
}

function worthRetrying(schedule: SendSchedule, outcome: AttemptOutcome): boolean {
  if ('error' in outcome)
    return schedule.retryOn === 'any-non-2xx' || schedule.retryOn.includes(outcome.error);
  if (schedule.retryOn === 'any-non-2xx') return outcome.status !== 410;
  return schedule.retryOn.some((condition) => matchesCondition(outcome.status, condition));
}

/**
 * Delivers one event. Resolves with the outcome and the attempt log; rejects only when `signal` aborts.
 * Waits between attempts on `clock` (inject a fake one in tests; a schedule of hours is meant for a process
 * that lives that long, else persist the log and `resume`).
 */
export async function sendWebhook(options: SendWebhookOptions): Promise<DeliveryResult> {
  const clock = options.clock ?? systemClock;
  const schedule = options.schedule ?? STANDARD_WEBHOOKS_SCHEDULE;
  const id = options.resume?.id ?? options.id ?? `msg_${randomUuid()}`;
  const body = JSON.stringify(options.payload ?? null);
  const attempts: DeliveryAttempt[] = [...(options.resume?.attempts ?? [])];
  const firstStartedAt = attempts[0]?.startedAt ?? clock.now();
  let previousDelay: number | undefined;
  let status: number | undefined = attempts.at(-1)?.status;
  const previous = attempts.at(-1);
  if (previous?.nextAttemptAt !== undefined)
    await clock.sleep(previous.nextAttemptAt - clock.now(), options.signal);

  for (let attempt = attempts.length + 1; attempt <= schedule.maxAttempts; attempt++) {
    const startedAt = clock.now();
    const timestamp = Math.floor(startedAt / 1000);
    const headers: Record<string, string> = {
      ...options.headers,
      'content-type': 'application/json',
      [WEBHOOK_ID_HEADER]: id,
      [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    };
    if (options.secrets !== undefined)
      headers[WEBHOOK_SIGNATURE_HEADER] = await signWebhook({
        secrets: options.secrets,
        id,
        timestamp,
        payload: body,
      });
    const outcome = await attemptOnce(options, headers, body, schedule.attemptTimeoutMs);
    const record: DeliveryAttempt = { attempt, startedAt, durationMs: clock.now() - startedAt };
    if ('error' in outcome) record.error = outcome.error;
    else status = record.status = outcome.status;
    attempts.push(record);
    const delivered = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
    let delay: number | undefined;
    if (!delivered && attempt < schedule.maxAttempts && worthRetrying(schedule, outcome)) {
      delay = schedule.delayAfter(attempt, previousDelay);
      const hint =
        schedule.respectRetryAfter && 'headers' in outcome
          ? parseRetryAfter({ headers: outcome.headers, now: clock.now() })
          : undefined;
      if (hint !== undefined) delay = Math.max(delay, hint);
      const deadline =
        schedule.maxElapsedMs === undefined ? undefined : firstStartedAt + schedule.maxElapsedMs;
      if (deadline !== undefined && clock.now() + delay >= deadline) delay = undefined;
    }
    if (delay !== undefined) record.nextAttemptAt = clock.now() + delay;
    await options.onAttempt?.(record, id);
    if (delivered) return { outcome: 'delivered', id, status: outcome.status, attempts };
    if (delay === undefined) break;
    previousDelay = delay;
    await clock.sleep(delay, options.signal);
  }
  return status === undefined
    ? { outcome: 'failed', id, attempts }
    : { outcome: 'failed', id, status, attempts };
}
