/**
 * A body that differs from the given one in one value and is still valid for its schema, for the
 * fingerprint check: a number one up or down, a boolean flipped, another enum value, a string with its
 * last character moved on by one in its class (`EUR` -> `EUS`, so that patterns still match) or one longer.
 * The first candidate `isValid` accepts wins; the member at `keep` (a body key) is never touched.
 */
import { isObject, type JsonValue } from '../core/json.js';
import { appendPointer } from '../core/json-pointer.js';
import { setAtPointer } from './set-at-pointer.js';

export function changeBody(input: {
  body: JsonValue;
  keep?: string | undefined;
  isValid: (value: JsonValue) => boolean;
}): JsonValue | undefined {
  for (const [pointer, value] of leaves(input.body, '')) {
    if (pointer === input.keep) continue;
    for (const next of alternatives(value)) {
      const candidate = setAtPointer({ value: input.body, pointer, to: next });
      if (input.isValid(candidate)) return candidate;
    }
  }
  return undefined;
}

function* leaves(value: JsonValue, pointer: string): Generator<[string, JsonValue]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* leaves(item, appendPointer(pointer, index));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) yield* leaves(item, appendPointer(pointer, key));
  } else if (pointer !== '') {
    yield [pointer, value];
  }
}

function alternatives(value: JsonValue): JsonValue[] {
  if (typeof value === 'number') return [value + 1, value - 1, value * 2];
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'string')
    return [shiftLast(value), `${value}x`, value.slice(0, -1)].filter((s) => s !== value);
  return [];
}

function shiftLast(text: string): string {
  if (text === '') return 'a';
  const last = text.at(-1)!;
  const shifted = /[a-y]|[A-Y]|[0-8]/.test(last)
    ? String.fromCharCode(last.charCodeAt(0) + 1)
    : last === 'z'
      ? 'a'
      : last === 'Z'
        ? 'A'
        : last === '9'
          ? '0'
          : 'x';
  return `${text.slice(0, -1)}${shifted}`;
}
