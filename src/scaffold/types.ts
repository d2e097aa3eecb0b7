import type { Diagnostic } from '../core/diagnostics.js';
import type { LintOptions } from '../lint.js';

export interface ScaffoldHandlersOptions extends LintOptions {
  /** The handlers' directory (relative to `cwd`): one file per tag module and `index.ts`. */
  outDir: string;
  /**
   * Where `idemgen generate` writes its output (relative to `cwd`); the stubs import the handler types from
   * its `server/index.js`. Default `src/generated`.
   */
  generatedDir?: string;
  /** `write` (default): change the files. `dry-run`: report what would change and write nothing. */
  mode?: 'write' | 'dry-run';
}

/** A file the scaffolder created or added to. */
export interface ScaffoldedFile {
  /** Absolute. */
  path: string;
  /** The whole new text. */
  text: string;
  created: boolean;
  /** The handler names whose stub (or wiring, in `index.ts`) was added. */
  added: string[];
}

export interface ScaffoldHandlersResult {
  /** The spec's diagnostics, then the handlers' (`scaffold-orphan-handler` warnings). */
  diagnostics: Diagnostic[];
  /** Files created or changed; empty on a run that had nothing to do. */
  files: ScaffoldedFile[];
  /** The operations that got a stub, by handler name. */
  stubbed: string[];
  /** Handlers for operations the spec no longer has: reported, never deleted. */
  orphans: string[];
  /** False when the spec could not be loaded at all (missing file, syntax error, broken `$ref`). */
  loaded: boolean;
  /** False when the spec could not be used (it did not load, or it has errors): nothing was written. */
  usable: boolean;
}
