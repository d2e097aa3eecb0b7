/** fingerprint: the same key with a changed body is refused with 422. */

import { changeBody } from '../change-body.js';
import { toProbe } from '../request-template.js';
import {
  type ActiveCheck,
  fail,
  isSuccess,
  notAccepted,
  pass,
  sendPlanned,
  sendSettled,
} from './check-context.js';

export const fingerprintCheck: ActiveCheck = {
  name: 'fingerprint',
  skip(context) {
    const contract = context.operation.idempotency;
    if (!contract?.fingerprint.includes('body')) return "the contract's fingerprint does not cover the body";
    if (context.template.body === undefined) return 'the operation takes no JSON body';
    if (!changed(context)) return 'no change to the body keeps it valid for its schema';
    return undefined;
  },
  plan(context) {
    const key = { key: context.newKey() };
    const { operation, template } = context;
    return [
      { label: 'first', role: 'valid', request: toProbe({ operation, template, key }) },
      {
        label: 'same key, changed body',
        role: 'probe',
        request: toProbe({ operation, template, key, body: changed(context)! }),
      },
    ];
  },
  async run(context, [first, reused]) {
    const settled = await sendSettled(context, first!);
    const one = settled.at(-1)!;
    if (!one.response || !isSuccess(one.response)) return notAccepted(one, context.baseUrl);
    const two = await sendPlanned(context, reused!);
    const exchanges = [...settled, two];
    if (!two.response) return fail(`the changed request got no answer: ${two.error}`, exchanges);
    if (two.response.status !== 422) {
      const what = isSuccess(two.response)
        ? 'accepted: the fingerprint is ignored'
        : `answered ${two.response.status}`;
      return fail(`the same key with a changed body was ${what}, not refused with 422`, exchanges);
    }
    return pass(exchanges);
  },
};

function changed(context: Parameters<ActiveCheck['skip']>[0]) {
  const { operation, template, validator } = context;
  const schema = operation.requestBody?.jsonSchema;
  const keyPointer = operation.idempotency?.key.in === 'body' ? operation.idempotency.key.pointer : undefined;
  return changeBody({
    body: template.body!,
    keep: keyPointer,
    isValid: (value) =>
      schema === undefined ? true : (validator.validate(schema, value)?.length ?? 0) === 0,
  });
}
