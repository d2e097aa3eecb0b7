import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlerResultToResponse } from '../../../src/runtime/server/handler-response.js';
import { negotiateMediaType } from '../../../src/runtime/server/negotiate.js';

const JSON_CSV = ['application/json', 'text/csv'];

describe('negotiateMediaType', () => {
  it('takes the first offered type without an Accept header, with */* and with the first type itself', () => {
    expect(negotiateMediaType(undefined, JSON_CSV)).toBe('application/json');
    expect(negotiateMediaType('*/*', JSON_CSV)).toBe('application/json');
    expect(negotiateMediaType('application/json', JSON_CSV)).toBe('application/json');
  });

  it('is undefined when nothing is offered, whatever the header', () => {
    expect(negotiateMediaType('text/csv', [])).toBeUndefined();
    expect(negotiateMediaType(undefined, [])).toBeUndefined();
  });

  it('picks the offered type the header names, and null when it names none', () => {
    expect(negotiateMediaType('text/csv', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('TEXT/CSV', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('application/xml', JSON_CSV)).toBeNull();
    expect(negotiateMediaType('image/*', JSON_CSV)).toBeNull();
  });

  it('weighs by q, ties going to the offered order', () => {
    expect(negotiateMediaType('application/json;q=0.5, text/csv', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('text/csv;q=0.9, application/json;q=0.9', JSON_CSV)).toBe('application/json');
    expect(negotiateMediaType('text/csv; q=1.000, */*;q=0.1', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('text/csv, application/json', JSON_CSV)).toBe('application/json');
  });

  it('lets the most specific range give the weight: type/subtype over type/* over */*', () => {
    expect(negotiateMediaType('text/*;q=0, text/csv', ['text/plain', 'text/csv'])).toBe('text/csv');
    expect(negotiateMediaType('text/*, text/csv;q=0', ['text/csv', 'text/plain'])).toBe('text/plain');
    expect(negotiateMediaType('*/*;q=0.1, text/*;q=0.5', JSON_CSV)).toBe('text/csv');
  });

  it('excludes with q=0', () => {
    expect(negotiateMediaType('application/json;q=0', ['application/json'])).toBeNull();
    expect(negotiateMediaType('*/*;q=0', JSON_CSV)).toBeNull();
    expect(negotiateMediaType('application/json;q=0, */*', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('*/*, application/json;q=0', JSON_CSV)).toBe('text/csv');
  });

  it('ignores media type parameters other than q, on both sides', () => {
    expect(negotiateMediaType('text/plain; charset=utf-8', ['text/plain'])).toBe('text/plain');
    expect(negotiateMediaType('text/plain', ['text/plain; charset=utf-8'])).toBe('text/plain; charset=utf-8');
    expect(negotiateMediaType('text/csv; header=present; q=0.2, application/json; q=0.1', JSON_CSV)).toBe(
      'text/csv',
    );
  });

  it('matches offered wildcards against any overlapping range', () => {
    expect(negotiateMediaType('image/png', ['image/*'])).toBe('image/*');
    expect(negotiateMediaType('text/html', ['image/*'])).toBeNull();
    expect(negotiateMediaType('application/xml', ['*/*'])).toBe('*/*');
    expect(negotiateMediaType('image/png;q=0.5, application/json', ['image/*', 'application/json'])).toBe(
      'application/json',
    );
  });

  it('skips malformed ranges and q values; a header with no usable range accepts everything', () => {
    expect(negotiateMediaType('text/csv;q=abc', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('text/csv;q=1.5, application/json;q=0.5', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('garbage, text/csv', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('*/csv, text/csv', JSON_CSV)).toBe('text/csv');
    expect(negotiateMediaType('', JSON_CSV)).toBe('application/json');
    expect(negotiateMediaType(' , ;q=0, /, text/', JSON_CSV)).toBe('application/json');
  });

  it('never throws, and answers one of the offered types or null, for any header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (accept) => {
        const chosen = negotiateMediaType(accept, JSON_CSV);
        expect(chosen === null || JSON_CSV.includes(chosen as string)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('handlerResultToResponse with a content map', () => {
  const content = { 'application/json': { id: 'r1' }, 'text/csv': 'id\nr1\n' };

  it('sends the negotiated representation with its content type, JSON serialized', () => {
    const json = handlerResultToResponse({ status: 200, content }, 'application/json', undefined);
    expect(json).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"id":"r1"}',
    });
    const csv = handlerResultToResponse({ status: 200, content }, 'text/csv', 'text/csv');
    expect(csv).toEqual({ status: 200, headers: { 'content-type': 'text/csv' }, body: 'id\nr1\n' });
  });

  it('falls back to the map type Accept prefers, then to the first, when it lacks the negotiated one', () => {
    const only = { 'text/csv': 'a', 'application/xml': '<a/>' };
    expect(
      handlerResultToResponse(
        { status: 200, content: only },
        'application/json',
        'application/xml, */*;q=0.1',
      ).body,
    ).toBe('<a/>');
    expect(
      handlerResultToResponse({ status: 200, content: only }, 'application/json', 'application/json').body,
    ).toBe('a');
  });

  it("keeps the handler's content-type when it names the same media type (a charset, say)", () => {
    const result = handlerResultToResponse(
      { status: 200, content, headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
      'text/csv',
      'text/csv',
    );
    expect(result.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('a JSON string representation is serialized as JSON, not sent as it is', () => {
    const result = handlerResultToResponse(
      { status: 200, content: { 'application/json': 'hello' } },
      'application/json',
      undefined,
    );
    expect(result.body).toBe('"hello"');
  });
});
