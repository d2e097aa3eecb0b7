/**
 * RFC 8288 `Link` header parsing: `<https://api.test/items?page=2>; rel="next", <...>; rel="prev last"`.
 * Quoted parameter values may hold commas and semicolons; a `rel` may name several relations.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3 RFC 8288 section 3, Link serialisation in HTTP headers
 */

export interface LinkValue {
  /** The target as written between `<` and `>` (may be relative). */
  uri: string;
  /** Relation types, lower-cased. */
  rel: string[];
  /** Every parameter, names lower-cased, the first of a repeated name kept. */
  params: Record<string, string>;
}

/** Every link of a `Link` header value; malformed links are skipped. */
export function parseLinkHeader(value: string | null | undefined): LinkValue[] {
  const links: LinkValue[] = [];
  if (!value) return links;
  let at = 0;
  const text = value;
  const skip = (pattern: RegExp) => {
    while (at < text.length && pattern.test(text[at] as string)) at++;
  };
  while (at < text.length) {
    skip(/[\s,]/);
    if (text[at] !== '<') {
      // Not a link: skip to the next comma outside quotes.
      at = nextComma(text, at);
      continue;
    }
    const end = text.indexOf('>', at);
    if (end === -1) break;
    const uri = text.slice(at + 1, end).trim();
    at = end + 1;
    const params: Record<string, string> = {};
    let relations = '';
    for (;;) {
      skip(/\s/);
      if (text[at] !== ';') break;
      at++;
      skip(/\s/);
      const name = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\*?/.exec(text.slice(at))?.[0];
      if (name === undefined) break;
      at += name.length;
      skip(/\s/);
      let paramValue = '';
      if (text[at] === '=') {
        at++;
        skip(/\s/);
        if (text[at] === '"') {
          at++;
          while (at < text.length && text[at] !== '"') {
            if (text[at] === '\\') at++;
            paramValue += text[at] ?? '';
            at++;
          }
          at++;
        } else {
          const token = /^[^\s;,]*/.exec(text.slice(at))?.[0] ?? '';
          paramValue = token;
          at += token.length;
        }
      }
      const key = name.toLowerCase();
      if (Object.hasOwn(params, key)) continue;
      params[key] = paramValue;
      if (key === 'rel') relations = paramValue;
    }
    const rel = relations.toLowerCase().split(/\s+/).filter(Boolean);
    links.push({ uri, rel, params });
    at = nextComma(text, at);
  }
  return links;
}

function nextComma(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && quoted) i++;
    else if (c === ',' && !quoted) return i + 1;
  }
  return text.length;
}

/** The target of the first link whose relations include `rel` (`next` by default). */
export function findLink(value: string | null | undefined, rel = 'next'): string | undefined {
  return parseLinkHeader(value).find((link) => link.rel.includes(rel.toLowerCase()))?.uri;
}
