/**
 * The only place the renderer touches the disk. Three modes: `write` (write what changed, leave identical
 * files alone so watchers and build tools see no change), `check` (write nothing; list the files whose
 * contents on disk differ: for CI), and `dry-run` (write nothing; list files and sizes).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface GeneratedFile {
  /** Path relative to the output directory, with forward slashes. */
  path: string;
  contents: string;
  /** The template that made it, when one did. */
  template?: string;
  overridden?: boolean;
}

export type EmitMode = 'write' | 'check' | 'dry-run';

export interface EmitResult {
  /** Files written (write mode) or that would be written (dry-run). */
  written: string[];
  /** Files already up to date. */
  unchanged: string[];
  /** Check mode: files missing or different on disk. */
  stale: string[];
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function emitFiles(options: {
  outDir: string;
  files: readonly GeneratedFile[];
  mode: EmitMode;
}): Promise<EmitResult> {
  const result: EmitResult = { written: [], unchanged: [], stale: [] };
  await Promise.all(
    options.files.map(async (file) => {
      const target = join(options.outDir, file.path);
      const current = await readOrUndefined(target);
      if (current === file.contents) {
        result.unchanged.push(file.path);
        return;
      }
      if (options.mode === 'check') {
        result.stale.push(file.path);
        return;
      }
      result.written.push(file.path);
      if (options.mode === 'write') {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.contents);
      }
    }),
  );
  for (const list of [result.written, result.unchanged, result.stale]) list.sort();
  return result;
}
