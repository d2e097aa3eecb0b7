/** Default base of the framework's problem type URIs when the config sets none. */
export const DEFAULT_PROBLEM_BASE = 'https://idemgen.dev/problems/';

/** Ends `base` with a separator: kept when it already ends in `/`, `#` or `:`, else `/` is added. */
const withSeparator = (base: string): string => (/[/#:]$/.test(base) ? base : `${base}/`);

/** The type URI of a slug under a base: `problemType('https://x.test/problems', 'a')` is `.../problems/a`. */
export const problemType = (base: string, slug: string): string => `${withSeparator(base)}${slug}`;

/**
 * The slug of a problem type URI. With `base`, only URIs under that base give a slug. Without it, the last
 * segment after `/`, `#` or `:` is the slug (so a client that does not know the server's base still
 * recognizes `.../idempotency-request-in-progress`). `about:blank` and empty types have no slug.
 */
export const slugOf = (type: string, base?: string): string | undefined => {
  if (type === '' || type === 'about:blank') return undefined;
  if (base !== undefined) {
    const prefix = withSeparator(base);
    if (!type.startsWith(prefix)) return undefined;
    const rest = type.slice(prefix.length);
    return rest === '' ? undefined : rest;
  }
  const match = /([^/#:]+)\/?$/.exec(type);
  return match?.[1];
};
