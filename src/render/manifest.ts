/**
 * `.idemgen-manifest.json` in the output directory: every file idemgen wrote there, with a hash of what it
 * wrote. `--clean` deletes only files listed here whose contents still hash the same, so it never removes a
 * file idemgen did not write, nor one edited by hand since.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const MANIFEST_FILE = '.idemgen-manifest.json';

export interface Manifest {
  generator: 'idemgen';
  manifestVersion: 1;
  /** Output-relative path -> `sha256-<hex>` of the contents idemgen wrote. */
  files: Record<string, string>;
}

export function hashContents(contents: string): string {
  return `sha256-${createHash('sha256').update(contents).digest('hex')}`;
}

/** The manifest in `path`, or an empty one when there is none or it cannot be read. */
export async function readManifest(path: string): Promise<Manifest> {
  const empty: Manifest = { generator: 'idemgen', manifestVersion: 1, files: {} };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return empty;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (parsed.generator !== 'idemgen' || typeof parsed.files !== 'object' || parsed.files === null)
      return empty;
    return {
      ...empty,
      files: Object.fromEntries(Object.entries(parsed.files).filter(([, h]) => typeof h === 'string')),
    };
  } catch {
    return empty;
  }
}

export function manifestToText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}
