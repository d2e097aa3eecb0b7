/** `x-max-body-size`: the request-body limit of an operation, from the nearest of operation, path item, root. */
import type { JsonObject } from '../core/json.js';
import { parseByteSize } from './byte-size.js';

export const MAX_BODY_SIZE_EXTENSION = 'x-max-body-size';

export interface MaxBodySize {
  bytes: number;
  /** Where the value that applies was written. */
  pointer: string;
}

/**
 * The limit that applies to an operation: the operation's own value, else its path item's, else the root's
 * (the nearest wins). A value that is not a size (reported by extension validation) is skipped, so the next
 * level up applies.
 */
export function readMaxBodySize(
  levels: readonly { node: JsonObject; pointer: string }[],
): MaxBodySize | undefined {
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]!;
    const bytes = parseByteSize(level.node[MAX_BODY_SIZE_EXTENSION]);
    if (bytes !== undefined) return { bytes, pointer: `${level.pointer}/${MAX_BODY_SIZE_EXTENSION}` };
  }
  return undefined;
}
