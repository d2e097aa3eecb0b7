/**
 * The one escaping layer. Every string taken from a user's spec (names, descriptions, paths, header names,
 * server URLs) reaches generated code through exactly one of these functions, chosen for its context, so a
 * spec cannot inject code into the output.
 */

import { isIdentifier, toIdentifier } from '../model/naming.js';

/** A string literal in double quotes, safe in any JS/TS source position (line terminators escaped). */
export function toStringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An object-literal or type-literal property key: bare when it is a plain identifier, else quoted. */
export function toPropertyKey(value: string): string {
  return isIdentifier(value) ? value : toStringLiteral(value);
}

/** A safe identifier made from any string (the model's naming rule: camel-cased, never reserved). */
export const toSafeIdentifier = toIdentifier;

/** Upper-case the first letter: `createOrder` -> `CreateOrder` (input must already be an identifier). */
export function toTypeName(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

/**
 * The body of a block comment (JSDoc), one ` * ` line per input line. `*\/` cannot close the comment and
 * control characters are dropped. Returns lines without the opening and closing markers.
 */
export function toCommentLines(value: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g;
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(controls, '')
    .split('\n')
    .map((line) => line.trimEnd());
}

/** A single-line comment's text: newlines folded, so nothing after it becomes code. */
export function toLineComment(value: string): string {
  return toCommentLines(value).join(' ').replace(/\s+/g, ' ').trim();
}

/** Text inside a template literal (between backticks): backslash, backtick and `${` escaped. */
export function toTemplateLiteralText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}

/** Any JSON-serializable value as a TS/JS literal expression (strings escaped, line terminators too). */
export function toLiteral(value: unknown): string {
  return (JSON.stringify(value) ?? 'undefined').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
