/**
 * Resolves a `$ref` string against the document it stands in: which document, and which pointer in it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUrl } from './is-url.js';

export type RefTarget = { docId: string; pointer: string; error?: undefined } | { error: string };

export function refToTarget(options: { ref: string; fromId: string }): RefTarget {
  try {
    return resolveRef(options);
  } catch (error) {
    // new URL() and fileURLToPath() throw on what they cannot read (`http://[x`, `file://host/...`).
    return { error: `"${options.ref}" is not a usable reference: ${(error as Error).message}` };
  }
}

function resolveRef(options: { ref: string; fromId: string }): RefTarget {
  const { ref, fromId } = options;
  const hash = ref.indexOf('#');
  const location = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return { error: `"${ref}" has a malformed fragment` };
  }
  if (pointer !== '' && !pointer.startsWith('/')) {
    return { error: `"${ref}": only JSON pointer fragments (#/...) are supported` };
  }
  if (location === '') return { docId: fromId, pointer };
  if (isUrl(location)) return { docId: stripHash(location), pointer };
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) {
    if (!location.startsWith('file:'))
      return { error: `"${ref}": only local files and http(s) URLs are supported` };
    return { docId: fileURLToPath(location), pointer };
  }
  if (isUrl(fromId)) return { docId: new URL(location, fromId).href, pointer };
  let path: string;
  try {
    path = decodeURIComponent(location);
  } catch {
    path = location;
  }
  return { docId: resolve(dirname(fromId), path), pointer };
}

function stripHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
