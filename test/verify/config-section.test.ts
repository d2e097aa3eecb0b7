/** The config file's `verify` section: validated like the rest (unknown keys, wrong types), and flags over it. */
import { describe, expect, it } from 'vitest';
import type { VerifyArgs } from '../../src/cli/commands/verify/args.js';
import { resolveVerifySettings } from '../../src/cli/commands/verify/setup.js';
import { validateConfig } from '../../src/config/validate-config.js';

const file = '/project/idemgen.config.json';
const ARGS: VerifyArgs = {
  spec: 'api.yaml',
  'base-url': undefined,
  operation: [],
  tag: [],
  header: [],
  'path-param': [],
  body: [],
  concurrency: undefined,
  timeout: undefined,
  'dry-run': undefined,
  'allow-writes': undefined,
  format: 'table',
  junit: undefined,
  config: undefined,
};

describe('the verify section', () => {
  it('accepts every documented key', () => {
    const verify = {
      baseUrl: 'http://127.0.0.1:3000',
      operations: ['createPayment'],
      tags: ['payments'],
      headers: { Authorization: 'Bearer t' },
      pathParams: { accountId: 'acct_1', n: 3 },
      requests: {
        createPayment: { body: { amount: 1 }, path: { id: 1 }, query: { q: true }, headers: { 'X-A': 'b' } },
      },
      concurrency: 8,
      timeout: '5s',
      allowWrites: false,
    };
    expect(validateConfig({ config: { verify }, file })).toEqual({ verify });
  });

  it.each([
    [{ baseUrl: 'x', allowWrite: true }, /unknown key "allowWrite" at \/verify/],
    [{ concurrency: 1 }, /\/verify\/concurrency: must be >= 2/],
    [{ requests: { op: { bdy: {} } } }, /unknown key "bdy" at \/verify\/requests\/op/],
    [{ headers: { A: 1 } }, /\/verify\/headers\/A: must be string/],
  ])('refuses %j', (verify, message) => {
    expect(() => validateConfig({ config: { verify }, file })).toThrow(message);
  });

  it('lets flags override the section, adding headers and path parameters', () => {
    const settings = resolveVerifySettings({
      args: {
        ...ARGS,
        'base-url': 'http://localhost:4000',
        header: ['X-B: 2'],
        'path-param': ['id=7'],
        concurrency: 3,
        timeout: '250ms',
      },
      config: {
        baseUrl: 'http://127.0.0.1:3000',
        headers: { 'X-A': '1' },
        pathParams: { org: 'o' },
        concurrency: 9,
        allowWrites: true,
      },
      cwd: '/',
    });
    expect(settings).toEqual({
      baseUrl: 'http://localhost:4000',
      operations: [],
      tags: [],
      allowWrites: true,
      setup: {
        headers: { 'X-A': '1', 'X-B': '2' },
        pathParams: { org: 'o', id: '7' },
        requests: {},
        concurrency: 3,
        timeoutMs: 250,
      },
    });
  });
});
