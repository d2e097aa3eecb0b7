/** replay: the same key and body twice give the same status and body; the second says Idempotent-Replayed. */
import {
  type ActiveCheck,
  fail,
  isReplayed,
  isSuccess,
  notAccepted,
  pass,
  probeWithNewKey,
  sameBody,
  sendPlanned,
  sendSettled,
} from './check-context.js';

export const replayCheck: ActiveCheck = {
  name: 'replay',
  skip: () => undefined,
  plan(context) {
    const request = probeWithNewKey(context);
    return [
      { label: 'first', role: 'valid', request },
      { label: 'duplicate (same key, same body)', role: 'valid', request },
    ];
  },
  async run(context, [first, duplicate]) {
    const one = await sendPlanned(context, first!);
    if (!one.response || !isSuccess(one.response)) return notAccepted(one, context.baseUrl);
    const rest = await sendSettled(context, duplicate!);
    const two = rest.at(-1)!;
    const exchanges = [one, ...rest];
    if (!two.response) return fail(`the duplicate got no answer: ${two.error}`, exchanges);
    if (isReplayed(one.response))
      return fail(
        'the first answer already says Idempotent-Replayed: true, though nothing was stored for its key',
        exchanges,
      );
    if (two.response.status !== one.response.status)
      return fail(
        `the duplicate was answered ${two.response.status}, the first ${one.response.status}`,
        exchanges,
      );
    if (!sameBody(one.response.body, two.response.body))
      return fail(
        'the duplicate was answered with a different body: the request was executed twice',
        exchanges,
      );
    if (!isReplayed(two.response)) return fail('the duplicate lacks Idempotent-Replayed: true', exchanges);
    return pass(exchanges);
  },
};
