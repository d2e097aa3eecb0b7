/**
 * The generated iterators against the generated server over real sockets (examples/paging.yaml):
 * 1,000 items come back exactly once and in order through failing page fetches (each retried with the same
 * cursor), items inserted during a keyset listing cause no repeat and no skip (where offsets do), the
 * limits and the caller's signal stop a listing, a saved position resumes it, and `Link` headers page.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/runtime/client/types.js';
import { isAbortedError } from '../../src/runtime/errors/guards.js';
import {
  generatePaging,
  type Item,
  type PagingApp,
  type PagingOutput,
  startPagingApp,
} from './helpers/paging-app.js';

let output: PagingOutput;
let app: PagingApp | undefined;
beforeAll(async () => {
  output = await generatePaging('listing');
}, 120_000);
afterAll(() => rmSync(output.outDir, { recursive: true, force: true }));
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const unavailable = { status: 503, headers: { 'retry-after': '0' }, body: { title: 'busy' } };

/** A fetch that loses the answers of the requests `lose` picks (the server has answered). */
function losingFetch(lose: (url: URL) => boolean): { fetch: FetchLike; lost: URL[] } {
  const lost: URL[] = [];
  return {
    lost,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input);
      if (lose(url)) {
        await response.arrayBuffer();
        lost.push(url);
        throw new TypeError('fetch failed (injected: the answer was lost)');
      }
      return response;
    },
  };
}

const ids = (items: readonly Item[]) => items.map((item) => item.id);

describe('x-pagination cursor listing, generated client and server', () => {
  it('returns 1,000 items exactly once, in order, when page fetches fail twice', async () => {
    app = await startPagingApp(output, { rows: 1000 });
    const failures = new Map<string, number>();
    // The 7th page answers 503 twice (server-side): the 7th and 8th requests.
    app.fault = (operationId) => {
      const count = app?.seen.get(operationId)?.length ?? 0;
      if (count !== 7 && count !== 8) return undefined;
      return unavailable;
    };
    // The 13th page's answers are lost twice (client-side): its cursor is the 13th distinct one sent.
    const distinct = () => [...new Set((app?.seen.get('listItems') ?? []).map((q) => q.get('cursor')))];
    let thirteenth: string | undefined;
    const losing = losingFetch((url) => {
      const cursor = url.searchParams.get('cursor');
      if (distinct().length === 13) thirteenth ??= cursor ?? undefined;
      if (cursor === null || cursor !== thirteenth) return false;
      const n = (failures.get(cursor) ?? 0) + 1;
      failures.set(cursor, n);
      return n <= 2;
    });
    const retries: string[] = [];
    const client = output.client.createClient({
      baseUrl: app.url,
      fetch: losing.fetch,
      hooks: { onRetry: (event) => retries.push(event.reason) },
    });

    const items: Item[] = [];
    for await (const item of output.client.listItems.all(client, { query: { limit: 50 } })) items.push(item);

    expect(items).toHaveLength(1000);
    expect(ids(items)).toEqual(app.rows.map((row) => row.id));
    expect(new Set(ids(items)).size).toBe(1000);
    expect(retries).toEqual(['status', 'status', 'network', 'network']);
    expect(losing.lost).toHaveLength(2);
    const cursors = (app.seen.get('listItems') ?? []).map((q) => q.get('cursor'));
    // 20 pages + 2 refused by the server + 2 whose answers were lost; each retry sent the same cursor.
    expect(cursors).toHaveLength(24);
    expect(cursors[6]).toBe(cursors[7]);
    expect(cursors[7]).toBe(cursors[8]);
    expect(new Set(cursors).size).toBe(20);
    expect(cursors.filter((c) => c === thirteenth)).toHaveLength(3);
  }, 120_000);

  it('neither repeats nor skips when items are inserted during the listing (offsets do)', async () => {
    app = await startPagingApp(output, { rows: 300 });
    const running = app;
    const original = ids(running.rows);
    let inserted = 0;
    // After each page: one item before everything read so far, and one past the end.
    running.afterPage = () => {
      inserted++;
      running.insert({ id: inserted, name: `early ${inserted}` });
      running.insert({ id: 100_000 + inserted, name: `late ${inserted}` });
    };
    const client = output.client.createClient({ baseUrl: running.url });

    const items: Item[] = [];
    for await (const item of output.client.listItems.all(client, { query: { limit: 25 } })) items.push(item);

    const seen = ids(items);
    expect(new Set(seen).size).toBe(seen.length); // no repeats
    expect(seen.filter((id) => original.includes(id))).toEqual(original); // none skipped, in order
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // The same inserts under offset paging: the front inserts shift the window, so items repeat.
    inserted = 0;
    running.rows.splice(0, running.rows.length, ...original.map((id) => ({ id, name: `item ${id}` })));
    const byOffset: Item[] = [];
    for await (const item of output.client.listArchive.all(client, { query: { limit: 25 } }))
      byOffset.push(item);
    const offsetIds = ids(byOffset);
    expect(new Set(offsetIds).size).toBeLessThan(offsetIds.length);
  }, 120_000);

  it('stops at maxItems and maxPages, exposes the position, and resumes from it', async () => {
    app = await startPagingApp(output, { rows: 200 });
    const client = output.client.createClient({ baseUrl: app.url });

    const firstRun = output.client.listItems.all(client, { query: { limit: 30 } }, { maxItems: 45 });
    const head: Item[] = [];
    for await (const item of firstRun) head.push(item);
    expect(ids(head)).toEqual(ids(app.rows.slice(0, 45)));
    expect(app.seen.get('listItems')).toHaveLength(2); // the second page held items 31..60

    // A crashed job saved `position`: it starts at the page that was being read, so nothing is lost.
    const saved = JSON.parse(JSON.stringify(firstRun.position));
    expect(saved).toEqual({ cursor: expect.any(String) });
    const rest: Item[] = [];
    for await (const item of output.client.listItems.all(client, { query: { limit: 30 } }, { from: saved }))
      rest.push(item);
    expect(ids(rest)).toEqual(ids(app.rows.slice(30)));

    const pages = output.client.listItems.pages(client, { query: { limit: 30 } }, { maxPages: 3 });
    const counts: number[] = [];
    for await (const page of pages) counts.push(page.items.length);
    expect(counts).toEqual([30, 30, 30]);
    expect(pages.done).toBe(false);
  }, 120_000);

  it("stops at the caller's signal", async () => {
    app = await startPagingApp(output, { rows: 200 });
    const client = output.client.createClient({ baseUrl: app.url });
    const controller = new AbortController();
    const items: Item[] = [];
    const listing = async () => {
      for await (const item of output.client.listItems.all(
        client,
        { query: { limit: 10 } },
        { signal: controller.signal },
      )) {
        items.push(item);
        if (items.length === 15) controller.abort(new Error('enough'));
      }
    };
    const error = await listing().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isAbortedError(error)).toBe(true);
    expect(items).toHaveLength(20); // the page in hand is handed out; no further page is fetched
    expect(app.seen.get('listItems')).toHaveLength(2);
  }, 120_000);

  it('follows Link rel="next" headers', async () => {
    app = await startPagingApp(output, { rows: 120 });
    const client = output.client.createClient({ baseUrl: app.url });
    const items: Item[] = [];
    for await (const item of output.client.listEvents.all(client)) items.push(item);
    expect(ids(items)).toEqual(ids(app.rows));
    expect((app.seen.get('listEvents') ?? []).map((q) => q.get('page'))).toEqual([null, '2', '3']);
  }, 120_000);
});
