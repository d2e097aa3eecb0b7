import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * Compile `src` with tsconfig.build.json into a throwaway copy of the package (`<outDir>/dist`, beside a copy
 * of `bin/idemgen.js` and `package.json`, with `src`, `templates` and `examples` linked), so the real binary can be
 * spawned against current sources without writing the shared `dist/` or trusting its mtimes. `outDir` must be
 * inside the repository so that `node_modules` resolves. Returns the path of the copied `bin/idemgen.js`.
 */
export function buildPackage(outDir: string): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'bin'), { recursive: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = ['-p', 'tsconfig.build.json', '--outDir', join(outDir, 'dist'), '--declaration', 'false'];
  // Type errors elsewhere in the tree do not stop tsc from emitting; a missing entry point does stop us.
  const build = spawnSync(process.execPath, [tsc, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (!existsSync(join(outDir, 'dist/cli/main.js'))) {
    throw new Error(`tsc did not emit dist/cli/main.js:\n${build.stdout}${build.stderr}`);
  }
  copyFileSync(join(REPO_ROOT, 'bin/idemgen.js'), join(outDir, 'bin/idemgen.js'));
  copyFileSync(join(REPO_ROOT, 'package.json'), join(outDir, 'package.json'));
  for (const dir of ['src', 'templates', 'examples'])
    symlinkSync(join(REPO_ROOT, dir), join(outDir, dir), 'dir');
  return join(outDir, 'bin/idemgen.js');
}
