/**
 * Checks on a parsed JSON request body that protect what runs after it: its nesting depth (the validators,
 * the fingerprint and the handler's own code may recurse over it) and `__proto__` members (an own property
 * after `JSON.parse`, but a prototype once code copies the body with `Object.assign` or a merge). Both are
 * cheap on the common path: the depth is scanned only in a text long enough to be too deep, the members
 * only in a text that spells `__proto__` or has a `\u` escape (the only way to spell it otherwise).
 */
import type { ValidationIssue } from './types.js';

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Issues of a body parsed from `text`: the first node nested deeper than `maxDepth`, or its `__proto__` members. */
export function checkJsonBody(text: string, value: unknown, maxDepth: number): ValidationIssue[] | undefined {
  // Valid JSON nested deeper than maxDepth has more than maxDepth opening and as many closing brackets.
  if (text.length > 2 * maxDepth && isTextTooDeep(text, maxDepth)) {
    const message = `is nested deeper than ${maxDepth} levels`;
    return [{ pointer: `/body${pathToPointer(firstTooDeep(value, maxDepth))}`, message }];
  }
  if (!text.includes('__proto__') && !text.includes('\\u')) return undefined;
  // At most 50 listed, as the validators list at most 50 errors.
  const found = protoMembers(value, 50).map((path) => ({
    pointer: `/body${pathToPointer(path)}`,
    message: 'is not allowed',
  }));
  return found.length > 0 ? found : undefined;
}

/** Whether brackets outside strings nest deeper than `maxDepth` (JSON text already known to be valid). */
function isTextTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

type Path = readonly string[];

const childrenOf = (value: unknown): [string, unknown][] =>
  Array.isArray(value)
    ? value.map((item, index): [string, unknown] => [String(index), item])
    : typeof value === 'object' && value !== null
      ? Object.keys(value).map((name): [string, unknown] => [name, (value as Record<string, unknown>)[name]])
      : [];

const isContainer = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** The path of the first container (in document order) at depth `maxDepth + 1`: a walk with its own stack. */
function firstTooDeep(root: unknown, maxDepth: number): Path {
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (entry.path.length === maxDepth) return entry.path;
    const children = childrenOf(entry.value).filter(([, child]) => isContainer(child));
    for (let index = children.length - 1; index >= 0; index--) {
      const [name, child] = children[index]!;
      stack.push({ value: child, path: [...entry.path, name] });
    }
  }
  return [];
}

/** The paths of the first `limit` own `__proto__` members, in document order: a walk with its own stack. */
function protoMembers(root: unknown, limit: number): Path[] {
  const found: Path[] = [];
  const stack: { value: unknown; path: Path; hit?: true }[] = [{ value: root, path: [] }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (entry.hit) {
      found.push(entry.path);
      if (found.length === limit) break;
      continue;
    }
    const object = !Array.isArray(entry.value);
    const children = childrenOf(entry.value);
    for (let index = children.length - 1; index >= 0; index--) {
      const [name, child] = children[index]!;
      const path = [...entry.path, name];
      if (object && name === '__proto__') stack.push({ value: child, path, hit: true });
      else if (isContainer(child)) stack.push({ value: child, path });
    }
  }
  return found;
}

/** RFC 6901: `~` as `~0`, `/` as `~1`. */
const pathToPointer = (path: Path): string =>
  path.map((name) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
