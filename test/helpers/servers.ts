/**
 * Real Redis and PostgreSQL servers for the store tests, found through environment variables (`.ci/run`
 * starts both and exports them). Unset outside CI: the suite is skipped with a warning. Unset under
 * `CI=true`: the suite fails, so a CI run can never pass without having tested the shared stores.
 */
export const REDIS_URL_VARIABLE = 'IDEMGEN_TEST_REDIS_URL';
export const PG_URL_VARIABLE = 'IDEMGEN_TEST_PG_URL';

export type ServerVariable = typeof REDIS_URL_VARIABLE | typeof PG_URL_VARIABLE;

export interface ServerLookupInput {
  variable: ServerVariable;
  env?: Record<string, string | undefined>;
  warn?: (message: string) => void;
}

/**
 * The server URL from `variable`, or `undefined` (after a warning) when the tests should skip. Throws when
 * the variable is unset under `CI=true`.
 */
export function lookupTestServer(input: ServerLookupInput): string | undefined {
  const env = input.env ?? process.env;
  const url = env[input.variable]?.trim();
  if (url !== undefined && url !== '') return url;
  if (env.CI === 'true') throw new Error(`${input.variable} is required under CI`);
  (input.warn ?? console.warn)(`skipping: set ${input.variable} to run these tests against a real server`);
  return undefined;
}
