import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The three ways a user's project runs `tsc` over generated code, each a tsconfig written into the output
 * directory with the strictest settings a user's project may have and no Node types (as
 * test/helpers/typecheck-dir.ts checks the snapshots):
 * - `check`: a bundler project, `tsc --noEmit` over the `.ts` files (the bundler loads the `.js` files);
 * - `emit`: `tsc -p` with `allowJs` and an `outDir`, the setup the README gives projects that compile with tsc;
 * - `build`: `tsc -b` with `composite` (declarations too), `allowJs` and an `outDir`, as a project reference.
 */
export type TscSetup = 'check' | 'emit' | 'build';

export const TSC_SETUPS: readonly TscSetup[] = ['check', 'emit', 'build'];

const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
  verbatimModuleSyntax: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: [],
  skipLibCheck: false,
};

const outDirOf = (dir: string) => `${dir}.tsc-out`;

/** Writes `tsconfig.<setup>.json` into `dir` and returns tsc's arguments for it. */
export function writeTsconfig(dir: string, setup: TscSetup): string[] {
  const path = join(dir, `tsconfig.${setup}.json`);
  const compilerOptions =
    setup === 'check'
      ? { ...STRICT, noEmit: true }
      : {
          ...STRICT,
          allowJs: true,
          outDir: outDirOf(dir),
          ...(setup === 'build'
            ? { composite: true, tsBuildInfoFile: join(outDirOf(dir), '.tsbuildinfo') }
            : {}),
        };
  const config = { compilerOptions, include: setup === 'check' ? ['**/*.ts'] : ['**/*'] };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return setup === 'build' ? ['-b', path] : ['-p', path];
}

/** Before each run: no output and no build info from the last one (`tsc -b` would otherwise do nothing). */
export const clearTscOutput = (dir: string) => () => rmSync(outDirOf(dir), { recursive: true, force: true });

/** `error TS....` lines in tsc's output. */
export function countTscErrors(output: string): number {
  return output.split('\n').filter((line) => /error TS\d+/.test(line)).length;
}
