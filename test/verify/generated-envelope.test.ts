/**
 * verify against a generated server whose errors are the API's own envelope (fixtures/e2e-envelope, a
 * Stripe-like `{ error: { type, message, code } }` declared as every operation's `default` response, shaped
 * with `createServer({ errorBody })`): the envelope passes error-format, and the key probes find their
 * problem in its `code`. Without `errorBody` the server answers problem details, which pass too.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import type { ErrorBodyShaper } from '../../src/runtime/server/error-body.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { selectOperations } from '../../src/verify/select-operations.js';
import {
  E2E_ENVELOPE_SPEC,
  type EnvelopeApi,
  generateEnvelopeApi,
} from '../e2e/helpers/envelope-generated.js';
import { listenNode } from '../e2e/helpers/server-adapters.js';
import { SETUP } from './helpers/verify-payments.js';

const toEnvelope: ErrorBodyShaper = (problem, { slug }) => ({
  contentType: 'application/json',
  body: {
    error: {
      type: 'invalid_request_error',
      message: problem.detail ?? problem.title,
      ...(slug ? { code: slug } : {}),
    },
  },
});

let api: EnvelopeApi;
beforeAll(async () => {
  api = await generateEnvelopeApi();
}, 120_000);
afterAll(() => api?.remove());

describe.each([
  ['the declared envelope', toEnvelope],
  ['problem details', undefined],
])('verify against the generated server answering errors in %s', (_name, errorBody) => {
  it('passes every check of createCharge', async () => {
    const core = api.server.createServer({
      handlers: {
        createCharge: async (request) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { status: 200, body: { id: `ch_${request.idempotencyKey}`, ...(request.body as object) } };
        },
      },
      ...(errorBody ? { errorBody } : {}),
    });
    const server = await listenNode(createServer(api.server.toNodeHandler(core)));
    try {
      const { model } = await lint({ spec: E2E_ENVELOPE_SPEC });
      const { operations } = selectOperations({ model: model!, operations: ['createCharge'] });
      const report = await runVerify({
        model: model!,
        spec: E2E_ENVELOPE_SPEC,
        baseUrl: server.url,
        operations,
        setup: SETUP,
      });
      // retry-hints may be skipped: whether a concurrent duplicate met a 409 depends on timing.
      const notPassed = report.results.filter((r) => r.outcome !== 'pass');
      expect(
        notPassed
          .filter((r) => !(r.check === 'retry-hints' && r.outcome === 'skip'))
          .map((r) => `${r.check}: ${r.reason}`),
      ).toEqual([]);
      const keyRequired = report.results.find((r) => r.check === 'key-required')!;
      const answer = JSON.parse(keyRequired.exchanges[0]!.response!.body);
      if (errorBody) expect(answer.error.code).toBe('idempotency-key-missing');
      else expect(answer.type).toMatch(/idempotency-key-missing$/);
    } finally {
      await server.close();
    }
  }, 60_000);
});
