/**
 * The events fixture (fixtures/events/openapi.yaml: two webhooks, one callback) linted, modelled and
 * generated; and the diagnostics of the events extensions, with their pointers and lines.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { validateExtensions } from '../../src/load/validate-extensions.js';
import { buildModel } from '../../src/model/build.js';
import { generateBoth } from '../e2e/helpers/generate-both.js';
import { typecheckStrictest } from '../helpers/strictest.js';
import { makeSpec } from '../model/make-spec.js';
import { EVENTS_SPEC } from './generated-events.js';

describe('the events fixture', () => {
  it('lints clean and models each webhook and callback as a receiver at its mount path', async () => {
    const result = await lint({ spec: EVENTS_SPEC });
    expect(result.diagnostics).toEqual([]);
    const receivers = (result.model?.operations ?? []).map((op) => ({
      id: op.id,
      path: op.path,
      event: op.event,
      key: op.idempotency?.key,
      toleranceMs: op.signature?.toleranceMs,
      retryAttempts: op.retry?.maxAttempts,
    }));
    expect(receivers).toEqual([
      {
        id: 'createSubscription',
        path: '/subscriptions',
        event: undefined,
        key: { in: 'header', name: 'Idempotency-Key' },
        toleranceMs: undefined,
        retryAttempts: undefined,
      },
      {
        id: 'orderPaid',
        path: '/webhooks/orderPaid',
        event: { kind: 'webhook', name: 'orderPaid' },
        key: { in: 'header', name: 'webhook-id' },
        toleranceMs: 300_000,
        retryAttempts: 6,
      },
      {
        id: 'orderShipped',
        path: '/hooks/shipped',
        event: { kind: 'webhook', name: 'orderShipped' },
        key: { in: 'body', pointer: '/id' },
        toleranceMs: 120_000,
        retryAttempts: undefined,
      },
      {
        id: 'stockChanged',
        path: '/callbacks/createSubscription/stockChanged',
        event: {
          kind: 'callback',
          name: 'stockChanged',
          expression: '{$request.body#/callbackUrl}',
          parentId: 'createSubscription',
        },
        key: { in: 'body', pointer: '/id' },
        toleranceMs: 300_000,
        retryAttempts: undefined,
      },
    ]);
  });

  it('generates receivers and senders into the server, none into the client, and type-checks strictest', async () => {
    const outDir = await generateBoth(EVENTS_SPEC, 'events-fixture-');
    try {
      const { readFileSync } = await import('node:fs');
      const client = readFileSync(resolve(outDir, 'client/default.ts'), 'utf8');
      const senders = readFileSync(resolve(outDir, 'server/senders.ts'), 'utf8');
      expect(client).toContain('export function createSubscription(');
      expect(client).not.toMatch(/orderPaid|stockChanged/);
      expect(senders.match(/export function send\w+/g)).toEqual([
        'export function sendOrderPaid',
        'export function sendOrderShipped',
        'export function sendStockChanged',
      ]);
      expect(typecheckStrictest(outDir, 'NodeNext')).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});

const BROKEN = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /webhooks/paid:
    post:
      operationId: ownPath
      responses: { '204': { description: ok } }
webhooks:
  paid:
    x-webhook-path: hooks/paid
    post:
      x-webhook-signature: { tolerance: 0, algorithm: md5 }
      responses: { '204': { description: ok } }
  shipped:
    x-webhook-path: /webhooks/paid
    post:
      responses: { '204': { description: ok } }
`;

describe('events extensions: diagnostics', () => {
  it('refuses a bad x-webhook-path and x-webhook-signature at their pointers', () => {
    const diagnostics = validateExtensions(makeSpec(BROKEN));
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['extension-invalid', '/webhooks/paid/x-webhook-path'],
      ['extension-invalid', '/webhooks/paid/post/x-webhook-signature/algorithm'],
      ['extension-invalid', '/webhooks/paid/post/x-webhook-signature/tolerance'],
    ]);
  });

  it('reports a receiver mounted where an operation already is (an invalid x-webhook-path: the default)', () => {
    const { diagnostics } = buildModel({ spec: makeSpec(BROKEN) });
    const collisions = diagnostics.filter((d) => d.code === 'webhook-path-collision');
    expect(collisions.map((d) => d.pointer)).toEqual(['/webhooks/paid/post', '/webhooks/shipped/post']);
    expect(collisions[1]).toMatchObject({
      severity: 'error',
      pointer: '/webhooks/shipped/post',
      message: expect.stringContaining('the operation ownPath'),
      hint: expect.stringContaining('x-webhook-path'),
    });
  });

  it('applies the safety rules to receivers, and x-webhook-signature to an ordinary operation that asks', async () => {
    const spec = makeSpec(`openapi: 3.1.0
info: { title: T, version: '1' }
x-webhook-signature: true
x-idempotency: true
paths:
  /stripe/events:
    post:
      operationId: stripeEvents
      x-webhook-signature: { tolerance: 1m }
      responses: { '204': { description: ok } }
  /orders:
    post:
      operationId: createOrder
      responses: { '201': { description: ok } }
webhooks:
  paid:
    post:
      x-idempotency: { key: { in: body, pointer: /eventId } }
      requestBody: { content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
      responses: { '204': { description: ok } }
  shipped:
    post:
      x-retry: { maxAttempts: 4 }
      responses: { '204': { description: ok } }
`);
    const { model } = buildModel({ spec });
    const byId = new Map(model.operations.map((op) => [op.id, op]));
    expect(byId.get('stripeEvents')?.signature).toMatchObject({ toleranceMs: 60_000 });
    // The root's signature reaches receivers only; the root's x-idempotency does not reach receivers.
    expect(byId.get('createOrder')?.signature).toBeUndefined();
    expect(byId.get('createOrder')?.idempotency).toBeDefined();
    expect(byId.get('postWebhooksShipped')?.idempotency).toBeUndefined();
    expect(byId.get('postWebhooksShipped')?.signature).toMatchObject({ toleranceMs: 300_000 });
    const { checkRules } = await import('../../src/model/rules.js');
    const rules = checkRules({ model }).map((d) => [d.code, d.pointer]);
    expect(rules).toContainEqual(['key-pointer-missing', '/webhooks/paid/post/x-idempotency/key/pointer']);
    expect(rules).toContainEqual(['unsafe-retry', '/webhooks/shipped/post']);
    // With the rule turned off, its sender makes one attempt, as the client would.
    const { modelToSenders } = await import('../../src/render/sender-context.js');
    const shipped = modelToSenders(model).find((s) => s.typeName === 'PostWebhooksShipped');
    expect(JSON.parse(shipped?.specLiteral ?? '{}')).toMatchObject({
      signed: true,
      retry: { maxAttempts: 1 },
    });
    expect(modelToSenders(model).map((s) => s.typeName)).toEqual(['PostWebhooksPaid', 'PostWebhooksShipped']);
  });

  it('locates the diagnostics in the file, with line and column', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(resolve(tmpdir(), 'idemgen-events-'));
    const file = resolve(dir, 'openapi.yaml');
    writeFileSync(file, BROKEN);
    try {
      const result = await lint({ spec: file });
      const path = result.diagnostics.find((d) => d.pointer === '/webhooks/paid/x-webhook-path');
      expect(path).toMatchObject({
        code: 'extension-invalid',
        line: 10,
        column: expect.any(Number),
        file: expect.stringContaining('openapi.yaml'),
      });
      expect(result.diagnostics.some((d) => d.code === 'webhook-path-collision' && d.line === 16)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
