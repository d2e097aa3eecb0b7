import { describe, expect, it } from 'vitest';
import {
  isReplayableStatus,
  outcomeToResponse,
  responseToOutcome,
} from '../../../src/runtime/idempotency/index.js';

describe('isReplayableStatus', () => {
  it.each([
    [201, ['2XX', '4XX'], true],
    [204, ['2xx'], true],
    [404, ['2XX', '4XX'], true],
    [409, ['2XX', '4XX'], false],
    [429, ['4XX', '429'], false],
    [500, ['2XX', '4XX'], false],
    [500, ['5XX'], true],
    [201, ['201'], true],
    [200, ['201'], false],
    [201, [201], true],
    [302, ['2XX', '4XX'], false],
    [200, ['default'], false],
  ] as const)('%i with %j → %s', (status, patterns, expected) => {
    expect(isReplayableStatus(status, patterns)).toBe(expected);
  });
});

describe('responseToOutcome / outcomeToResponse', () => {
  it('keeps content-type and the declared headers only, lower-cased', () => {
    const outcome = responseToOutcome(
      {
        status: 201,
        headers: { 'Content-Type': 'application/json', Location: '/o/1', 'Set-Cookie': 's=1', ETag: '"v1"' },
        body: '{}',
      },
      ['location', 'ETag'],
    );
    expect(outcome).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', location: '/o/1', etag: '"v1"' },
      body: '{}',
      bodyEncoding: 'text',
    });
  });

  it('round-trips text, binary and empty bodies and marks the replay', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => i % 256);
    const binary = outcomeToResponse(responseToOutcome({ status: 200, headers: {}, body: bytes }, []));
    expect(binary).toEqual({ status: 200, headers: { 'idempotent-replayed': 'true' }, body: bytes });
    const text = outcomeToResponse(responseToOutcome({ status: 200, headers: {}, body: 'é✓' }, []));
    expect(text.body).toBe('é✓');
    const empty = outcomeToResponse(responseToOutcome({ status: 204, headers: {} }, []));
    expect(empty).toEqual({ status: 204, headers: { 'idempotent-replayed': 'true' } });
  });
});
