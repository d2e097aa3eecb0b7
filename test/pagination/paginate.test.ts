/**
 * The iterators over a fake operation function (no sockets): the input each page is called with, where
 * each style stops, resuming, and a page whose items are not an array.
 */
import { describe, expect, it } from 'vitest';
import { ItemIterator, type PageCallResult, PageIterator } from '../../src/runtime/pagination/paginate.js';
import type { PaginationSpec } from '../../src/runtime/pagination/types.js';

type Call = { input: { query?: Record<string, unknown> }; options: unknown };

/** An operation function answering `pages` in turn, recording each call. */
function fakeOperation(pages: { data: unknown; headers?: Record<string, string> }[]) {
  const calls: Call[] = [];
  const fetchPage = async (input: object, options: unknown): Promise<PageCallResult> => {
    calls.push({ input: input as Call['input'], options });
    const page = pages[calls.length - 1];
    if (!page) throw new Error(`no page ${calls.length}`);
    return { ok: true, status: 200, data: page.data, headers: new Headers(page.headers) };
  };
  return { fetchPage, calls };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('offset paging', () => {
  const spec: PaginationSpec = { type: 'offset', items: '/rows', offsetParam: 'skip', limitParam: 'take' };

  it('starts at the offset the caller sent, advances by the items received, stops at a short page', async () => {
    const op = fakeOperation([
      { data: { rows: [1, 2] } },
      { data: { rows: [3, 4] } },
      { data: { rows: [5] } },
    ]);
    const items = await collect(
      new ItemIterator(op.fetchPage, spec, { query: { skip: 10, take: 2 } }, undefined),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(op.calls.map((c) => c.input.query)).toEqual([
      { skip: 10, take: 2 },
      { skip: 12, take: 2 },
      { skip: 14, take: 2 },
    ]);
  });

  it('stops at an empty page when no limit was sent', async () => {
    const op = fakeOperation([{ data: { rows: [1] } }, { data: { rows: [] } }]);
    expect(await collect(new ItemIterator(op.fetchPage, spec, undefined, undefined))).toEqual([1]);
    expect(op.calls).toHaveLength(2);
  });
});

describe('cursor paging', () => {
  it('reads a header cursor, passes the call options through without the paging ones, resumes from `from`', async () => {
    const spec: PaginationSpec = {
      type: 'pageToken',
      items: '',
      cursorParam: 'pageToken',
      nextCursor: { in: 'header', name: 'X-Next' },
    };
    const op = fakeOperation([{ data: ['a'], headers: { 'x-next': 't2' } }, { data: ['b'] }]);
    const pages = new PageIterator<
      PageCallResult,
      string,
      { headers?: Record<string, string>; signal?: AbortSignal }
    >(
      op.fetchPage,
      spec,
      { query: { q: 'x' } },
      {
        from: { cursor: 't1' },
        maxItems: 10,
        headers: { 'x-trace': '1' },
      },
    );
    const seen = await collect(pages);
    expect(seen.map((p) => [p.items, p.position, p.next, p.number])).toEqual([
      [['a'], { cursor: 't1' }, { cursor: 't2' }, 1],
      [['b'], { cursor: 't2' }, undefined, 2],
    ]);
    expect(op.calls.map((c) => c.input.query)).toEqual([
      { q: 'x', pageToken: 't1' },
      { q: 'x', pageToken: 't2' },
    ]);
    expect(op.calls[0]?.options).toEqual({ headers: { 'x-trace': '1' } });
    expect(pages.done).toBe(true);
  });

  it('throws the failed call’s error and keeps the position of the page to fetch again', async () => {
    const spec: PaginationSpec = {
      type: 'cursor',
      items: '/d',
      cursorParam: 'c',
      nextCursor: { in: 'body', pointer: '/n' },
    };
    const failure = new Error('HTTP 500 after 3 attempts');
    let call = 0;
    const fetchPage = async (): Promise<PageCallResult> =>
      ++call === 1
        ? { ok: true, status: 200, data: { d: [1], n: 'c2' }, headers: new Headers() }
        : { ok: false, error: failure };
    const items = new ItemIterator(fetchPage, spec, undefined, undefined);
    const got: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of items) got.push(item);
      })(),
    ).rejects.toBe(failure);
    expect(got).toEqual([1]);
    expect(items.position).toEqual({ cursor: 'c2' });
  });

  it('refuses a page whose items are not an array', async () => {
    const spec: PaginationSpec = {
      type: 'cursor',
      items: '/d',
      cursorParam: 'c',
      nextCursor: { in: 'body', pointer: '/n' },
    };
    const op = fakeOperation([{ data: { d: { not: 'an array' } } }]);
    await expect(collect(new ItemIterator(op.fetchPage, spec, undefined, undefined))).rejects.toThrow(
      /items at "\/d" are not an array/,
    );
  });
});
