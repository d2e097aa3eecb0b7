/**
 * The plugin's one job: run `generate()` (writing), and again only when one of the spec's files changed
 * since the last run (by content), so that a bundler's rebuilds cost nothing when the spec did not
 * move. Remembers every local file that went into the bundle ($refs included), for the watchers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generate } from '../generate.js';
import type { IdemgenPluginOptions } from './options.js';
import { type PluginReport, resultToReport } from './plugin-message.js';

export interface SpecGenerator {
  /** Generate if a spec file changed (or on the first call, or with `force`); the last report otherwise. */
  run(force?: boolean): Promise<PluginReport>;
  /** The spec's local files (absolute): the root document and every file its `$ref`s reached. */
  files(): string[];
  /** True when `file` is one of them. */
  watches(file: string): boolean;
}

export function createSpecGenerator(options: IdemgenPluginOptions): SpecGenerator {
  const { failOnWarnings: _failOnWarnings, ...generateOptions } = options;
  const cwd = options.cwd ?? process.cwd();
  let files = [resolve(cwd, options.spec)];
  let stamps: string | undefined;
  let last: PluginReport = { errors: [], warnings: [] };
  let running: Promise<PluginReport> | undefined;

  // By content, not modification time: two saves within one tick of the file system's clock still differ.
  const stampOf = async (paths: readonly string[]) => {
    const hashes = await Promise.all(
      paths.map((p) =>
        readFile(p).then(
          (bytes) => createHash('sha256').update(bytes).digest('hex'),
          () => '-',
        ),
      ),
    );
    return paths.map((p, i) => `${p}@${hashes[i]}`).join('\n');
  };

  const generateNow = async (): Promise<PluginReport> => {
    const before = await stampOf(files);
    const result = await generate({ ...generateOptions, cwd, mode: 'write' });
    const read = result.spec ? [...new Set([resolve(cwd, options.spec), ...result.spec.files])] : files;
    // Stamped as read before generating, so that a change made while it ran is seen by the next run; files
    // first reached by this run are stamped now.
    stamps = !result.spec ? undefined : read.join() === files.join() ? before : await stampOf(read);
    files = read;
    last = resultToReport(result, cwd);
    return last;
  };

  return {
    async run(force = false) {
      // One run at a time: a second caller waits for the first, then checks the stamps again.
      while (running) await running.catch(() => {});
      if (!force && stamps !== undefined && stamps === (await stampOf(files))) return last;
      running = generateNow();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
    files: () => [...files],
    watches: (file) => files.includes(resolve(cwd, file)),
  };
}
