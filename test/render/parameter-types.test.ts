/**
 * Issue 15: cookie parameters are a typed input on the generated client and a typed field on the handler's
 * request, checked by tsc over the generated output of fixtures/params-styles and a program that uses both.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

const PROGRAM = `import { cookieForm, createClient, queryForm } from './client/index.js';
import type { CookieFormHandler, QueryFormHandler } from './server/index.js';

const client = createClient({ baseUrl: 'http://127.0.0.1:1' });
void cookieForm(client, { cookies: { session: 's', limit: 5, colors: ['a'], rgb: { R: 1 } } });
// @ts-expect-error a cookie's type is its schema's
void cookieForm(client, { cookies: { session: 1 } });
// @ts-expect-error the required cookie is required
void cookieForm(client, { cookies: { limit: 5 } });
void queryForm(client, { query: { filter: { R: 1, G: 2 }, point: { x: 1 }, ids: [1, 2] } });

export const cookieHandler: CookieFormHandler = (request) => {
  const session: string = request.cookies.session;
  const limit: number | undefined = request.cookies.limit;
  return { status: 200, body: { session, limit } };
};
export const queryHandler: QueryFormHandler = (request) => {
  // @ts-expect-error an operation without cookie parameters has no cookies
  const none: string = request.cookies.session;
  return { status: 200, body: { r: request.query.filter?.R, none } };
};
`;

describe('parameter types in the generated output', () => {
  it('cookies: a typed client input and a typed handler field; the output compiles under tsc --strict', async () => {
    const outDir = 'test/.out/typecheck-parameter-types';
    rmSync(outDir, { recursive: true, force: true });
    const result = await generate({
      spec: 'fixtures/params-styles/openapi.yaml',
      outDir,
      target: 'both',
      mode: 'write',
    });
    expect(result.syntaxProblems).toEqual([]);
    writeFileSync(join(outDir, 'usage.ts'), PROGRAM);
    expect(typecheckDir(outDir)).toEqual([]);
  }, 60_000);
});
