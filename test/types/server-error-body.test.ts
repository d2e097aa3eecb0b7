/**
 * The generated `createServer({ errorBody })` is typed against the error responses the spec declares: under
 * every flag of `@tsconfig/strictest` (NodeNext and Bundler) a Stripe-like envelope compiles, and a shape the
 * spec does not declare does not (each `@ts-expect-error` below must be needed, else TS2578 fails the check).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { MODULE_SETTINGS, type ModuleSetting, typecheckStrictest } from '../helpers/strictest.js';

const ENVELOPE_PROGRAM = `import { createClient, createCharge } from './client/index.js';
import { createServer, type DeclaredErrorBody, type ErrorBodyContext, type ErrorBodyProblem } from './server/index.js';

const stripe = (problem: ErrorBodyProblem, context: ErrorBodyContext): DeclaredErrorBody | undefined => {
  if (context.slug === undefined) return undefined;
  const type = context.slug === 'idempotency-key-reused' ? 'idempotency_error' : 'invalid_request_error';
  return { contentType: 'application/json', body: { error: { type, message: problem.detail ?? problem.title } } };
};
export const server = createServer({ handlers: {}, errorBody: stripe });

// The other declared error shape (getBalance's 503 problem) is accepted too: the option takes any of them.
createServer({
  handlers: {},
  errorBody: (problem) => ({
    contentType: 'application/problem+json',
    body: { type: problem.type, title: problem.title, status: problem.status },
  }),
});

// @ts-expect-error a body the spec declares for no error response
createServer({ handlers: {}, errorBody: (problem) => ({ contentType: 'application/json', body: { message: problem.title } }) });

createServer({
  handlers: {},
  // @ts-expect-error an error type outside the envelope's enum
  errorBody: () => ({ contentType: 'application/json', body: { error: { type: 'card_error', message: 'x' } } }),
});

createServer({
  handlers: {},
  // @ts-expect-error the envelope under a media type the spec does not declare for it
  errorBody: () => ({ contentType: 'text/plain', body: { error: { type: 'api_error', message: 'x' } } }),
});

// @ts-expect-error the answer needs a content type
createServer({ handlers: {}, errorBody: () => ({ body: { error: { type: 'api_error', message: 'x' } } }) });

const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: (input, init) => server.fetch(new Request(input, init)) });

/** The envelope's param of a failed charge, read through the client's typed error. */
export async function failedParam(): Promise<string | undefined> {
  const result = await createCharge(client, { body: { amount: 0, currency: 'usd' } });
  if (result.ok || result.error.kind !== 'http') return undefined;
  const param: string | undefined = result.error.body.error.param;
  return param;
}
`;

const NO_ERRORS_SPEC = `openapi: 3.1.0
info: { title: No declared errors, version: 1.0.0 }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: string } } } }
`;

const NO_ERRORS_PROGRAM = `import { createServer } from './server/index.js';

export const plain = createServer({ handlers: {}, errorBody: () => undefined });
// @ts-expect-error the spec declares no error body, so there is nothing to shape into
createServer({ handlers: {}, errorBody: () => ({ contentType: 'application/json', body: { message: 'x' } }) });
`;

describe('errorBody is typed against the declared error responses (strictest flags)', () => {
  const settings = Object.keys(MODULE_SETTINGS) as ModuleSetting[];
  it.each(settings)(
    'a Stripe-like envelope compiles, other shapes do not, %s',
    async (setting) => {
      const outDir = `test/.out/strictest-envelope-${setting}`;
      rmSync(outDir, { recursive: true, force: true });
      const result = await generate({
        spec: 'fixtures/e2e-envelope/api.yaml',
        outDir,
        target: 'both',
        mode: 'write',
      });
      expect(result.syntaxProblems).toEqual([]);
      writeFileSync(join(outDir, 'program.ts'), ENVELOPE_PROGRAM);
      expect(typecheckStrictest(outDir, setting)).toEqual([]);
    },
    60_000,
  );

  it('a spec that declares no error body leaves errorBody nothing but undefined', async () => {
    const outDir = 'test/.out/strictest-no-errors';
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const spec = join(outDir, 'api.yaml');
    writeFileSync(spec, NO_ERRORS_SPEC);
    const result = await generate({ spec, outDir: join(outDir, 'out'), target: 'server', mode: 'write' });
    expect(result.syntaxProblems).toEqual([]);
    writeFileSync(join(outDir, 'out', 'program.ts'), NO_ERRORS_PROGRAM);
    expect(typecheckStrictest(join(outDir, 'out'), 'NodeNext')).toEqual([]);
  }, 60_000);
});
