/**
 * A canonical JSON text in the style of RFC 8785 (JCS): object members sorted by their names' UTF-16 code
 * units, no white space, numbers and strings as ECMAScript's `JSON.stringify` writes them (which is what JCS
 * prescribes for numbers). So two bodies that differ only in member order or white space give the same text.
 * Like `JSON.stringify`, members whose value is `undefined`, a function or a symbol are left out, such
 * values inside arrays become `null`, and non-finite numbers become `null`. `toJSON` is honoured (dates).
 */
export function valueToCanonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

// Concatenation rather than arrays joined: fingerprints are computed on every keyed request.
function writeArray(values: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < values.length; index++) {
    text += `${index === 0 ? '' : ','}${write(values[index]) ?? 'null'}`;
  }
  return `${text}]`;
}

function writeObject(object: Record<string, unknown>): string {
  let text = '{';
  let first = true;
  for (const name of Object.keys(object).sort()) {
    const value = write(object[name]);
    if (value === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(name)}:${value}`;
    first = false;
  }
  return `${text}}`;
}
