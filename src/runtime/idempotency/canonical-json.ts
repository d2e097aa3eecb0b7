/**
 * A canonical JSON text in the style of RFC 8785 (JCS): object members sorted by their names' UTF-16 code
 * units, no white space, numbers and strings as ECMAScript's `JSON.stringify` writes them (which is what JCS
 * prescribes for numbers). So two bodies that differ only in member order or white space give the same text.
 * Like `JSON.stringify`, members whose value is `undefined`, a function or a symbol are left out, such
 * values inside arrays become `null`, and non-finite numbers become `null`. `toJSON` is honoured (dates).
 *
 * Recursive down to `RECURSION_LIMIT` levels (the fast path: fingerprints are computed on every keyed
 * request), then with an explicit stack: a request body nested 100,000 levels deep overflowed the call stack
 * of the purely recursive writer. The server bounds a body's depth anyway; this writer has no limit.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8785 RFC 8785, JSON Canonicalization Scheme (JCS)
 */
export function valueToCanonicalJson(value: unknown): string {
  return write(value, 0) ?? 'null';
}

/** Levels written by recursion before the iterative writer takes the rest of a value. */
const RECURSION_LIMIT = 200;

function write(value: unknown, depth: number): string | undefined {
  const resolved = resolve(value);
  if (typeof resolved !== 'object' || resolved === null) return scalarToText(resolved);
  if (depth >= RECURSION_LIMIT) return writeIteratively(resolved);
  return Array.isArray(resolved)
    ? writeArray(resolved, depth + 1)
    : writeObject(resolved as Record<string, unknown>, depth + 1);
}

// Concatenation rather than arrays joined: fingerprints are computed on every keyed request.
function writeArray(values: readonly unknown[], depth: number): string {
  let text = '[';
  for (let index = 0; index < values.length; index++) {
    text += `${index === 0 ? '' : ','}${write(values[index], depth) ?? 'null'}`;
  }
  return `${text}]`;
}

function writeObject(object: Record<string, unknown>, depth: number): string {
  let text = '{';
  let first = true;
  for (const name of Object.keys(object).sort()) {
    const value = write(object[name], depth);
    if (value === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(name)}:${value}`;
    first = false;
  }
  return `${text}}`;
}

/** The same text as `write`, with an explicit stack of open containers instead of the call stack. */
function writeIteratively(value: unknown): string {
  const stack: Frame[] = [];
  let text = '';
  let next = value;
  for (;;) {
    // Write `next`: a scalar at once, a container by opening it.
    if (Array.isArray(next)) {
      text += '[';
      stack.push({ array: next, index: 0 });
    } else if (typeof next === 'object' && next !== null) {
      text += '{';
      const object = next as Record<string, unknown>;
      stack.push({ object, names: Object.keys(object).sort(), index: 0 });
    } else {
      text += scalarToText(next) ?? 'null';
    }
    // Then find the next value to write, closing the containers that are done.
    let found = false;
    while (!found) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) return text;
      if ('array' in frame) {
        if (frame.index < frame.array.length) {
          if (frame.index > 0) text += ',';
          next = resolve(frame.array[frame.index++]);
          found = true;
        } else {
          text += ']';
          stack.pop();
        }
        continue;
      }
      while (frame.index < frame.names.length) {
        const name = frame.names[frame.index++]!;
        const member = resolve(frame.object[name]);
        if (isOmitted(member)) continue;
        text += `${frame.written ? ',' : ''}${JSON.stringify(name)}:`;
        frame.written = true;
        next = member;
        found = true;
        break;
      }
      if (!found) {
        text += '}';
        stack.pop();
      }
    }
  }
}

type Frame =
  | { array: readonly unknown[]; index: number }
  | { object: Record<string, unknown>; names: string[]; index: number; written?: boolean };

/** The value after `toJSON` (applied until the value has none, as the recursive writer did). */
function resolve(value: unknown): unknown {
  let current = value;
  while (typeof current === 'object' && current !== null) {
    const toJSON = (current as { toJSON?: unknown }).toJSON;
    if (typeof toJSON !== 'function') break;
    current = toJSON.call(current);
  }
  return current;
}

/** `undefined`, functions and symbols: left out of objects, `null` in arrays and at the top. */
const isOmitted = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** A scalar's text; `undefined` for what `JSON.stringify` leaves out (and for objects). */
function scalarToText(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    default:
      return undefined;
  }
}
