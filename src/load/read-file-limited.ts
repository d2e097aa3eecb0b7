/**
 * Reads a local file under the `$ref` policy's rules for files: its real path (symbolic links resolved) must
 * be inside the allowed tree when one is given; it must be a regular file (no directory, FIFO, socket or
 * device, and nothing under /proc, /dev or /sys, whose files report a size of 0 or never end); and it is read
 * only up to `maxBytes`, counted while reading. It is opened non-blocking, so a FIFO swapped in after the
 * check cannot hang the read, and checked again on the open handle.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { isInside } from './ref-policy.js';
import { REF_HINTS, type ReadFailure } from './ref-refusal.js';
import { formatBytes, limitHint } from './spec-limits.js';

export type LimitedRead = { text: string; failure?: undefined } | { text?: undefined; failure: ReadFailure };

const SPECIAL_TREES = /^\/(proc|dev|sys)(\/|$)/;

export async function readFileLimited(options: {
  path: string;
  display: string;
  maxBytes: number;
  /** The real path of the tree the file must be inside. */
  root?: string;
}): Promise<LimitedRead> {
  const { path, display, maxBytes, root } = options;
  let real: string;
  let stats: Stats;
  try {
    real = await realpath(path);
    stats = await stat(real);
  } catch (error) {
    return { failure: errorToFailure(error, display) };
  }
  if (root !== undefined && !isInside(root, real)) {
    return {
      failure: {
        code: 'ref-outside-root',
        message: `${display} resolves to ${real}, outside the spec's directory tree (${root})`,
        hint: REF_HINTS.outsideRoot,
      },
    };
  }
  const special = SPECIAL_TREES.test(real) ? `under /${real.split('/')[1]}` : kindOf(stats);
  if (special !== undefined) return { failure: specialFile(display, special) };
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await handle.stat();
    if (!opened.isFile()) return { failure: specialFile(display, kindOf(opened) ?? 'not a regular file') };
    const bytes = await readUpTo(handle, Math.min(opened.size, maxBytes) + 1, maxBytes);
    if (bytes === undefined) return { failure: tooLarge(display, maxBytes) };
    return { text: bytes.toString('utf8') };
  } catch (error) {
    return { failure: errorToFailure(error, display) };
  } finally {
    await handle?.close();
  }
}

/** The bytes of the file, or `undefined` once more than `maxBytes` have been read. */
async function readUpTo(
  handle: Awaited<ReturnType<typeof open>>,
  initial: number,
  maxBytes: number,
): Promise<Buffer | undefined> {
  let buffer = Buffer.allocUnsafe(Math.max(initial, 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2 + 65_536, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length > maxBytes ? undefined : buffer.subarray(0, length);
}

export function tooLarge(display: string, maxBytes: number): ReadFailure {
  return {
    code: 'document-too-large',
    message: `${display} is larger than ${formatBytes(maxBytes)}; reading stopped there`,
    hint: limitHint('maxBytes'),
  };
}

function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function specialFile(display: string, what: string): ReadFailure {
  return {
    code: 'ref-special-file',
    message: `${display} is ${what.startsWith('under') ? `a special file (${what})` : what}, not a regular file; it is not read`,
    hint: REF_HINTS.specialFile,
  };
}

function errorToFailure(error: unknown, display: string): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return {
      code: 'file-not-found',
      message: `file not found: ${display}`,
      hint: 'Check the path; relative paths resolve against the current directory.',
    };
  }
  return { code: 'file-unreadable', message: `cannot read ${display}: ${(error as Error).message}` };
}
