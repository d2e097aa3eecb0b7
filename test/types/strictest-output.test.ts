/**
 * Issue 13: the generated client, server, runtime (copied) and types compile with 0 errors under every flag of
 * `@tsconfig/strictest` plus `allowJs`, with `NodeNext` and with `ESNext`/`Bundler`, together with a small
 * program that uses the client and the server as a user would.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { MODULE_SETTINGS, type ModuleSetting, typecheckStrictest } from '../helpers/strictest.js';

/** Uses the payments client and server the way the README does; it must compile under the same flags. */
const PAYMENTS_PROGRAM = `import { createClient, createPayment, getPayment, isHttpError } from './client/index.js';
import { createServer, type Handlers } from './server/index.js';

const handlers: Handlers = {
  createPayment: async (request) => ({
    status: 201,
    body: { ...request.body, id: 'p1', status: 'pending' },
  }),
  getPayment: (request) =>
    request.path.paymentId === 'p1'
      ? { status: 200, body: { id: 'p1', amount: 1, currency: 'EUR', status: 'succeeded' } }
      : { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 } },
  upsertRefund: (request) => ({ status: 200, body: { refundId: request.body.refundId, status: 'pending' } }),
};
export const server = createServer({ handlers });

const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: (input, init) => server.fetch(new Request(input, init)) });

export async function charge(description: string | undefined): Promise<string> {
  const body = description === undefined ? { amount: 100, currency: 'EUR' } : { amount: 100, currency: 'EUR', description };
  const created = await createPayment(client, { body }, { maxAttempts: 2, signal: undefined });
  if (!created.ok) return isHttpError(created.error) ? String(created.error.status) : created.error.kind;
  const read = await getPayment(client, { path: { paymentId: created.data.id } });
  return read.ok ? read.data.status : 'unknown';
}
`;

describe('generated output compiles under @tsconfig/strictest', () => {
  const cases = Object.keys(MODULE_SETTINGS).flatMap((setting) => [
    {
      name: 'payments',
      spec: 'examples/payments.yaml',
      program: PAYMENTS_PROGRAM,
      setting: setting as ModuleSetting,
    },
    {
      name: 'hostile',
      spec: 'fixtures/gen-hostile/openapi.yaml',
      program: undefined,
      setting: setting as ModuleSetting,
    },
  ]);
  it.each(cases)(
    '$name (client, server, runtime copied), $setting',
    async ({ name, spec, program, setting }) => {
      const outDir = `test/.out/strictest-${name}-${setting}`;
      rmSync(outDir, { recursive: true, force: true });
      const result = await generate({ spec, outDir, target: 'both', mode: 'write' });
      expect(result.syntaxProblems).toEqual([]);
      if (program !== undefined) writeFileSync(join(outDir, 'program.ts'), program);
      expect(typecheckStrictest(outDir, setting)).toEqual([]);
    },
    60_000,
  );
});
