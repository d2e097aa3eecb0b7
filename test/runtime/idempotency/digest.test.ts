import { describe, expect, it } from 'vitest';
import { sha256Hex, subtleSha256Hex } from '../../../src/runtime/idempotency/digest.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each([
    ['ascii', '5#6:method4:POST'],
    ['non-ASCII', 'café 🍕 日本'],
    ['a lone surrogate (encoded as U+FFFD by both paths)', 'a\ud800b'],
    ['long', 'x'.repeat(100_000)],
  ])('gives the same digest on node:crypto and crypto.subtle for %s text', async (_name, text) => {
    expect(await sha256Hex(text)).toBe(await subtleSha256Hex(text));
  });
});
