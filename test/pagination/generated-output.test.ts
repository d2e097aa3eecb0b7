/**
 * The generated output of examples/paging.yaml: it compiles under the strictest settings a user's
 * project may have, with the iterators typed by the page's items and the long-running result by its final
 * result (a wrong item type does not compile).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { typecheckStrictest } from '../helpers/strictest.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

let outDir: string;
beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  outDir = mkdtempSync(resolve('test/.out', 'paging-types-'));
  const result = await generate({
    spec: resolve('examples/paging.yaml'),
    outDir,
    target: 'both',
    mode: 'write',
    checkSyntax: false,
  });
  expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  expect(result.emitted).toBeTruthy();
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const USE = `
import { createClient, listItems, listEvents, listArchive, createExport } from './client/index.js';
const client = createClient({ baseUrl: 'http://127.0.0.1:1' });
export async function use(): Promise<void> {
  for await (const item of listItems.all(client, { query: { limit: 10 } }, { maxItems: 5 })) {
    const id: number = item.id;
    const name: string = item.name;
    void id; void name;
  }
  const pages = listItems.pages(client, {}, { from: { cursor: 'abc' }, maxPages: 2 });
  for await (const page of pages) {
    const status: 200 = page.result.status;
    void status; void page.items[0]?.id; void page.next;
  }
  void pages.position;
  for await (const event of listEvents.all(client)) void event.name;
  for await (const row of listArchive.all(client, { query: { limit: 2 } })) void row.id;
  const started = await createExport(client, { body: { rows: 3 } });
  if (started.ok) {
    const done = await started.operation.wait({ maxWaitMs: 1000 });
    if (done.ok) {
      const rows: number = done.data.rows;
      void rows;
    } else {
      void done.error.kind;
    }
  }
}
`;

describe('generated paging and long-running code', () => {
  it('type-checks, iterators and wait() typed by the spec', () => {
    writeFileSync(join(outDir, 'use.ts'), USE);
    expect(typecheckDir(outDir)).toEqual([]);
    expect(typecheckStrictest(outDir, 'NodeNext')).toEqual([]);
  }, 240_000);

  it('refuses a wrong item type', () => {
    writeFileSync(
      join(outDir, 'use.ts'),
      USE.replace('const name: string = item.name;', 'const name: number = item.name;'),
    );
    const errors = typecheckDir(outDir);
    expect(errors.join('\n')).toMatch(/use\.ts:\d+:\d+ Type 'string' is not assignable to type 'number'/);
  }, 120_000);
});
