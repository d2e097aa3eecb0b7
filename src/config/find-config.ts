import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from './config-error.js';

/** The file names looked for, in order of preference. */
export const CONFIG_FILE_NAMES = [
  'idemgen.config.ts',
  'idemgen.config.mjs',
  'idemgen.config.json',
  'idemgen.config.yaml',
] as const;

/**
 * The nearest config file: in `cwd`, then each parent up to the file system root. Two config files in the
 * same directory are an error, since which one wins would be a guess.
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
    if (found.length > 1) {
      const names = found.map((path) => relative(cwd, path) || path).join(' and ');
      throw new ConfigError(`Found more than one config file: ${names}. Keep one.`, found[0]);
    }
    if (found[0]) return found[0];
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
