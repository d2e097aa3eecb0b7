/**
 * lost-response: the first answer is dropped by verify's fault proxy after the server handled the request;
 * the retry with the same key must be answered as a replay of that outcome (and so must the next one).
 */
import {
  type ActiveCheck,
  fail,
  isReplayed,
  isSuccess,
  pass,
  probeWithNewKey,
  sameBody,
  sendPlanned,
  sendSettled,
} from './check-context.js';

export const lostResponseCheck: ActiveCheck = {
  name: 'lost-response',
  skip: (context) =>
    new URL(context.baseUrl).protocol === 'https:'
      ? 'the fault proxy cuts plain HTTP connections only; run verify against the http:// address'
      : undefined,
  plan(context) {
    const request = probeWithNewKey(context);
    return [
      {
        label: 'first, its answer dropped',
        role: 'valid',
        request,
        note: 'through the fault proxy, answer dropped',
      },
      { label: 'retry after the lost answer', role: 'valid', request },
      { label: 'second retry', role: 'valid', request },
    ];
  },
  async run(context, [first, retry, again]) {
    const proxy = await context.proxy();
    const droppedBefore = proxy.dropped();
    proxy.dropNext();
    const lost = await sendPlanned(context, first!, { baseUrl: proxy.url, viaProxy: true });
    if (lost.response) return fail('the fault proxy could not drop the first answer (it arrived)', [lost]);
    if (proxy.dropped() === droppedBefore)
      return fail(`the server never answered the first request (${lost.error}); nothing was lost`, [lost]);
    const retries = await sendSettled(context, retry!);
    const answer = retries.at(-1)!;
    const exchanges = [lost, ...retries];
    if (!answer.response) return fail(`the retry got no answer: ${answer.error}`, exchanges);
    const next = await sendPlanned(context, again!);
    exchanges.push(next);
    if (!next.response) return fail(`the second retry got no answer: ${next.error}`, exchanges);
    if (
      next.response.status !== answer.response.status ||
      !sameBody(next.response.body, answer.response.body)
    )
      return fail(
        'two retries of the lost request were answered differently: it was executed more than once',
        exchanges,
      );
    if (!isReplayed(answer.response)) {
      const what = isSuccess(answer.response)
        ? 'the retry lacks Idempotent-Replayed: true, so a client cannot tell a replay from a second execution'
        : `the retry was answered ${answer.response.status} without Idempotent-Replayed: true`;
      return fail(what, exchanges);
    }
    return pass(exchanges);
  },
};
