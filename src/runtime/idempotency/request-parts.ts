import type { HeadersLike, QueryLike } from './types.js';

/** Every value of a header, matched case-insensitively; `[]` when absent. */
export function readHeaderValues(headers: HeadersLike | undefined, name: string): string[] {
  if (headers === undefined) return [];
  if (isHeaders(headers)) {
    const value = headers.get(name);
    return value === null ? [] : [value];
  }
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const key of Object.keys(headers)) {
    // The length first: most names differ in it, and then need no lower-cased copy.
    if (key !== lower && (key.length !== lower.length || key.toLowerCase() !== lower)) continue;
    const value = headers[key];
    if (typeof value === 'string') values.push(value);
    else if (value !== undefined) values.push(...value);
  }
  return values;
}

/** A header's value as HTTP combines repeated fields (`, `), or `undefined` when absent. */
export function readHeader(headers: HeadersLike | undefined, name: string): string | undefined {
  const values = readHeaderValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Every value of a query parameter (exact name); `[]` when absent. */
export function readQueryValues(query: QueryLike | undefined, name: string): string[] {
  if (query === undefined) return [];
  if (isSearchParams(query)) return query.getAll(name);
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

/**
 * All query pairs, sorted by name (UTF-16 code units); the values of one name keep their order, since
 * `a=1&a=2` and `a=2&a=1` may mean different lists.
 */
export function queryToSortedPairs(query: QueryLike | undefined): [string, string][] {
  if (query === undefined) return [];
  const pairs: [string, string][] = isSearchParams(query)
    ? searchParamsToPairs(query)
    : Object.entries(query).flatMap(([name, value]) =>
        value === undefined
          ? []
          : (typeof value === 'string' ? [value] : [...value]).map((v): [string, string] => [name, v]),
      );
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `forEach`, not `entries()`: the runtime type-checks without the DOM.Iterable lib (edge projects). */
function searchParamsToPairs(query: URLSearchParams): [string, string][] {
  const pairs: [string, string][] = [];
  query.forEach((value, name) => {
    pairs.push([name, value]);
  });
  return pairs;
}

function isHeaders(value: HeadersLike): value is Headers {
  return typeof (value as Headers).get === 'function' && typeof (value as Headers).has === 'function';
}

function isSearchParams(value: QueryLike): value is URLSearchParams {
  return typeof (value as URLSearchParams).getAll === 'function';
}
