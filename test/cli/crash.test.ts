import { describe, expect, it, vi } from 'vitest';
import { runCli } from './support/run-cli.js';

vi.mock('../../src/lint.js', () => ({
  lint: async () => {
    throw new TypeError('a bug in idemgen');
  },
}));

describe('idemgen: an internal crash', () => {
  it('rejects, so that bin/idemgen.js prints the stack, instead of passing for a usage error', async () => {
    await expect(runCli(['lint', 'fixtures/cli-clean/openapi.yaml'])).rejects.toThrow(TypeError);
  });
});
