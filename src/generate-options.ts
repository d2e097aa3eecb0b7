/**
 * The options of `generate()`, and their resolution: every default applied once, at the entry, into one
 * `ResolvedGenerateOptions` (as openapi-typescript builds its `GlobalContext`), so the steps after it read
 * settled values.
 */
import { resolve } from 'node:path';
import type { HelperDelegate } from 'handlebars';
import type { LintOptions } from './lint.js';
import { parseByteSize } from './model/byte-size.js';
import type { EmitMode } from './render/emit.js';
import type { RenderProjectOptions } from './render/render-project.js';

export type GenerateTarget = 'client' | 'server' | 'both';

export interface GenerateOptions extends LintOptions {
  /** Output directory; required for every mode but `none`. */
  outDir?: string;
  target?: GenerateTarget;
  /** A directory of Handlebars templates overriding the built-ins file by file. */
  templates?: string;
  /** `none` (default): return the files only. */
  mode?: EmitMode | 'none';
  /**
   * `copy` (default): the runtime is copied into `<outDir>/runtime/`, so the output has no dependency.
   * `package`: the output imports `idemgen/runtime/<part>`, and the project depends on idemgen at run time.
   */
  runtime?: 'copy' | 'package';
  /**
   * Also generate `validate<OperationId>Response(status, body)` per operation and wire it into the routes, so
   * the server's `validateResponses` checks response bodies against the spec (default false: large specs
   * pay nothing for it).
   */
  responseValidators?: boolean;
  /**
   * The generated server's request-body limit for operations without `x-max-body-size`: bytes, or a string
   * such as `512kb`, `10mb`. Absent: the runtime's 1 MiB. `createServer({ maxBodyBytes })` overrides it.
   * A `TypeError` when it is not a size.
   */
  maxBodySize?: number | string;
  /** Parse every generated file once to catch syntax errors (default true). */
  checkSyntax?: boolean;
  /** Keep `.idemgen-manifest.json` in the output directory (write/check/dry-run; default false). */
  manifest?: boolean;
  /** Delete files idemgen wrote before (per the manifest) and no longer generates; implies `manifest`. */
  clean?: boolean;
  /** Custom Handlebars helpers, by name. */
  helpers?: Record<string, HelperDelegate>;
  /** Custom or replacement Handlebars partials, by name: template source text. */
  partials?: Record<string, string>;
  /** Project choices handed to every template as `choices` (recorded, not yet acted on by the built-ins). */
  choices?: GenerateChoices;
  /** Record each template's context into `contextDump`; no syntax check, nothing touches the disk. */
  dumpContext?: boolean;
  /** Called as generation moves on: `loading`, `rendering`, `checking`, `writing`. */
  onPhase?: (phase: GeneratePhase) => void;
}

export type GeneratePhase = 'loading' | 'rendering' | 'checking' | 'writing';

export interface GenerateChoices {
  store?: string;
  adapter?: string;
  problemTypeBase?: string;
}

export interface ResolvedGenerateOptions extends RenderProjectOptions {
  mode: EmitMode | 'none';
  /** Absolute; undefined when not given. */
  outDir: string | undefined;
  /** The overrides directory, absolute; undefined when not given. */
  templatesDir: string | undefined;
  checkSyntax: boolean;
  manifest: boolean;
  clean: boolean;
  dumpContext: boolean;
}

/**
 * `options` with its defaults: target `both`, mode `none`, runtime `copy`, syntax check on, no response
 * validators, no manifest; directories resolved against `cwd`. A `TypeError` when `maxBodySize` is not a size.
 */
export function resolveGenerateOptions(options: GenerateOptions): ResolvedGenerateOptions {
  const cwd = options.cwd ?? process.cwd();
  const target = options.target ?? 'both';
  return {
    targets: target === 'both' ? ['client', 'server'] : [target],
    mode: options.mode ?? 'none',
    runtime: options.runtime ?? 'copy',
    responseValidators: options.responseValidators === true,
    maxBodyBytes: maxBodySizeToBytes(options.maxBodySize),
    choices: {
      store: options.choices?.store ?? null,
      adapter: options.choices?.adapter ?? null,
      problemTypeBase: options.choices?.problemTypeBase ?? null,
    },
    outDir: options.outDir ? resolve(cwd, options.outDir) : undefined,
    templatesDir: options.templates ? resolve(cwd, options.templates) : undefined,
    checkSyntax: options.checkSyntax !== false,
    manifest: options.manifest === true,
    clean: options.clean === true,
    dumpContext: options.dumpContext === true,
  };
}

/** The `maxBodySize` option in bytes; `undefined` when not given. */
function maxBodySizeToBytes(size: number | string | undefined): number | undefined {
  if (size === undefined) return undefined;
  const bytes = parseByteSize(size);
  if (bytes === undefined) {
    throw new TypeError(
      `maxBodySize must be a positive number of bytes or a size such as 512kb, got ${JSON.stringify(size)}`,
    );
  }
  return bytes;
}
