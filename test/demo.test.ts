import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo', () => {
  it('creates one payment through injected faults and shows the replay', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/result: 201, pay_1 after 3 attempts/);
    expect(run.stdout).toMatch(/Idempotent-Replayed: true/);
    expect(run.stdout).toMatch(/422 \S+idempotency-key-reused/);
    expect(run.stdout).toMatch(/\/body\/amount must be >= 1/);
    expect(run.stdout).toMatch(/Handler executions: 1 for 1 payment/);
  }, 60_000);
});
