import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/runtime/retry/index.js';

const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

describe('parseRetryAfter', () => {
  it.each([
    ['delay-seconds', { 'retry-after': '3' }, 3000],
    ['zero seconds', { 'Retry-After': '0' }, 0],
    ['HTTP date in the future', { 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }, 5000],
    ['HTTP date in the past', { 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }, 0],
    ['retry-after-ms', { 'retry-after-ms': '250' }, 250],
    ['retry-after-ms wins over Retry-After', { 'retry-after-ms': '250', 'retry-after': '3' }, 250],
    ['fractional retry-after-ms', { 'retry-after-ms': '12.5' }, 12.5],
    ['malformed retry-after-ms falls back', { 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    ['negative seconds', { 'retry-after': '-1' }, undefined],
    ['fractional seconds', { 'retry-after': '1.5' }, undefined],
    ['garbage', { 'retry-after': 'later' }, undefined],
    ['absent', {}, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(parseRetryAfter({ headers: new Headers(headers), now })).toBe(expected);
  });
});

describe('parseRetryAfter date forms', () => {
  it.each([
    ['RFC 850', 'Wednesday, 21-Oct-15 07:28:10 GMT'],
    ['asctime (read as GMT)', 'Wed Oct 21 07:28:10 2015'],
  ])('reads the obsolete %s form', (_name, value) => {
    expect(parseRetryAfter({ headers: new Headers({ 'retry-after': value }), now })).toBe(10_000);
  });
});
