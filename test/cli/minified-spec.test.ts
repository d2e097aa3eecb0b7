/**
 * A spec that is one minified line: a diagnostic's code frame shows a window around the column, in `lint`
 * and `generate` alike, instead of printing the whole line (a megabyte on the terminal).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../config/temp-project.js';
import { runCli } from './support/run-cli.js';

/** One line of JSON, about 200 kB: a large description, then a GET with x-idempotency (a warning). */
function minifiedSpec(): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'minified', version: '1', description: 'x'.repeat(200_000) },
    paths: {
      '/items': {
        get: { operationId: 'listItems', 'x-idempotency': true, responses: { 200: { description: 'ok' } } },
      },
    },
  });
}

describe('a one-line minified spec', () => {
  it.each([['lint'], ['generate']])('%s prints a short code frame for its warning', async (command) => {
    const dir = tempProject();
    writeFileSync(join(dir, 'openapi.json'), minifiedSpec());
    const argv = command === 'lint' ? ['lint', 'openapi.json'] : ['generate', 'openapi.json', '-o', 'gen'];
    const run = await runCli(argv, { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('idempotency-on-safe-method');
    const frame = run.stdout.split('\n').find((line) => line.startsWith('  > 1 |'));
    // Cut at the start only: the end of the line falls inside the window.
    expect(frame).toMatch(/^ {2}> 1 \| …[^…]*"x-idempotency":true[^…]*$/);
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThan(300);
  });
});
