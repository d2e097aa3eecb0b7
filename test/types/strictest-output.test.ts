/**
 * Issue 13: the generated client, server, runtime (copied) and types compile with 0 errors under every flag of
 * `@tsconfig/strictest` plus `allowJs`, with `NodeNext` and with `ESNext`/`Bundler`, together with a small
 * program that uses the client and the server as a user would.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { MODULE_SETTINGS, type ModuleSetting, typecheckStrictest } from '../helpers/strictest.js';
import { BODIES_PROGRAM, NEGOTIATION_PROGRAM, PAYMENTS_PROGRAM } from '../helpers/strictest-programs.js';

describe('generated output compiles under @tsconfig/strictest', () => {
  const cases = Object.keys(MODULE_SETTINGS).flatMap((setting) => [
    {
      name: 'payments',
      spec: 'examples/payments.yaml',
      program: PAYMENTS_PROGRAM,
      setting: setting as ModuleSetting,
    },
    {
      name: 'bodies',
      spec: 'fixtures/e2e-bodies/openapi.yaml',
      program: BODIES_PROGRAM,
      setting: setting as ModuleSetting,
    },
    {
      name: 'negotiation',
      spec: 'fixtures/content-negotiation/openapi.yaml',
      program: NEGOTIATION_PROGRAM,
      setting: setting as ModuleSetting,
    },
    {
      name: 'hostile',
      spec: 'fixtures/gen-hostile/openapi.yaml',
      program: undefined,
      setting: setting as ModuleSetting,
    },
  ]);
  it.each(cases)(
    '$name (client, server, runtime copied), $setting',
    async ({ name, spec, program, setting }) => {
      const outDir = `test/.out/strictest-${name}-${setting}`;
      rmSync(outDir, { recursive: true, force: true });
      const result = await generate({ spec, outDir, target: 'both', mode: 'write' });
      expect(result.syntaxProblems).toEqual([]);
      if (program !== undefined) writeFileSync(join(outDir, 'program.ts'), program);
      expect(typecheckStrictest(outDir, setting)).toEqual([]);
    },
    60_000,
  );
});
