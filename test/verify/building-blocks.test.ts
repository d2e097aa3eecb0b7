/** The small parts of verify: loopback hosts, leak patterns, body changes, XML escaping, operation choice. */
import { describe, expect, it } from 'vitest';
import { changeBody } from '../../src/verify/change-body.js';
import { leakIn } from '../../src/verify/checks/leaks.js';
import { isLoopbackUrl } from '../../src/verify/loopback.js';
import { escapeXml } from '../../src/verify/report/format-junit.js';
import { selectOperations } from '../../src/verify/select-operations.js';
import { paymentsModel } from './helpers/verify-payments.js';

describe('isLoopbackUrl', () => {
  it.each([
    ['http://127.0.0.1:3000', true],
    ['http://127.8.9.1', true],
    ['http://localhost:1', true],
    ['http://api.localhost', true],
    ['http://[::1]:3000', true],
    ['http://128.0.0.1', false],
    ['https://api.example.com', false],
    ['http://localhost.example.com', false],
    ['http://0.0.0.0:3000', false],
  ])('%s: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});

describe('leakIn', () => {
  it.each([
    ['Error: x\n    at handler (/srv/app/pay.js:10:5)', 'a stack trace'],
    ['    at async Promise.all (index 0)\n    at run (file:///srv/a.mjs:1:2)', 'a stack trace'],
    ['Traceback (most recent call last):', 'a Python traceback'],
    ['{"stack":"..."}', 'a stack trace member'],
    ['connect ECONNREFUSED 10.0.0.5:5432', 'an internal error code'],
    ["TypeError: Cannot read properties of undefined (reading 'id')", 'an internal error message'],
    ['postgres://app:hunter2@db.internal/ledger', 'a connection string or password'],
  ])('finds %j', (text, what) => {
    expect(leakIn(text)).toBe(what);
  });

  it.each([
    '{"type":"https://x.test/p/over-limit","title":"Over limit","status":422,"detail":"4200 is over the limit at 10:30"}',
    '{"title":"Payment declined","detail":"the card was declined"}',
  ])('passes %j', (text) => {
    expect(leakIn(text)).toBeUndefined();
  });
});

describe('changeBody', () => {
  const valid = (value: unknown) => {
    const body = value as { amount: number; currency: string };
    return (
      Number.isInteger(body.amount) &&
      body.amount >= 1 &&
      body.amount <= 1 &&
      /^[A-Z]{3}$/.test(body.currency)
    );
  };

  it('changes the first value the validator still accepts, never the key member', () => {
    expect(changeBody({ body: { amount: 1, currency: 'EUR' }, isValid: valid })).toEqual({
      amount: 1,
      currency: 'EUS',
    });
    const keyed = changeBody({ body: { id: 'k1', n: 5 }, keep: '/id', isValid: () => true });
    expect(keyed).toEqual({ id: 'k1', n: 6 });
  });

  it('gives up when no change is valid', () => {
    expect(changeBody({ body: { a: 1 }, isValid: () => false })).toBeUndefined();
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u001b</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('selectOperations', () => {
  it('takes the operations with a contract by default, and names what matches nothing', async () => {
    const model = await paymentsModel();
    expect(selectOperations({ model }).operations.map((op) => op.id)).toEqual([
      'createPayment',
      'upsertRefund',
    ]);
    const picked = selectOperations({
      model,
      operations: ['getPayment', 'nope'],
      tags: ['refunds', 'ghost'],
    });
    expect(picked.operations.map((op) => op.id)).toEqual(['getPayment', 'upsertRefund']);
    expect(picked.unknown).toEqual(['operation nope', 'tag ghost']);
  });
});
