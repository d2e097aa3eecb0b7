/** The vocabulary of `x-pagination`, shared by the generator's model and the runtime's iterators. */

/**
 * `cursor` and `pageToken`: a request parameter carries the position and the response names the next one;
 * `link`: the response's `Link` header (RFC 8288) has a `rel="next"` URL; `offset`: offset and limit parameters.
 */
export type PaginationType = 'cursor' | 'pageToken' | 'link' | 'offset';

/** Where a response carries the next cursor: a JSON pointer into its body, or a header. */
export type NextCursorSource = { in: 'body'; pointer: string } | { in: 'header'; name: string };

/** How one operation pages, as the generator emits it next to the operation. */
export interface PaginationSpec {
  type: PaginationType;
  /** JSON pointer of the items array in a success body; `''` is the body itself. */
  items: string;
  /** `cursor` and `pageToken`: the query parameter that carries the cursor. */
  cursorParam?: string;
  /** `cursor` and `pageToken`: where the response carries the next cursor (absent, null or `''`: last page). */
  nextCursor?: NextCursorSource;
  /** `offset`: the query parameter of the offset. */
  offsetParam?: string;
  /** The page-size query parameter, if the operation has one. */
  limitParam?: string;
}

/**
 * Where a listing stands: the cursor, offset or `next` link URL that fetches a page. Pass it back as `from`
 * to continue a listing (after a crash, from another process); it is plain JSON.
 */
export type PagePosition = { cursor: string } | { offset: number } | { link: string };
