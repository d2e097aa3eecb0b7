/**
 * The configuration file's shape (`idemgen.config.{ts,mjs,json,yaml}`), mirrored by `config.schema.json`,
 * which validates it. Paths in a config file are relative to the file's directory.
 */
import type { HelperDelegate } from 'handlebars';

export const CONFIG_TARGETS = ['client', 'server', 'both'] as const;
export const CONFIG_RUNTIMES = ['copy', 'package'] as const;
export const CONFIG_STORES = ['memory', 'sqlite', 'redis', 'postgres'] as const;
export const CONFIG_ADAPTERS = ['web', 'node', 'express', 'fastify'] as const;

export type ConfigTarget = (typeof CONFIG_TARGETS)[number];
export type ConfigRuntime = (typeof CONFIG_RUNTIMES)[number];
export type ConfigStore = (typeof CONFIG_STORES)[number];
export type ConfigAdapter = (typeof CONFIG_ADAPTERS)[number];
export type ConfigSeverity = 'error' | 'warn' | 'warning' | 'off';

/** Settings a project may set, and the top level may set for every project. */
export interface SharedConfig {
  target?: ConfigTarget;
  runtime?: ConfigRuntime;
  /** A directory of Handlebars templates overriding the built-ins file by file. */
  templates?: string;
  /** Remove files idemgen wrote before and no longer generates (never anything else). */
  clean?: boolean;
  /** Also generate response body validators (checked by the server's `validateResponses`). */
  responseValidators?: boolean;
  /**
   * The generated server's request-body limit for operations without `x-max-body-size`: bytes, or a string
   * such as `512kb`, `10mb` (default 1mb). `createServer({ maxBodyBytes })` overrides it.
   */
  maxBodySize?: number | string;
  /** Rule severities by code, as `--rule code=severity`. */
  rules?: Record<string, ConfigSeverity>;
  /** Base URI of the problem types the generated server uses (passed to the templates). */
  problemTypeBase?: string;
  /** The idempotency store the generated server is meant for (passed to the templates). */
  store?: ConfigStore;
  /** The server adapter the generated server is meant for (passed to the templates). */
  adapter?: ConfigAdapter;
  /** Custom Handlebars helpers by name (functions: only in `.mjs` and `.ts` configs). */
  helpers?: Record<string, HelperDelegate>;
  /** Custom Handlebars partials by name: template source text. */
  partials?: Record<string, string>;
  /** The directory tree local `$ref`s must stay inside, relative to the config file (default: the spec's directory). */
  refRoot?: string;
  /** Hosts remote `$ref`s may reach (`*` for any); by default only a remote spec's own host. */
  allowRemoteRefs?: string[];
  /** Limits per spec document. */
  specLimits?: { maxBytes?: number; maxAliases?: number; maxDepth?: number };
}

/** Request data for one operation, for `idemgen verify`. */
export interface VerifyRequestConfig {
  path?: Record<string, string | number | boolean>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** The JSON body to send instead of the spec's example. */
  body?: unknown;
}

/** The `verify` section: what `idemgen verify` runs against and with; its flags override each key. */
export interface VerifyConfig {
  /** The running server. */
  baseUrl?: string;
  /** Operations to verify (default: every operation with an idempotency contract). */
  operations?: string[];
  tags?: string[];
  /** Sent with every request (auth). */
  headers?: Record<string, string>;
  /** Path parameter values by name, for every operation. */
  pathParams?: Record<string, string | number | boolean>;
  /** Setup data by operation id. */
  requests?: Record<string, VerifyRequestConfig>;
  /** Requests sent at once by the concurrent-duplicates check (default 5). */
  concurrency?: number;
  /** One request's limit: milliseconds, or a duration such as `10s` (default 10 s). */
  timeout?: number | string;
  /** Allow probes against a host that is not loopback. */
  allowWrites?: boolean;
}

/** One spec and where its output goes. */
export interface ProjectConfig extends SharedConfig {
  /** The OpenAPI document: a path relative to the config file, or an http(s) URL. */
  spec: string;
  /** The output directory, relative to the config file. */
  out: string;
}

/** Either one project at the top level, or shared settings and `projects`. */
export interface IdemgenConfigObject extends SharedConfig {
  $schema?: string;
  spec?: string;
  out?: string;
  projects?: ProjectConfig[];
  /** Settings of `idemgen verify`. */
  verify?: VerifyConfig;
}

/** What a config file exports: an object, or an array of projects. */
export type IdemgenConfig = IdemgenConfigObject | ProjectConfig[];

/** A config file, loaded and validated. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  config: IdemgenConfig;
}
