/**
 * Generated output for the fixtures is checked in under test/generated/<name>/ (runtime imported from the
 * package, so the snapshot holds only what the templates make) and type-checked with the project's strict
 * tsconfig by `npm test`. This test fails when the generator's output drifts from the checked-in files;
 * refresh them with `npm run snapshots:update` and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

const SNAPSHOT_CASES = [
  { name: 'payments', spec: 'examples/payments.yaml' },
  { name: 'hostile', spec: 'fixtures/gen-hostile/openapi.yaml' },
] as const;

const update = process.env.UPDATE_SNAPSHOTS === '1';

describe('generated output snapshots', () => {
  it.each(SNAPSHOT_CASES)(
    '$name matches test/generated/$name',
    async ({ name, spec }) => {
      const result = await generate({
        spec,
        outDir: `test/generated/${name}`,
        runtime: 'package',
        mode: update ? 'write' : 'check',
      });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.syntaxProblems).toEqual([]);
      expect(result.emitted?.stale).toEqual([]);
    },
    60_000,
  );
});
