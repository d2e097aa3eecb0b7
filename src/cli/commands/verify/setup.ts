/** Flags over the config's `verify` section -> the run's settings. Mistakes are usage errors (exit 2). */
import { resolve } from 'node:path';
import type { VerifyConfig } from '../../../config/types.js';
import { parseDuration } from '../../../core/durations.js';
import type { VerifySetup } from '../../../verify/types.js';
import { UsageError } from '../../usage-error.js';
import type { VerifyArgs } from './args.js';

export interface VerifySettings {
  baseUrl: string;
  operations: string[];
  tags: string[];
  allowWrites: boolean;
  setup: VerifySetup;
}

const fail = (message: string): never => {
  throw new UsageError(message, 'verify');
};

function splitPair(flag: string, value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  if (at <= 0) fail(`--${flag} ${value}: expected <name>${separator}<value>`);
  return [value.slice(0, at).trim(), value.slice(at + separator.length).trim()];
}

function readBaseUrl(value: string | undefined): string {
  if (value === undefined)
    return fail('Name the server: --base-url <url> (or verify.baseUrl in the config).');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`--base-url ${value} is not a URL (e.g. http://127.0.0.1:3000).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(`--base-url ${value}: use an http:// or https:// URL.`);
  return value;
}

export function resolveVerifySettings(input: {
  args: VerifyArgs;
  config: VerifyConfig | undefined;
  cwd: string;
}): VerifySettings {
  const { args } = input;
  const config = input.config ?? {};
  const headers: Record<string, string> = { ...config.headers };
  for (const header of args.header) {
    const [name, value] = splitPair('header', header, ':');
    headers[name] = value;
  }
  const pathParams: Record<string, string> = Object.fromEntries(
    Object.entries(config.pathParams ?? {}).map(([name, value]) => [name, String(value)]),
  );
  for (const pair of args['path-param']) {
    const [name, value] = splitPair('path-param', pair, '=');
    pathParams[name] = value;
  }
  const requests: VerifySetup['requests'] = structuredClone(config.requests ?? {});
  for (const pair of args.body) {
    const [operation, text] = splitPair('body', pair, '=');
    try {
      requests[operation] = { ...requests[operation], body: JSON.parse(text) };
    } catch {
      fail(`--body ${operation}=...: the body is not JSON.`);
    }
  }
  const concurrency = args.concurrency ?? config.concurrency ?? 5;
  if (!Number.isInteger(concurrency) || concurrency < 2 || concurrency > 100)
    fail(`--concurrency ${concurrency}: use a whole number from 2 to 100.`);
  let timeoutMs = 10_000;
  const timeout = args.timeout ?? config.timeout;
  if (timeout !== undefined) {
    try {
      timeoutMs = parseDuration(timeout);
    } catch (error) {
      fail(`--timeout: ${(error as Error).message}`);
    }
  }
  return {
    baseUrl: readBaseUrl(args['base-url'] ?? config.baseUrl),
    operations: args.operation.length > 0 ? args.operation : (config.operations ?? []),
    tags: args.tag.length > 0 ? args.tag : (config.tags ?? []),
    allowWrites: args['allow-writes'] ?? config.allowWrites ?? false,
    setup: { headers, pathParams, requests, concurrency, timeoutMs },
  };
}

/** The JUnit file's path, relative to the working directory. */
export const junitPath = (args: VerifyArgs, cwd: string): string | undefined =>
  args.junit === undefined ? undefined : resolve(cwd, args.junit);
