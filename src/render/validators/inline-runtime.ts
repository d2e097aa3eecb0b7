/**
 * The run-time code of the generated validators module, which needs nothing at run time: the helpers are
 * real JavaScript files in `inline/` (type-checked through `// @ts-check` and JSDoc, linted, unit-tested)
 * and are inlined here from their source text, with their imports, `export` keywords and JSDoc removed, as
 * `runtime-files.ts` copies the runtime. They are read from `src/` both from sources and from `dist/` (the
 * package ships `src/`), so the output is byte for byte the same either way.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INLINE_SOURCE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../src/render/validators/inline',
);

/** Replacements for `require("ajv/dist/runtime/<name>").default`, by name: the file that holds each. */
export const RUNTIME_HELPERS: Readonly<Record<string, string>> = {
  equal: 'ajv-equal.js',
  ucs2length: 'ajv-ucs2length.js',
};

/**
 * The format checks that ajv-formats implements as functions, as expressions over the functions of
 * `inline/formats.js` (with the same meaning as ajv-formats' full mode).
 */
export const FORMAT_FUNCTIONS: Readonly<Record<string, string>> = {
  date: 'idemgenDate',
  time: '(s) => idemgenTime(s, true)',
  'date-time': '(s) => idemgenDateTime(s, true)',
  'iso-time': '(s) => idemgenTime(s, false)',
  'iso-date-time': '(s) => idemgenDateTime(s, false)',
  uri: 'idemgenUri',
  regex: 'idemgenRegex',
  byte: '(s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)',
  int32: '(n) => Number.isInteger(n) && n <= 2147483647 && n >= -2147483648',
  int64: '(n) => Number.isInteger(n)',
  float: '() => true',
  double: '() => true',
};

/** The module text of an ES module as a script fragment: no pragma, lint suppressions, imports, `export` keywords or JSDoc. */
export function moduleToInlineSource(text: string): string {
  return text
    .replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')
    .replace(/^\/\/ @ts-check\n/m, '')
    .replace(/^\s*\/\/ biome-ignore .*\n/gm, '')
    .replace(/^import [^;]*;\n/gm, '')
    .replace(/^export /gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const cache = new Map<string, string>();

/** The inlined source of `inline/<file>` (read once per process). */
export function inlineSource(file: string): string {
  let source = cache.get(file);
  if (source === undefined) {
    source = moduleToInlineSource(readFileSync(resolve(INLINE_SOURCE_DIR, file), 'utf8'));
    cache.set(file, source);
  }
  return source;
}
