/**
 * Which documents a spec may reference. Local files: only inside one directory tree (the root spec's
 * directory, or `refRoot`), compared after resolving symbolic links (the real path is checked again when the
 * file is read). Remote documents: only on an allowed host: the remote root's own host, plus the
 * `allowRemoteRefs` list (`*` for any host, `*.example.com` for its subdomains). A remote document never
 * references local files.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isUrl } from './is-url.js';
import { REF_HINTS, type ReadFailure } from './ref-refusal.js';
import type { SourceKind } from './source-document.js';

export interface RefPolicy {
  /** The root spec, already read: always allowed. */
  rootId: string;
  /** The tree as given (absolute) and as its real path; absent: no local file may be referenced. */
  root?: { path: string; real: string };
  /** Lower-cased host entries. */
  hosts: readonly string[];
}

export async function createRefPolicy(options: {
  /** The root document's id: an absolute path or a URL. */
  rootId: string;
  rootKind: SourceKind;
  cwd: string;
  refRoot?: string;
  allowRemoteRefs?: readonly string[];
}): Promise<RefPolicy> {
  const { rootId, rootKind, cwd, refRoot } = options;
  const hosts = (options.allowRemoteRefs ?? []).map((host) => host.trim().toLowerCase());
  if (rootKind === 'url') hosts.push(new URL(rootId).host.toLowerCase());
  const tree =
    refRoot !== undefined ? resolve(cwd, refRoot) : rootKind === 'url' ? undefined : dirname(rootId);
  if (tree === undefined) return { rootId, hosts };
  const real = await realpath(tree).catch(() => tree);
  return { rootId, root: { path: tree, real }, hosts };
}

/** True when `path` is `dir` or below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export function isHostAllowed(policy: RefPolicy, url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return policy.hosts.some((entry) => {
    if (entry === '*') return true;
    if (entry.startsWith('*.')) return hostname.endsWith(entry.slice(1));
    return entry.includes(':') && !entry.startsWith('[')
      ? entry === host
      : entry === hostname || entry === host;
  });
}

/**
 * The refusal of a `$ref` from the document `fromKind`/`fromId` to the document `targetId`, decided from the
 * names alone (no file is touched); `undefined` when it may be read. Symbolic links are checked on reading.
 */
export function refusalFor(
  policy: RefPolicy,
  options: { fromKind: SourceKind; targetId: string },
): ReadFailure | undefined {
  const { fromKind, targetId } = options;
  if (targetId === policy.rootId) return undefined;
  if (isUrl(targetId)) {
    const url = new URL(targetId);
    if (isHostAllowed(policy, url)) return undefined;
    return {
      code: 'ref-remote-not-allowed',
      message: `${targetId} is on host ${url.host}, which this spec may not reference`,
      hint: REF_HINTS.remote,
    };
  }
  if (fromKind === 'url') {
    return {
      code: 'ref-outside-root',
      message: `a remote document cannot reference the local file ${targetId}`,
      hint: REF_HINTS.remoteDocument,
    };
  }
  const { root } = policy;
  if (root && (isInside(root.path, targetId) || isInside(root.real, targetId))) return undefined;
  return {
    code: 'ref-outside-root',
    message: `${targetId} is outside the spec's directory tree${root ? ` (${root.path})` : ''}`,
    hint: REF_HINTS.outsideRoot,
  };
}
