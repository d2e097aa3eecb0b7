import { fullFormats } from 'ajv-formats/dist/formats.js';
import { FORMAT_FUNCTIONS, inlineSource } from './inline-runtime.js';

type FormatEntry = (typeof fullFormats)[keyof typeof fullFormats];

/**
 * One format as source text, in the same shape as ajv-formats defines it (a RegExp, a function, or an
 * object with `validate`), because ajv's generated code calls each shape differently (`.test`, a call,
 * `.validate`). Regular expressions are copied from ajv-formats; functions come from `FORMAT_FUNCTIONS`.
 */
function formatToSource(name: string, entry: FormatEntry): string {
  const check = (value: unknown): string => {
    if (value instanceof RegExp) return String(value);
    const source = FORMAT_FUNCTIONS[name];
    if (source === undefined) throw new Error(`no inline implementation for format "${name}"`);
    return source;
  };
  if (entry === true) return 'true';
  if (entry instanceof RegExp || typeof entry !== 'object') return check(entry);
  const type = 'type' in entry && entry.type !== undefined ? `type: ${JSON.stringify(entry.type)}, ` : '';
  return `{ ${type}validate: ${check(entry.validate)} }`;
}

/** `const idemgenFormats = { ... }` with every ajv-formats format, plus the helpers they call. */
export function formatsToSource(name: string): string {
  const members = Object.entries(fullFormats).map(
    ([format, entry]) => `  ${JSON.stringify(format)}: ${formatToSource(format, entry)},`,
  );
  return `${inlineSource('formats.js')}\nconst ${name} = {\n${members.join('\n')}\n};`;
}
