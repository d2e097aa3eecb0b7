/** Requests from the spec: the user's data, then the spec's examples, then sampled values; the key in its place. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { buildRequestTemplate, toProbe } from '../../src/verify/request-template.js';
import type { VerifySetup } from '../../src/verify/types.js';
import { paymentsModel, SETUP } from './helpers/verify-payments.js';

const SPEC = `openapi: 3.1.0
info: { title: T, version: '1' }
x-idempotency: { key: { in: header, name: X-Key } }
paths:
  /accounts/{accountId}/orders:
    post:
      operationId: createOrder
      parameters:
        - { name: accountId, in: path, required: true, schema: { type: string }, example: acct_42 }
        - { name: dryRun, in: query, schema: { type: boolean } }
        - { name: region, in: query, required: true, schema: { type: string, enum: [eu, us] } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object }
            examples:
              big: { value: { sku: A-1, quantity: 3 } }
      responses: { '201': { description: ok } }
`;

async function modelOf(text: string) {
  const { model } = await lint({ spec: '-', stdin: (await import('node:stream')).Readable.from([text]) });
  return model!;
}

describe('request templates', () => {
  it('takes parameter and body examples, leaves out optional parameters, puts the key in its header', async () => {
    const model = await modelOf(SPEC);
    const operation = model.operations[0]!;
    const template = buildRequestTemplate({ document: model.document, operation, setup: SETUP });
    expect(toProbe({ operation, template, key: { key: 'k-1' } })).toEqual({
      method: 'POST',
      target: '/accounts/acct_42/orders?region=eu',
      headers: { 'X-Key': 'k-1', 'Content-Type': 'application/json' },
      body: '{"sku":"A-1","quantity":3}',
    });
    expect(toProbe({ operation, template, key: { omit: true } }).headers).toEqual({
      'Content-Type': 'application/json',
    });
  });

  it("prefers the user's data: path parameters, bodies and headers", async () => {
    const model = await modelOf(SPEC);
    const operation = model.operations[0]!;
    const setup: VerifySetup = {
      ...SETUP,
      headers: { Authorization: 'Bearer t' },
      pathParams: { accountId: 'acct 1' },
      requests: { createOrder: { body: { sku: 'B' }, query: { dryRun: true } } },
    };
    const probe = toProbe({
      operation,
      template: buildRequestTemplate({ document: model.document, operation, setup }),
    });
    expect(probe.target).toBe('/accounts/acct%201/orders?dryRun=true&region=eu');
    expect(probe.headers.Authorization).toBe('Bearer t');
    expect(probe.body).toBe('{"sku":"B"}');
  });

  it('samples a body valid for its pattern when the spec has no example, and sets a body key', async () => {
    const model = await paymentsModel();
    const create = model.operations.find((op) => op.id === 'createPayment')!;
    const body = buildRequestTemplate({ document: model.document, operation: create, setup: SETUP })
      .body as Record<string, unknown>;
    expect(body.currency).toMatch(/^[A-Z]{3}$/);
    expect(body.amount).toBeGreaterThanOrEqual(1);
    const refund = model.operations.find((op) => op.id === 'upsertRefund')!;
    const template = buildRequestTemplate({ document: model.document, operation: refund, setup: SETUP });
    expect(JSON.parse(toProbe({ operation: refund, template, key: { key: 'r-9' } }).body!).refundId).toBe(
      'r-9',
    );
  });
});
