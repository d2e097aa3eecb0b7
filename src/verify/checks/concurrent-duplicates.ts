/**
 * concurrent-duplicates: N requests with one key at once show one execution: identical bodies, every
 * answer but one a replay, or 409 with a Retry-After.
 */
import type { Exchange } from '../types.js';
import {
  type ActiveCheck,
  fail,
  isReplayed,
  pass,
  probeWithNewKey,
  retryAfterMs,
  sameBody,
  sendPlanned,
} from './check-context.js';

export const concurrentDuplicatesCheck: ActiveCheck = {
  name: 'concurrent-duplicates',
  skip: () => undefined,
  plan(context) {
    const request = probeWithNewKey(context);
    const count = context.setup.concurrency;
    return Array.from({ length: count }, (_, index) => ({
      label: `duplicate ${index + 1} of ${count}`,
      role: 'valid' as const,
      request,
      ...(index === 0 ? { note: `${count} at once, one key` } : {}),
    }));
  },
  async run(context, plan) {
    const exchanges: Exchange[] = await Promise.all(plan.map((planned) => sendPlanned(context, planned)));
    const lost = exchanges.find((e) => !e.response);
    if (lost) return fail(`a duplicate got no answer: ${lost.error}`, exchanges);
    const answered = exchanges.filter((e) => e.response!.status !== 409);
    const busy = exchanges.filter((e) => e.response!.status === 409);
    const noHint = busy.find((e) => retryAfterMs(e.response!) === undefined);
    if (noHint) return fail('a duplicate was answered 409 without a Retry-After', [noHint]);
    if (answered.length === 0) return fail('every duplicate was answered 409: none was executed', exchanges);
    const [reference] = answered;
    const differing = answered.find(
      (e) =>
        e.response!.status !== reference!.response!.status ||
        !sameBody(e.response!.body, reference!.response!.body),
    );
    if (differing)
      return fail('the duplicates were answered with different statuses or bodies: executed more than once', [
        reference!,
        differing,
      ]);
    const originals = answered.filter((e) => !isReplayed(e.response!));
    if (originals.length > 1)
      return fail(
        `${originals.length} answers lack Idempotent-Replayed: true; only the one execution may`,
        originals,
      );
    return pass(exchanges);
  },
};
