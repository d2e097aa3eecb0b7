import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A `tsconfig.json` in `dir` with the strictest settings a user's project may have and no Node types (as
 * test/helpers/typecheck-dir.ts checks the snapshots): `tsc -p <dir>` then type-checks every `.ts` there.
 */
export function writeStrictTsconfig(dir: string): string {
  const config = {
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: false,
      verbatimModuleSyntax: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      types: [],
      noEmit: true,
      skipLibCheck: false,
    },
    include: ['**/*.ts'],
  };
  const path = join(dir, 'tsconfig.json');
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** `error TS....` lines in tsc's output. */
export function countTscErrors(output: string): number {
  return output.split('\n').filter((line) => /error TS\d+/.test(line)).length;
}
