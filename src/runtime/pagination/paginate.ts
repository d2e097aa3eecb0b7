/**
 * The iterators behind a generated operation's `.pages()` and `.all()`: fetch a page, hand out its items,
 * follow its next position, until the last page, `maxItems`, `maxPages` or the caller's signal.
 *
 * Each page is one call of the generated operation function (`fetchPage`), so it runs the operation's retry
 * policy: a failed page fetch is retried with the same cursor, and a page never starts from the wrong place.
 * A page that fails for good ends the iteration by throwing that call's error; `position` then says which
 * page to fetch again (pass it as `from`).
 */
import { AbortedError } from '../errors/transport-errors.js';
import { resolveJsonPointer } from '../shared/json-pointer.js';
import { findLink } from './link-header.js';
import type { PagePosition, PaginationSpec } from './types.js';

/** What a generated operation function answers, as far as paging needs it. */
export type PageCallResult =
  | { ok: true; status: number; data: unknown; headers: Headers }
  | { ok: false; error: unknown };

/** The generated operation function, bound to its client: `(input, options) => listItems(client, input, options)`. */
export type FetchPage<R extends PageCallResult, O> = (input: PageInput, options: O | undefined) => Promise<R>;

/** An operation's input (`path`, `query`, `headers`, `body`): paging changes its `query`. */
export interface PageInput {
  query?: object | undefined;
}

export interface PaginateOptions {
  /** Start here instead of at the first page: a `position` saved from an earlier listing. */
  from?: PagePosition | undefined;
  /** Stop after this many items (`.all()`) or after the page that reaches it (`.pages()`). */
  maxItems?: number | undefined;
  /** Stop after this many pages. */
  maxPages?: number | undefined;
  /** Cancels the page fetch in flight and the listing. */
  signal?: AbortSignal | undefined;
}

/** One page: the operation's success result, its items, where it started and where the next one starts. */
export interface Page<R, Item> {
  result: Extract<R, { ok: true }>;
  items: Item[];
  /** The position that fetched this page (`undefined`: the first page). */
  position: PagePosition | undefined;
  /** The position of the next page; `undefined` on the last page. */
  next: PagePosition | undefined;
  /** 1-based number of this page in this listing. */
  number: number;
}

/**
 * The pages of one listing. `position` is the position of the page being handed out (`undefined` before
 * the first, and for a first page fetched without a position): save it, and a crashed job that passes it
 * back as `from` fetches that page again and loses nothing (it may see that page's items twice).
 * `done` turns true after the last page.
 */
export class PageIterator<R extends PageCallResult, Item, O extends { signal?: AbortSignal | undefined }>
  implements AsyncIterable<Page<R, Item>>
{
  position: PagePosition | undefined;
  done = false;
  pages = 0;
  items = 0;

  constructor(
    private readonly fetchPage: FetchPage<R, O>,
    private readonly spec: PaginationSpec,
    private readonly input: object | undefined,
    private readonly options: (O & PaginateOptions) | undefined,
  ) {
    this.position = options?.from;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Page<R, Item>, void, undefined> {
    const {
      maxItems = Number.POSITIVE_INFINITY,
      maxPages = Number.POSITIVE_INFINITY,
      signal,
    } = this.options ?? {};
    const callOptions = this.callOptions();
    let position = this.position;
    while (!this.done && this.pages < maxPages && this.items < maxItems) {
      if (signal?.aborted) throw new AbortedError({ attempts: 0, cause: signal.reason });
      this.position = position;
      const result = await this.fetchPage(pageInput(this.spec, this.input, position), callOptions);
      if (!result.ok) throw result.error;
      const items = itemsOf(this.spec, result.data) as Item[];
      const next = nextPosition({
        spec: this.spec,
        result,
        position,
        count: items.length,
        input: this.input,
      });
      this.pages++;
      this.items += items.length;
      if (next === undefined) this.done = true;
      yield { result: result as Extract<R, { ok: true }>, items, position, next, number: this.pages };
      position = next;
    }
  }

  /** The caller's options without the paging ones: what each page's call gets. */
  private callOptions(): O | undefined {
    if (this.options === undefined) return undefined;
    const { from: _from, maxItems: _items, maxPages: _pages, ...rest } = this.options;
    return rest as unknown as O;
  }
}

/** The items of one listing, page by page; `position` as on `PageIterator`. */
export class ItemIterator<R extends PageCallResult, Item, O extends { signal?: AbortSignal | undefined }>
  implements AsyncIterable<Item>
{
  private readonly pageIterator: PageIterator<R, Item, O>;
  private readonly maxItems: number;

  constructor(
    fetchPage: FetchPage<R, O>,
    spec: PaginationSpec,
    input: object | undefined,
    options: (O & PaginateOptions) | undefined,
  ) {
    this.pageIterator = new PageIterator(fetchPage, spec, input, options);
    this.maxItems = options?.maxItems ?? Number.POSITIVE_INFINITY;
  }

  get position(): PagePosition | undefined {
    return this.pageIterator.position;
  }

  get done(): boolean {
    return this.pageIterator.done;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    let given = 0;
    for await (const page of this.pageIterator) {
      for (const item of page.items) {
        if (given >= this.maxItems) return;
        given++;
        yield item;
      }
    }
  }
}

/** The input of the page at `position`: the caller's input with the position's query parameters. */
export function pageInput(
  spec: PaginationSpec,
  input: object | undefined,
  position: PagePosition | undefined,
): PageInput {
  const base: PageInput = { ...input };
  if (position === undefined) return base;
  const query: Record<string, unknown> = { ...(base.query as Record<string, unknown> | undefined) };
  if ('cursor' in position && spec.cursorParam) query[spec.cursorParam] = position.cursor;
  else if ('offset' in position) query[spec.offsetParam ?? 'offset'] = position.offset;
  else if ('link' in position) return { ...base, query: linkQuery(position.link) };
  return { ...base, query };
}

/** The query of a `next` link as the operation's query input (a repeated name gives an array). */
function linkQuery(link: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  // forEach: a project whose lib has no `dom.iterable` cannot iterate URLSearchParams.
  new URL(link, 'http://link.invalid/').searchParams.forEach((value, name) => {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  });
  return query;
}

function itemsOf(spec: PaginationSpec, data: unknown): unknown[] {
  const items = resolveJsonPointer(data, spec.items);
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items))
    throw new TypeError(
      `The page's items at "${spec.items}" are not an array (x-pagination.items names the wrong field).`,
    );
  return items;
}

function nextPosition(options: {
  spec: PaginationSpec;
  result: { data: unknown; headers: Headers };
  position: PagePosition | undefined;
  count: number;
  input: object | undefined;
}): PagePosition | undefined {
  const { spec, result, position, count } = options;
  switch (spec.type) {
    case 'cursor':
    case 'pageToken': {
      const source = spec.nextCursor;
      const raw =
        source === undefined
          ? undefined
          : source.in === 'header'
            ? result.headers.get(source.name)
            : resolveJsonPointer(result.data, source.pointer);
      if (typeof raw === 'number') return { cursor: String(raw) };
      return typeof raw === 'string' && raw !== '' ? { cursor: raw } : undefined;
    }
    case 'link': {
      const next = findLink(result.headers.get('link'));
      return next === undefined ? undefined : { link: next };
    }
    case 'offset': {
      if (count === 0) return undefined;
      const query = (options.input as PageInput | undefined)?.query as Record<string, unknown> | undefined;
      const limit = Number(query?.[spec.limitParam ?? '']);
      if (Number.isInteger(limit) && limit > 0 && count < limit) return undefined;
      const first = Number(query?.[spec.offsetParam ?? 'offset'] ?? 0);
      const offset =
        position !== undefined && 'offset' in position
          ? position.offset
          : Number.isInteger(first)
            ? first
            : 0;
      return { offset: offset + count };
    }
  }
}
