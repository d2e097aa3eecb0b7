/**
 * Signed cursors: the codec refuses altered, foreign, re-scoped and expired cursors (unit), and the
 * generated server answers such a cursor `400 cursor-invalid` over a real socket, which the generated client
 * reports as the declared 400 (not retried: a retry would not change it).
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../src/runtime/pagination/cursor.js';
import { FakeClock } from '../../src/runtime/testing/fake-clock.js';
import {
  generatePaging,
  type PagingApp,
  type PagingOutput,
  SECRET,
  startPagingApp,
} from './helpers/paging-app.js';

describe('createCursorCodec', () => {
  const clock = new FakeClock(1_000_000);
  const codec = createCursorCodec<{ id: number; at: string }>({ secret: SECRET, ttlMs: 60_000, clock });

  it('reads back what it signed, and an absent cursor as the first page', async () => {
    const cursor = await codec.sign({ id: 42, at: '2026-01-01' });
    expect(cursor).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await codec.read(cursor)).toEqual({ ok: true, position: { id: 42, at: '2026-01-01' } });
    expect(await codec.read(undefined)).toEqual({ ok: true, position: undefined });
    expect(await codec.read('')).toEqual({ ok: true, position: undefined });
  });

  it('refuses a cursor whose payload was changed', async () => {
    const cursor = await codec.sign({ id: 42, at: 'x' });
    const [prefix, , signature] = cursor.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ p: { id: 1, at: 'x' }, e: 9e15 })).toString(
      'base64url',
    );
    const read = await codec.read(`${prefix}.${forgedPayload}.${signature}`);
    expect(read).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses a cursor signed with another secret, garbage, and a non-string', async () => {
    const other = createCursorCodec({ secret: `${SECRET}-other`, clock });
    expect(await codec.read(await other.sign({ id: 1, at: 'x' }))).toMatchObject({
      ok: false,
      reason: 'forged',
    });
    expect(await codec.read('v1.%%%.abc')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await codec.read('hello')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await codec.read(['a'])).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a cursor of another scope (other filters)', async () => {
    const cursor = await codec.sign({ id: 1, at: 'x' }, { scope: 'status=open' });
    expect(await codec.read(cursor, { scope: 'status=open' })).toMatchObject({ ok: true });
    expect(await codec.read(cursor, { scope: 'status=closed' })).toMatchObject({
      ok: false,
      reason: 'forged',
    });
    expect(await codec.read(cursor)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses an expired cursor', async () => {
    const cursor = await codec.sign({ id: 1, at: 'x' });
    await clock.advance(59_999);
    expect(await codec.read(cursor)).toMatchObject({ ok: true });
    await clock.advance(1);
    expect(await codec.read(cursor)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a short secret', () => {
    expect(() => createCursorCodec({ secret: 'short' })).toThrow(/at least 32 bytes/);
  });
});

describe('a forged or expired cursor against the generated server', () => {
  let output: PagingOutput;
  let app: PagingApp | undefined;
  let now = 1_000_000;
  beforeAll(async () => {
    output = await generatePaging('cursors');
  }, 120_000);
  afterAll(() => rmSync(output.outDir, { recursive: true, force: true }));
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 400 cursor-invalid, which the client reports without retrying', async () => {
    app = await startPagingApp(output, { rows: 100, now: () => now });
    const client = output.client.createClient({ baseUrl: app.url });
    const first = await output.client.listItems(client, { query: { limit: 10 } });
    if (!first.ok) throw new Error(`first page failed: ${first.error.kind}`);
    const next = first.data.next as string;
    const [prefix, payload, signature] = next.split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { p: number; e: number };
    const skipAhead = Buffer.from(JSON.stringify({ ...decoded, p: 500 })).toString('base64url');

    const forged = await output.client.listItems(client, {
      query: { cursor: `${prefix}.${skipAhead}.${signature}` },
    });
    expect(forged.ok).toBe(false);
    if (forged.ok) return;
    expect(forged.error).toMatchObject({ kind: 'http', status: 400, attempts: 1 });
    expect(forged.error.body).toMatchObject({
      type: 'https://idemgen.dev/problems/cursor-invalid',
      title: 'Cursor invalid',
      status: 400,
      reason: 'forged',
    });
    expect(JSON.stringify(forged.error.body)).not.toMatch(/stack|at .*\.ts/);

    now += 60_001;
    const expired = await output.client.listItems(client, { query: { cursor: next } });
    expect(expired.ok).toBe(false);
    if (!expired.ok) expect(expired.error.body).toMatchObject({ status: 400, reason: 'expired' });
  }, 120_000);
});
