/**
 * Why a document is not read: a policy refusal or a limit, or a plain failure to read it. The root spec's
 * failures are reported at its file; a referenced document's at each `$ref` to it.
 */
export interface ReadFailure {
  /**
   * `ref-outside-root`, `ref-special-file`, `ref-remote-not-allowed`, `document-too-large`, or a plain
   * failure: `file-not-found`, `file-unreadable`, `url-fetch-failed`.
   */
  code: string;
  message: string;
  hint?: string;
}

/** Plain failures: at a `$ref` they are `ref-unresolved`, as a missing target always was. */
const PLAIN = new Set(['file-not-found', 'file-unreadable', 'url-fetch-failed']);

export function isPlainFailure(failure: ReadFailure): boolean {
  return PLAIN.has(failure.code);
}

export const REF_HINTS = {
  outsideRoot:
    'A spec may reference files only inside the directory tree of the root spec; widen it with --ref-root <dir> (config key refRoot, option refRoot of generate()/lint()).',
  remoteDocument:
    'A remote document cannot reference local files; download the spec and its files, and generate from the local copy.',
  specialFile:
    'Only regular files are read: save the content to a regular file inside the spec tree (a spec itself may also be piped to -).',
  remote:
    'Remote $refs are followed only from a remote spec to its own host; allow hosts with --allow-remote-refs <host> (repeatable, * for any; config key allowRemoteRefs).',
} as const;
