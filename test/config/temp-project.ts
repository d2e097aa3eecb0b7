/** Throwaway project directories for CLI tests: a copy of a fixture in the OS temp directory. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach } from 'vitest';
import { REPO_ROOT } from '../cli/support/build-package.js';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp directory holding a copy of `fixtures/<fixture>` (or nothing); removed after each test. */
export function tempProject(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-'));
  made.push(dir);
  if (fixture) cpSync(join(REPO_ROOT, 'fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** Every file below `dir` -> its contents, keyed by forward-slash relative path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
