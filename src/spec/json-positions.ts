/**
 * Pointer -> offset for JSON text, by scanning only the containers on the pointer's path and remembering
 * each container's entries once scanned. Used instead of a YAML document for JSON files: `yaml`'s
 * `parseDocument` takes about 1.4 s per MB of single-line JSON, this scan a few ms per MB, and repeated
 * look-ups in the same containers cost nothing more.
 */
interface Entry {
  /** Offset of the key (objects) or of the item (arrays). */
  at: number;
  /** Offset of the value. */
  value: number;
}

export function createJsonOffsetFinder(text: string): (segments: readonly string[]) => number {
  const containers = new Map<number, Map<string, Entry>>();
  const skipSpace = (i: number): number => {
    let j = i;
    while (j < text.length && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t'))
      j++;
    return j;
  };
  const skipString = (i: number): number => {
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  const skipValue = (i: number): number => {
    const ch = text[i];
    if (ch === '"') return skipString(i);
    if (ch !== '{' && ch !== '[') {
      let j = i;
      while (j < text.length && !',}] \n\r\t'.includes(text[j] as string)) j++;
      return j;
    }
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const c = text[j];
      if (c === '"') {
        j = skipString(j);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return j + 1;
      j++;
    }
    return j;
  };
  const entriesOf = (start: number): Map<string, Entry> => {
    const cached = containers.get(start);
    if (cached) return cached;
    const entries = new Map<string, Entry>();
    const isObject = text[start] === '{';
    let i = skipSpace(start + 1);
    for (let index = 0; i < text.length && text[i] !== '}' && text[i] !== ']'; index++) {
      const at = i;
      let name = String(index);
      if (isObject) {
        const end = skipString(i);
        const raw = text.slice(i, end);
        name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        i = skipSpace(skipSpace(end) + 1);
      }
      entries.set(name, { at, value: i });
      i = skipSpace(skipValue(i));
      if (text[i] === ',') i = skipSpace(i + 1);
    }
    containers.set(start, entries);
    return entries;
  };
  return (segments) => {
    let value = skipSpace(0);
    let offset = value;
    for (const segment of segments) {
      if (text[value] !== '{' && text[value] !== '[') break;
      const entry = entriesOf(value).get(segment);
      if (!entry) break;
      offset = entry.at;
      value = entry.value;
    }
    return offset;
  };
}
