/**
 * Names for generated code: operation ids that are safe JavaScript identifiers, and readable derived names
 * for operations without an `operationId` (`GET /orders/{orderId}/items` -> `getOrdersByOrderIdItems`).
 */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await arguments eval'
  ).split(' '),
);

/**
 * Identifiers that are legal but break the generated code, so no operation is named after them: `then`
 * (a module namespace exporting `then` is a thenable, and `import()` of it never settles), the members of
 * `Object.prototype` (`constructor`, `__proto__`, `toString`, ... resolve on any object that lacks them,
 * such as a handlers map), `prototype`, the global values a module-scope declaration would shadow
 * (`undefined`, `NaN`, `Infinity`, `globalThis`). The names the generated modules declare or re-export
 * themselves are in `generator-names.ts`.
 */
const RESERVED_NAMES = new Set([
  'then',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
]);

/** True when `value` can name a function or variable in generated code (reserved words cannot). */
export function isIdentifier(value: string): boolean {
  return IDENTIFIER.test(value) && !RESERVED.has(value);
}

/** True for an identifier that breaks modules or objects as an operation's name (`then`, `constructor`). */
export function isReservedName(value: string): boolean {
  return RESERVED_NAMES.has(value);
}

/** `then` -> `then_`: the one renaming of a reserved word or name, appending `_` until it is neither. */
export function toUnreserved(value: string): string {
  let out = value;
  while (RESERVED.has(out) || RESERVED_NAMES.has(out)) out = `${out}_`;
  return out;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function wordsOf(value: string): string[] {
  return value.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
}

/** A safe identifier made from any string: other characters dropped, camel-cased, never reserved. */
export function toIdentifier(value: string): string {
  let out = wordsOf(value)
    .map((w, i) => (i === 0 ? w : capitalize(w)))
    .join('');
  if (out === '' || /^[0-9]/.test(out)) out = `_${out}`;
  return toUnreserved(out);
}

/** PascalCase words of a path segment (`_`, `-`, `.` split words); `{param}` becomes `By<Param>`. */
function segmentToName(segment: string): string {
  return segment
    .split(/(\{[^}]*\})/)
    .filter(Boolean)
    .map((part) => {
      const param = /^\{([^}]*)\}$/.exec(part);
      const words = (param ? param[1]! : part)
        .split(/[^A-Za-z0-9]+/)
        .map(capitalize)
        .join('');
      return param && words !== '' ? `By${words}` : words;
    })
    .join('');
}

/** The derived operation name: the method, then each path segment; `POST /orders` -> `postOrders`. */
export function operationToName(options: { method: string; path: string }): string {
  const segments = options.path.split('/').map(segmentToName).join('');
  return toIdentifier(`${options.method.toLowerCase()}${segments}`);
}
