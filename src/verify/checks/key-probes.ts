/** key-required and key-malformed: a missing or malformed header key is refused with 400 and its problem type. */
import { toProbe } from '../request-template.js';
import type { ActiveCheck, CheckContext, PlannedRequest } from './check-context.js';
import { fail, namesProblem, pass, problemSlug, sendPlanned } from './check-context.js';

/** Contains a space: neither a token nor an RFC 8941 string, and too long for any store (300 characters). */
export const MALFORMED_KEY = `not a key ${'x'.repeat(290)}`;

function headerKeySkip(context: CheckContext): string | undefined {
  const source = context.operation.idempotency?.key;
  return source?.in === 'header' ? undefined : 'the key is not a client-sent header (it is request data)';
}

function keyProbe(input: {
  name: 'key-required' | 'key-malformed';
  slug: string;
  what: string;
}): ActiveCheck {
  return {
    name: input.name,
    skip(context) {
      const reason = headerKeySkip(context);
      if (reason) return reason;
      if (input.name === 'key-required' && !context.operation.idempotency?.required)
        return 'the contract makes the key optional (required: false)';
      return undefined;
    },
    plan(context): PlannedRequest[] {
      const { operation, template } = context;
      const key = input.name === 'key-required' ? { omit: true as const } : { rawHeader: MALFORMED_KEY };
      return [{ label: input.what, role: 'probe', request: toProbe({ operation, template, key }) }];
    },
    async run(context, [planned]) {
      const exchange = await sendPlanned(context, planned!);
      const response = exchange.response;
      if (!response) return fail(`no answer: ${exchange.error}`, [exchange]);
      if (response.status !== 400)
        return fail(`${input.what} was answered ${response.status}, not 400`, [exchange]);
      if (!namesProblem(response, input.slug))
        return fail(`400 with problem type ${problemSlug(response) ?? '(none)'}, not ${input.slug}`, [
          exchange,
        ]);
      return pass([exchange]);
    },
  };
}

export const keyRequiredCheck = keyProbe({
  name: 'key-required',
  slug: 'idempotency-key-missing',
  what: 'a request without the key',
});
export const keyMalformedCheck = keyProbe({
  name: 'key-malformed',
  slug: 'idempotency-key-invalid',
  what: 'a request with a malformed key',
});
