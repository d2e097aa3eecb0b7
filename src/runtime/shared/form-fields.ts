/**
 * Form bodies (`application/x-www-form-urlencoded`, `multipart/form-data`) as objects, both ways, in the
 * bracket notation form APIs use (Stripe, Rails, PHP): `metadata[order]=42`, `items[0][price]=p_1`.
 *
 * - A top-level array of scalars is the name repeated (`tags=a&tags=b`, OpenAPI's `style: form`,
 *   `explode: true`, the default), or one comma-joined value with `explode: false` (`tags=a,b`);
 *   `style: deepObject` writes it with indices (`tags[0]=a`).
 * - Objects, and arrays inside objects, always use brackets (`deepObject`); array items are indexed.
 * - Scalars are written with `String()` (a `Date` as ISO 8601), `null` as the empty string, `undefined`
 *   not at all. Blobs (files) are kept as they are, for multipart.
 *
 * Reading turns the names back into nested objects (null-prototype: a field named `__proto__` is a plain
 * member): a repeated name or `name[]` gives an array, an object whose keys are exactly `0`..`n-1` becomes
 * an array. Every value stays a string (or a `File`): the validators coerce them to the schema's types, as
 * they do query parameters.
 */

/** How one top-level property is written: the OpenAPI `encoding` object's `style` and `explode`. */
export interface FormFieldEncoding {
  style?: 'form' | 'deepObject' | undefined;
  explode?: boolean | undefined;
  /** Multipart only: the part's media type (`application/json` sends the property as one JSON part). */
  contentType?: string | undefined;
}

export type FormEncoding = Readonly<Record<string, FormFieldEncoding>>;

/**
 * A multipart body: the schema's type, where the properties named in `Files` (the generator lists those
 * whose schema is `type: string, format: binary`, or 3.1's `contentMediaType`) may also be a file, or
 * files for an array of them. Every other property keeps its type.
 */
export type WithFiles<T, Files extends string = never> = T extends object
  ? { [K in keyof T]: K extends Files ? FileOrValue<T[K]> : T[K] }
  : T;

type FileOrValue<V> = V extends readonly (infer Item)[] ? (Item | Blob)[] : V | Blob;

/** A field value: a string, or a file for multipart. */
export type FormValue = string | Blob;

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const isScalar = (value: unknown): value is string | number | boolean | bigint =>
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  typeof value === 'bigint';

function scalarText(value: unknown, name: string): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (isScalar(value)) return String(value);
  throw new TypeError(`form field ${name}: cannot write a ${typeof value} as a form value`);
}

/** An object -> the form's fields, in order. Throws a `TypeError` naming the field that cannot be written. */
export function objectToFormEntries(body: unknown, encoding: FormEncoding = {}): [string, FormValue][] {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || isBlob(body)) {
    throw new TypeError('a form body must be an object of fields');
  }
  const out: [string, FormValue][] = [];
  const write = (name: string, value: unknown): void => {
    if (value === undefined) return;
    if (isBlob(value)) out.push([name, value]);
    else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) write(`${name}[${index}]`, item);
    } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) write(`${name}[${key}]`, item);
    } else out.push([name, scalarText(value, name)]);
  };
  for (const [name, value] of Object.entries(body)) {
    const { style = 'form', explode = true } = Object.hasOwn(encoding, name) ? encoding[name]! : {};
    if (Array.isArray(value) && style === 'form' && value.every((item) => isScalar(item) || item === null)) {
      if (explode) for (const item of value) out.push([name, scalarText(item, name)]);
      else out.push([name, value.map((item) => scalarText(item, name)).join(',')]);
    } else if (Array.isArray(value) && style === 'form' && explode && value.every(isBlob)) {
      for (const item of value) out.push([name, item]);
    } else write(name, value);
  }
  return out;
}

export type FormObject = { [name: string]: FormNode };
export type FormNode = string | File | Blob | FormNode[] | FormObject;

export type FormParse = { ok: true; value: FormObject } | { ok: false; pointer: string; message: string };

/** `a[b][0][]` -> `['a', 'b', '0', '']`; a name with unbalanced brackets is one plain name. */
function nameToPath(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const path = [name.slice(0, open)];
  const rest = name.slice(open);
  const segment = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let match = segment.exec(rest); match !== null; match = segment.exec(rest)) {
    if (match.index !== consumed) return [name];
    path.push(match[1]!);
    consumed = match.index + match[0].length;
  }
  return consumed === rest.length ? path : [name];
}

const newObject = (): FormObject => Object.create(null) as FormObject;
const isFormObject = (node: FormNode | undefined): node is FormObject =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && !isBlob(node);

const toPointer = (path: readonly string[]): string =>
  path.map((name) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * The form's fields -> one object. `encoding` names the fields written with `explode: false` (split on
 * commas); `maxDepth` bounds the bracket nesting. A name used both as a value and with brackets is refused.
 */
export function formEntriesToObject(
  entries: Iterable<[string, FormValue]>,
  options: { encoding?: FormEncoding | undefined; maxDepth?: number | undefined } = {},
): FormParse {
  const { encoding = {}, maxDepth = 64 } = options;
  const root = newObject();
  for (const [name, value] of entries) {
    const path = nameToPath(name);
    if (path.length > maxDepth) {
      return {
        ok: false,
        pointer: `/body${toPointer(path)}`,
        message: `is nested deeper than ${maxDepth} levels`,
      };
    }
    const field = path[0]!;
    const rule = path.length === 1 && Object.hasOwn(encoding, field) ? encoding[field] : undefined;
    const values: FormValue[] =
      rule?.explode === false && (rule.style ?? 'form') === 'form' && typeof value === 'string'
        ? value === ''
          ? []
          : value.split(',')
        : [value];
    // `name[]`: the values are appended to the array at `name`.
    const append = path.length > 1 && path[path.length - 1] === '';
    const keys = append ? path.slice(0, -1) : path;
    let node: FormObject = root;
    for (let index = 0; index < keys.length - 1; index++) {
      const key = keys[index]!;
      if (node[key] === undefined) node[key] = newObject();
      const child = node[key];
      if (!isFormObject(child)) return mixed(keys.slice(0, index + 1));
      node = child;
    }
    const last = keys[keys.length - 1]!;
    const existing = node[last];
    if (isFormObject(existing)) return mixed(keys);
    const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    const merged = [...before, ...values];
    node[last] = append || rule?.explode === false || merged.length !== 1 ? merged : merged[0]!;
  }
  return { ok: true, value: indexedToArrays(root) as FormObject };
}

const mixed = (path: readonly string[]): FormParse => ({
  ok: false,
  pointer: `/body${toPointer(path)}`,
  message: 'is sent both as a value and with fields',
});

/** Objects whose keys are exactly `0`..`n-1` become arrays, depth first. */
function indexedToArrays(node: FormNode): FormNode {
  if (Array.isArray(node)) return node.map(indexedToArrays);
  if (!isFormObject(node)) return node;
  const keys = Object.keys(node);
  for (const key of keys) node[key] = indexedToArrays(node[key]!);
  if (keys.length > 0 && keys.every((key, index) => key === String(index)))
    return keys.map((key) => node[key]!);
  return node;
}
