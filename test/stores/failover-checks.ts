/**
 * The checks on a failover run, shared by the Redis failover and PostgreSQL restart tests: every key
 * executed once with one answer, only the outcome, 409 or 503 with Retry-After, and the interrupted
 * completion stored in the background.
 */
import { expect } from 'vitest';
import type { FailoverRun } from './failover-scenario.js';

/**
 * A failing run's story: what the keys that did not finish once saw (ms since the first answer : server :
 * status), the hooks fired for the first key and for keys taken over, and the store errors by message.
 */
function describeRun(run: FailoverRun): string {
  const all = [...run.keys, ...run.fresh];
  const stuck = all.filter((key, i) => !run.done[i] || run.effects.get(key) !== 1);
  const start = Math.min(...run.answers.map((a) => a.at));
  const lines = stuck.slice(0, 4).map((key) => {
    const seen = run.answers
      .filter((a) => a.key === key)
      .map((a) => `${a.at - start}:${a.server}:${a.status}`);
    return `${key}: ${seen.slice(0, 30).join(' ')}`;
  });
  const odd = new Set([
    run.firstStoreKey,
    ...run.events.filter((e) => e.hook === 'take-over').map((e) => e.storeKey),
  ]);
  const hooks = run.events
    .filter((e) => odd.has(e.storeKey))
    .map(
      (e) =>
        `${e.storeKey.slice(0, 6)} ${e.at - start}:${e.server}:${e.hook}:${e.operation ?? e.result ?? ''}:${e.message ?? ''}`,
    );
  const messages = new Map<string, number>();
  for (const e of run.events) if (e.message) messages.set(e.message, (messages.get(e.message) ?? 0) + 1);
  return [
    `stuck ${stuck.length}/${all.length}, first key ${run.firstStoreKey.slice(0, 6)}`,
    ...lines,
    ...hooks,
    ...[...messages].map(([m, n]) => `${n}x ${m}`),
  ].join('\n');
}

/**
 * The checks. `waitsThroughFailover`: the client holds commands while it finds the new primary
 * (node-redis `createSentinel`), so the completion may never fail; when it does fail, it must end stored.
 */
export function expectExactlyOnce(
  run: FailoverRun,
  options: { waitsThroughFailover?: boolean; label?: string } = {},
): void {
  const slowestMs = Math.max(...run.answers.map((a) => a.ms));
  const summary = { victim: run.victim, recoveredMs: run.recoveredMs, slowestMs, totalMs: run.totalMs };
  console.info(`${options.label ?? 'failover run'}: ${JSON.stringify(summary)}`);
  const broken =
    !run.done.every(Boolean) ||
    [...run.effects.values()].some((n) => n !== 1) ||
    run.events.some((e) => e.hook === 'take-over');
  if (broken) console.info(describeRun(run));
  expect(run.done.every(Boolean), 'every key got its outcome').toBe(true);
  for (const key of [...run.keys, ...run.fresh]) {
    expect(run.effects.get(key), `executions of ${key}`).toBe(1);
    const bodies = new Set(run.answers.filter((a) => a.key === key && a.status === 201).map((a) => a.body));
    expect(bodies.size, `distinct 201 bodies of ${key}`).toBe(1);
  }
  const unexpected = run.answers.filter(
    (a) => a.status !== 201 && a.status !== 409 && !(a.status === 503 && Number(a.retryAfter) >= 1),
  );
  expect(unexpected).toEqual([]);
  // The path under test: the first key's completion failed and was stored later, in the background.
  const first = run.events.filter((e) => e.storeKey === run.firstStoreKey);
  const failed = first.some((e) => e.hook === 'store-error' && e.operation === 'complete');
  if (!options.waitsThroughFailover) expect(failed, 'the first completion failed').toBe(true);
  const retried = first.filter((e) => e.hook === 'completion-retried').map((e) => e.result);
  expect(retried).toEqual(failed ? ['stored'] : []);
  expect(run.events.filter((e) => e.hook === 'take-over' || e.hook === 'fenced')).toEqual([]);
}
