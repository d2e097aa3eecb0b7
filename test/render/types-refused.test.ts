/**
 * openapi-typescript refuses a schema that the validators tolerate (a property whose value is a string, not a
 * schema). Before, `generate` died with the worker's stack trace (exit 70); now it is a located error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { REPO_ROOT } from '../cli/support/build-package.js';
import { runCli } from '../cli/support/run-cli.js';

const spec = 'fixtures/gen-types-refused/openapi.yaml';

describe("openapi-typescript's refusal of a schema", () => {
  it('is a schema-types-failed error at the schema it names, and nothing is generated', async () => {
    const result = await generate({ spec, cwd: REPO_ROOT });
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({
      code: 'schema-types-failed',
      pointer: '/paths/~1a/get/responses/200/content/application~1json',
      file: spec,
      line: 12,
    });
    expect(error?.message).toContain('invalid property kind');
    expect(result.files).toEqual([]);
  });

  it('ends the CLI with exit 1 and no stack trace', async () => {
    const run = await runCli(['generate', spec, '-o', join(REPO_ROOT, 'test/.out/types-refused')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('schema-types-failed');
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
