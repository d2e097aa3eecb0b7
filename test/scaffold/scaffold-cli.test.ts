/** `idemgen scaffold handlers`: what it prints, what --check and --dry-run write (nothing), exit codes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support/run-cli.js';
import { tempProject } from '../config/temp-project.js';

describe('idemgen scaffold handlers', () => {
  it('--check and --dry-run write nothing; --check exits 1 while a handler is missing, 0 after a run', async () => {
    const cwd = tempProject('scaffold-project');
    const check = await runCli(['scaffold', 'handlers', 'openapi.yaml', '--check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('src/handlers/orders.ts: would be created (createOrder, getOrder)');
    const dry = await runCli(['scaffold', 'handlers', 'openapi.yaml', '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(existsSync(join(cwd, 'src/handlers'))).toBe(false);

    const run = await runCli(
      ['scaffold', 'handlers', 'openapi.yaml', '-o', 'lib/handlers', '--generated', 'lib/api'],
      {
        cwd,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('lib/handlers/index.ts: created (createOrder, getOrder)');
    expect(readFileSync(join(cwd, 'lib/handlers/orders.ts'), 'utf8')).toContain(
      'import type * as server from "../api/server/index.js";',
    );
    const again = await runCli(['scaffold', 'handlers', 'openapi.yaml', '-o', 'lib/handlers', '--check'], {
      cwd,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Every operation has a handler.');
  }, 60_000);

  it('exits 2 on a spec that does not load, without a stack trace', async () => {
    const cwd = tempProject('scaffold-project');
    const run = await runCli(['scaffold', 'handlers', 'nope.yaml'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('file not found: nope.yaml');
    expect(run.stdout + run.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(existsSync(join(cwd, 'src/handlers'))).toBe(false);
  });

  it('asks for a scaffold command, and points at its help', async () => {
    const run = await runCli(['scaffold']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Run 'idemgen scaffold --help' for usage.");
  });
});
