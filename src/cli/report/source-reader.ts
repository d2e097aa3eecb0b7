import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * Returns a file's lines, or undefined when it has none we can read (stdin, a URL, a file gone missing).
 * Lines, not text: a frame needs a few lines, and splitting a large file once per diagnostic is quadratic.
 */
export type SourceReader = (file: string) => readonly string[] | undefined;

const NOT_A_PATH = /^(<stdin>$|[a-z][a-z0-9+.-]*:\/\/)/i;

/**
 * A reader that reads and splits each local file at most once. `texts` seeds it with text the caller
 * already has (for instance a spec read from stdin), keyed by the diagnostic's `file`.
 */
export function createSourceReader(options: {
  cwd: string;
  texts?: ReadonlyMap<string, string>;
}): SourceReader {
  const cache = new Map<string, readonly string[] | undefined>();
  for (const [file, text] of options.texts ?? []) cache.set(file, splitLines(text));
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let lines: readonly string[] | undefined;
    if (!NOT_A_PATH.test(file)) {
      try {
        lines = splitLines(readFileSync(isAbsolute(file) ? file : resolve(options.cwd, file), 'utf8'));
      } catch {
        lines = undefined;
      }
    }
    cache.set(file, lines);
    return lines;
  };
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
