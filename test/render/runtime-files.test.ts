import { describe, expect, it } from 'vitest';
import { runtimeFilesFor } from '../../src/render/runtime-files.js';

describe('runtimeFilesFor', () => {
  it('copies no test double into generated output', () => {
    const files = runtimeFilesFor(['client', 'server']);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.path.startsWith('runtime/testing/')).map((f) => f.path)).toEqual([]);
    // A copied file that imported the testing folder would not compile in the output.
    expect(files.filter((f) => /from '(\.\.\/)+testing\//.test(f.contents)).map((f) => f.path)).toEqual([]);
  });

  it('copies the folders each target imports, once', () => {
    const paths = runtimeFilesFor(['client', 'server']).map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    const folders = new Set(paths.map((p) => p.split('/')[1]));
    expect([...folders].sort()).toEqual([
      'client',
      'errors',
      'events',
      'idempotency',
      'long-running',
      'pagination',
      'problem',
      'retry',
      'server',
      'shared',
      'telemetry',
    ]);
  });
});
