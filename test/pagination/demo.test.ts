import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo:paging', () => {
  it('lists 1,000 items through faults, refuses a forged cursor, and runs one export for a lost 202', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-paging.ts'], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/result: 1000 items, 1000 distinct, in order; 10 pages/);
    expect(run.stdout).toMatch(/400 \S+\/cursor-invalid \(reason: forged\)/);
    expect(run.stdout).toMatch(/202 after 2 attempts, Idempotent-Replayed: true/);
    expect(run.stdout).toMatch(/wait\(\): succeeded, 1000 rows/);
    expect(run.stdout).toMatch(/Export runs: 1 for 2 submission attempts/);
  }, 90_000);
});
