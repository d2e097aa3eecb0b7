/**
 * The real binary (compiled into a throwaway package copy) spawned in temp directories: generate, --check
 * catching a stale file, and --watch regenerating after a spec edit (bounded waits on its output).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../config/temp-project.js';
import { buildPackage, REPO_ROOT } from './support/build-package.js';

let bin = '';

beforeAll(() => {
  bin = buildPackage(join(REPO_ROOT, 'test/cli/.out/pkg-generate'));
}, 120_000);

const run = (cwd: string, argv: string[]) => {
  const child = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
};

describe('node bin/idemgen.js generate', () => {
  it('writes, then --check passes, then catches a stale file with exit 1', () => {
    const cwd = tempProject('tpl-small');
    const argv = ['generate', 'openapi.yaml', '-o', 'gen', '--runtime', 'package'];
    const first = run(cwd, argv);
    expect(first.code, first.stderr).toBe(0);
    expect(run(cwd, [...argv, '--check']).code).toBe(0);
    writeFileSync(join(cwd, 'gen/server/orders.ts'), '// stale\n');
    const check = run(cwd, [...argv, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('stale  server/orders.ts');
  }, 60_000);

  it('--watch regenerates after a spec edit and stops cleanly on SIGTERM', async () => {
    const cwd = tempProject('tpl-small');
    const child = spawn(
      process.execPath,
      [bin, 'generate', 'openapi.yaml', '-o', 'gen', '--runtime', 'package', '--watch'],
      {
        cwd,
      },
    );
    let stderr = '';
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" within 20 s:\n${stderr}`)), 20_000);
        const onData = (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes(text)) {
            clearTimeout(timer);
            child.stderr.off('data', onData);
            resolve();
          }
        };
        child.stderr.on('data', onData);
      });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor('watching (Ctrl-C to stop)');
      const spec = readFileSync(join(cwd, 'openapi.yaml'), 'utf8');
      writeFileSync(join(cwd, 'openapi.yaml'), spec.replace('createRefund', 'issueRefund'));
      await waitFor('regenerated after a change to openapi.yaml');
      expect(readFileSync(join(cwd, 'gen/client/refunds.ts'), 'utf8')).toContain('issueRefund');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
