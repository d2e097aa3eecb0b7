/**
 * The runtime is real TypeScript in `src/runtime/`, copied verbatim into the generated output so that the
 * generated code has no dependency at run time. Each target takes the runtime folders it needs. The test
 * doubles in `runtime/testing/` are never copied: users import them from the package
 * (`idemgen/runtime/testing`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from './emit.js';

export const RUNTIME_SOURCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/runtime');

export type Target = 'client' | 'server';

const FOLDERS: Record<Target, readonly string[]> = {
  client: ['shared', 'problem', 'errors', 'telemetry', 'retry', 'client', 'pagination', 'long-running'],
  // `retry` and `events`: webhook signatures, the senders and the idempotent consumer.
  server: [
    'shared',
    'problem',
    'errors',
    'telemetry',
    'retry',
    'idempotency',
    'events',
    'pagination',
    'server',
  ],
};

const cache = new Map<string, GeneratedFile[]>();

function readFolder(folder: string): GeneratedFile[] {
  const cached = cache.get(folder);
  if (cached) return cached;
  const files: GeneratedFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) {
        const path = `runtime/${relative(RUNTIME_SOURCE_DIR, full).split(sep).join('/')}`;
        files.push({ path, contents: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(join(RUNTIME_SOURCE_DIR, folder));
  cache.set(folder, files);
  return files;
}

/** The runtime files the given targets need, each once, as output files under `runtime/`. */
export function runtimeFilesFor(targets: readonly Target[]): GeneratedFile[] {
  const folders = [...new Set(targets.flatMap((t) => FOLDERS[t]))];
  return folders.flatMap(readFolder);
}
