import { describe, expect, it } from 'vitest';
import { createReference } from '../../src/reference/create-reference.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('the Markdown reference of examples/payments.yaml', () => {
  it('matches the snapshot, with one SVG timeline per retried operation beside it', async () => {
    const result = await createReference({ spec: 'examples/payments.yaml', cwd: ROOT, format: 'markdown' });
    expect([...result.files.keys()]).toEqual([
      'reference.md',
      'timelines/createPayment.svg',
      'timelines/getPayment.svg',
      'timelines/upsertRefund.svg',
    ]);
    await expect(result.files.get('reference.md')).toMatchFileSnapshot('__snapshots__/payments.md');
    await expect(result.files.get('timelines/createPayment.svg')).toMatchFileSnapshot(
      '__snapshots__/payments-createPayment.svg',
    );
  });
});
