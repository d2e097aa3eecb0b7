/** Pagination: the iterators of generated clients, `Link` header parsing, and signed cursors for servers. */
export {
  type CursorCodec,
  type CursorCodecOptions,
  type CursorReading,
  type CursorRefusal,
  createCursorCodec,
} from './cursor.js';
export { findLink, type LinkValue, parseLinkHeader } from './link-header.js';
export {
  type FetchPage,
  ItemIterator,
  type Page,
  type PageCallResult,
  type PageInput,
  PageIterator,
  type PaginateOptions,
  pageInput,
} from './paginate.js';
export type { NextCursorSource, PagePosition, PaginationSpec, PaginationType } from './types.js';
