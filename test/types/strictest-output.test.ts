/**
 * Issue 13: the generated client, server, runtime (copied) and types of the payments example compile with 0
 * errors under every flag of `@tsconfig/strictest` plus `allowJs`, with `NodeNext` and with `ESNext`/`Bundler`.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { typecheckStrictest } from '../helpers/strictest.js';

describe('generated output compiles under @tsconfig/strictest', () => {
  it.each(['NodeNext', 'Bundler'] as const)(
    'payments (client and server, runtime copied), %s',
    async (setting) => {
      const outDir = `test/.out/strictest-payments-${setting}`;
      rmSync(outDir, { recursive: true, force: true });
      const result = await generate({
        spec: 'examples/payments.yaml',
        outDir,
        target: 'both',
        mode: 'write',
      });
      expect(result.syntaxProblems).toEqual([]);
      expect(typecheckStrictest(outDir, setting)).toEqual([]);
    },
    60_000,
  );
});
