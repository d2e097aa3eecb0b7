import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** Returns a file's text, or undefined when it has none we can read (stdin, a URL, a file gone missing). */
export type SourceReader = (file: string) => string | undefined;

const NOT_A_PATH = /^(<stdin>$|[a-z][a-z0-9+.-]*:\/\/)/i;

/**
 * A reader that reads each local file at most once. `texts` seeds it with text the caller already has
 * (for instance a spec read from stdin), keyed by the diagnostic's `file`.
 */
export function createSourceReader(options: {
  cwd: string;
  texts?: ReadonlyMap<string, string>;
}): SourceReader {
  const cache = new Map<string, string | undefined>(options.texts);
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let text: string | undefined;
    if (!NOT_A_PATH.test(file)) {
      try {
        text = readFileSync(isAbsolute(file) ? file : resolve(options.cwd, file), 'utf8');
      } catch {
        text = undefined;
      }
    }
    cache.set(file, text);
    return text;
  };
}
