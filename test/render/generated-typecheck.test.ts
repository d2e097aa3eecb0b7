/**
 * The generated output with its runtime copied in, type-checked as a user's project would: `tsc --strict`,
 * `noUncheckedIndexedAccess`, `verbatimModuleSyntax`, NodeNext, and no Node types (Web-standard only).
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

describe('generated output compiles under tsc --strict', () => {
  it.each([
    { name: 'payments', spec: 'examples/payments.yaml' },
    { name: 'hostile', spec: 'fixtures/gen-hostile/openapi.yaml' },
  ])(
    '$name (client and server, runtime copied)',
    async ({ name, spec }) => {
      const outDir = `test/.out/typecheck-${name}`;
      rmSync(outDir, { recursive: true, force: true });
      const result = await generate({ spec, outDir, target: 'both', mode: 'write' });
      expect(result.syntaxProblems).toEqual([]);
      expect(typecheckDir(outDir)).toEqual([]);
    },
    60_000,
  );
});
