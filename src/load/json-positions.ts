/**
 * Pointer -> offset for JSON text, without building a document: `yaml`'s `parseDocument` takes about 1.4 s
 * per MB of single-line JSON, these scans a few ms per MB. `createJsonOffsetFinder` answers one pointer at
 * a time, scanning only the containers on its path and remembering their entries; `jsonOffsetsOf` answers
 * many pointers in one pass over the text, descending only into the containers some pointer names and
 * skipping the rest. Both take the last of duplicate keys and stop at the nearest existing ancestor.
 */
interface Entry {
  /** Offset of the key (objects) or of the item (arrays). */
  at: number;
  /** Offset of the value. */
  value: number;
}

export function createJsonOffsetFinder(text: string): (segments: readonly string[]) => number {
  // Remembering where containers end keeps a walk down a deep path linear: each level's entries skip the
  // levels below it, which without the memo were scanned again at every level above (depth x size).
  const scanner = createJsonScanner(text, new Map());
  const containers = new Map<number, Map<string, Entry>>();
  const entriesOf = (start: number): Map<string, Entry> => {
    const cached = containers.get(start);
    if (cached) return cached;
    const entries = new Map<string, Entry>();
    scanner.forEachEntry(start, (name, at, value) => {
      entries.set(name, { at, value });
      return scanner.skipValue(value);
    });
    containers.set(start, entries);
    return entries;
  };
  return (segments) => {
    let value = scanner.skipSpace(0);
    let offset = value;
    for (const segment of segments) {
      if (!scanner.isContainer(value)) break;
      const entry = entriesOf(value).get(segment);
      if (!entry) break;
      offset = entry.at;
      value = entry.value;
    }
    return offset;
  };
}

/** A node of the trie of requested segments; `at` is set when the scan finds it (the last duplicate wins). */
interface Wanted {
  children: Map<string, Wanted>;
  at: number | undefined;
}

/** The offset of each of `pointers` (as segment lists), in one pass over `text`. */
export function jsonOffsetsOf(options: { text: string; pointers: readonly (readonly string[])[] }): number[] {
  const { text, pointers } = options;
  const scanner = createJsonScanner(text);
  const root: Wanted = { children: new Map(), at: undefined };
  for (const segments of pointers) {
    let node = root;
    for (const segment of segments) {
      const child = node.children.get(segment) ?? { children: new Map(), at: undefined };
      node.children.set(segment, child);
      node = child;
    }
  }
  const forget = (node: Wanted): void => {
    for (const child of node.children.values()) {
      child.at = undefined;
      forget(child);
    }
  };
  const visit = (start: number, node: Wanted): number => {
    if (node.children.size === 0 || !scanner.isContainer(start)) return scanner.skipValue(start);
    return scanner.forEachEntry(start, (name, at, value) => {
      const child = node.children.get(name);
      if (!child) return scanner.skipValue(value);
      if (child.at !== undefined) forget(child);
      child.at = at;
      return visit(value, child);
    });
  };
  const start = scanner.skipSpace(0);
  visit(start, root);
  return pointers.map((segments) => {
    let node = root;
    let offset = start;
    for (const segment of segments) {
      const child = node.children.get(segment);
      if (child?.at === undefined) break;
      offset = child.at;
      node = child;
    }
    return offset;
  });
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * Skips over JSON text that `JSON.parse` has already accepted; offsets are UTF-16 indices. `ends`, when
 * given, remembers the end of every container skipped, so no container is scanned twice.
 */
function createJsonScanner(text: string, ends?: Map<number, number>) {
  const skipSpace = (i: number): number => {
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    return j;
  };
  const skipString = (i: number): number => {
    for (let j = i + 1; ; ) {
      const quote = text.indexOf('"', j);
      if (quote === -1) return text.length;
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      j = quote + 1;
    }
  };
  const isContainer = (i: number): boolean => {
    const code = text.charCodeAt(i);
    return code === OPEN_BRACE || code === OPEN_BRACKET;
  };
  const skipValue = (i: number): number => {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return skipString(i);
    let j = i;
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) {
      for (let c = code; j < text.length; c = text.charCodeAt(++j)) {
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
      }
      return j;
    }
    if (ends !== undefined) return skipContainerRemembering(i, ends);
    for (let depth = 0; j < text.length; ) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        j = skipString(j);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return j + 1;
      j++;
    }
    return j;
  };
  const skipContainerRemembering = (i: number, ends: Map<number, number>): number => {
    const open: number[] = [];
    for (let j = i; j < text.length; ) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        j = skipString(j);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const known = ends.get(j);
        if (known !== undefined) {
          if (open.length === 0) return known;
          j = known;
          continue;
        }
        open.push(j);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        ends.set(open.pop() as number, j + 1);
        if (open.length === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  };
  /**
   * Calls `onEntry` with each entry's name (the key, or the index of an array item), the offset of its key
   * or item and the offset of its value; `onEntry` returns where the value ends. Returns the container's end.
   */
  const forEachEntry = (
    start: number,
    onEntry: (name: string, at: number, value: number) => number,
  ): number => {
    const isObject = text.charCodeAt(start) === OPEN_BRACE;
    let i = skipSpace(start + 1);
    for (let index = 0; i < text.length; index++) {
      const code = text.charCodeAt(i);
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) return i + 1;
      const at = i;
      let name = String(index);
      if (isObject) {
        const end = skipString(i);
        const raw = text.slice(i + 1, end - 1);
        name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        i = skipSpace(skipSpace(end) + 1);
      }
      i = skipSpace(onEntry(name, at, i));
      if (text.charCodeAt(i) === COMMA) i = skipSpace(i + 1);
    }
    return i;
  };
  return { skipSpace, skipValue, isContainer, forEachEntry };
}
