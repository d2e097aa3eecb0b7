/**
 * The only place the renderer touches the disk. Three modes: `write` (write what changed, leave identical
 * files alone so watchers and build tools see no change), `check` (write nothing; list the files whose
 * contents on disk differ: for CI), and `dry-run` (write nothing; list files and sizes).
 *
 * With `manifest`, the output directory's `.idemgen-manifest.json` records what was written; files listed
 * there that are no longer generated are "orphans": stale in check mode, deleted by `clean` in write mode
 * (unless edited by hand since they were written).
 */
import { readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { makeDirectory } from './make-directory.js';
import { hashContents, MANIFEST_FILE, type Manifest, manifestToText, readManifest } from './manifest.js';

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
  /** Check mode: files missing or different on disk, and orphans still on disk. */
  stale: string[];
  /** Files idemgen wrote before (per the manifest) and no longer generates, still on disk. */
  orphans: string[];
  /** `clean` in write mode: orphans deleted. */
  deleted: string[];
  /** Orphans not deleted because their contents changed since idemgen wrote them. */
  keptEdited: string[];
}

export interface EmitOptions {
  outDir: string;
  files: readonly GeneratedFile[];
  mode: EmitMode;
  /** Read and keep `.idemgen-manifest.json` (default false). Required by `clean`. */
  manifest?: boolean;
  /** Write mode: delete orphans that still hash as written. */
  clean?: boolean;
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A manifest entry must stay inside the output directory, whatever the file on disk says. */
const isInside = (path: string): boolean =>
  !path.startsWith('/') && !normalize(path).split(sep).includes('..') && path !== MANIFEST_FILE;

async function removeEmptyParents(options: { outDir: string; file: string }): Promise<void> {
  let dir = dirname(options.file);
  while (dir.length > options.outDir.length && dir.startsWith(options.outDir)) {
    if ((await readdir(dir)).length > 0) return;
    await rmdir(dir);
    dir = dirname(dir);
  }
}

export async function emitFiles(options: EmitOptions): Promise<EmitResult> {
  const result: EmitResult = {
    written: [],
    unchanged: [],
    stale: [],
    orphans: [],
    deleted: [],
    keptEdited: [],
  };
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
        await makeDirectory(dirname(target));
        await writeFile(target, file.contents);
      }
    }),
  );
  if (options.manifest || options.clean) await updateManifest({ options, result });
  for (const list of Object.values(result)) list.sort();
  return result;
}

async function updateManifest(input: { options: EmitOptions; result: EmitResult }): Promise<void> {
  const { options, result } = input;
  const manifestPath = join(options.outDir, MANIFEST_FILE);
  const previousText = await readOrUndefined(manifestPath);
  const previous = await readManifest(manifestPath);
  const next: Manifest = { generator: 'idemgen', manifestVersion: 1, files: {} };
  const generated = new Set(options.files.map((f) => f.path));
  for (const file of options.files) next.files[file.path] = hashContents(file.contents);
  for (const [path, hash] of Object.entries(previous.files)) {
    if (generated.has(path) || !isInside(path)) continue;
    const target = join(options.outDir, path);
    const current = await readOrUndefined(target);
    if (current === undefined) continue;
    result.orphans.push(path);
    if (options.mode === 'check') result.stale.push(path);
    const edited = hashContents(current) !== hash;
    if (options.clean && edited) result.keptEdited.push(path);
    if (options.clean && !edited && options.mode === 'write') {
      await unlink(target);
      await removeEmptyParents({ outDir: options.outDir, file: target });
      result.deleted.push(path);
    } else if (options.clean && !edited && options.mode === 'dry-run') {
      result.deleted.push(path);
    } else {
      next.files[path] = hash;
    }
  }
  const text = manifestToText(next);
  if (options.mode === 'write' && text !== previousText) {
    await makeDirectory(options.outDir);
    await writeFile(manifestPath, text);
  }
}
