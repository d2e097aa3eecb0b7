import { describe, expect, it } from 'vitest';
import { findLink, parseLinkHeader } from '../../src/runtime/pagination/link-header.js';

describe('parseLinkHeader (RFC 8288)', () => {
  it('reads several links, quoted and bare rel values, several relations in one rel', () => {
    const header =
      '<https://api.test/items?page=3>; rel="next", <https://api.test/items?page=1>; rel=prev, <https://api.test/items?page=9>; rel="last first"';
    expect(parseLinkHeader(header)).toEqual([
      { uri: 'https://api.test/items?page=3', rel: ['next'], params: { rel: 'next' } },
      { uri: 'https://api.test/items?page=1', rel: ['prev'], params: { rel: 'prev' } },
      { uri: 'https://api.test/items?page=9', rel: ['last', 'first'], params: { rel: 'last first' } },
    ]);
    expect(findLink(header, 'first')).toBe('https://api.test/items?page=9');
  });

  it('keeps commas and semicolons inside quoted values and inside the URI', () => {
    const header = '</a?x=1,2;y>; title="one, two; three"; rel="NEXT", </b>; rel="prev"';
    expect(findLink(header)).toBe('/a?x=1,2;y');
    expect(parseLinkHeader(header)[0]?.params.title).toBe('one, two; three');
  });

  it('skips malformed parts and answers undefined without a next link', () => {
    expect(findLink('garbage, <https://x.test/2>; rel=next')).toBe('https://x.test/2');
    expect(findLink('<https://x.test/1>; rel=prev')).toBeUndefined();
    expect(findLink(null)).toBeUndefined();
    expect(parseLinkHeader('<unterminated; rel=next')).toEqual([]);
  });
});
