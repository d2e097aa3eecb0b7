/**
 * `mkdir -p` that always ends. Node's `mkdir(path, { recursive: true })` loops forever where a parent exists
 * but refuses children with ENOENT (`/proc/x`, say), so a command writing there never returned. This climbs to
 * the nearest existing ancestor once and creates each missing level on the way down; any refusal throws the
 * file system's error (with `code`, `syscall` and `path`).
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function makeDirectory(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(path)).isDirectory()) return;
      throw error;
    }
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await makeDirectory(parent);
    // The parent exists now: a second ENOENT is the file system's answer, not a missing level.
    await mkdir(path).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}
