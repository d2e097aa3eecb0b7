/**
 * One source document of a spec (the root or a file that a `$ref` points to): where it came from, its text
 * and its parsed value. Its position index is built on first use only.
 */

import type { JsonValue } from '../core/json.js';
import { createPositionIndex, type PositionIndex } from './positions.js';

export type SourceKind = 'file' | 'url' | 'stdin';

export interface SourceDocument {
  /** Absolute path or URL: the base that relative `$ref`s resolve against. For stdin, `<cwd>/<stdin>`. */
  id: string;
  /** The name diagnostics print: the path as given (or relative to cwd), `<stdin>` or the URL. */
  display: string;
  kind: SourceKind;
  text: string;
  value: JsonValue;
  /** Built on the first call, then cached. */
  positions(): PositionIndex;
}

export function createSourceDocument(options: Omit<SourceDocument, 'positions'>): SourceDocument {
  let index: PositionIndex | undefined;
  return {
    ...options,
    positions() {
      index ??= createPositionIndex(options.text);
      return index;
    },
  };
}
