import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../../src/cli/report/stylish.js';
import type { Diagnostic } from '../../../src/core/diagnostics.js';

const SOURCE = ['openapi: 3.1.0', 'paths:', '  /orders:', '    post:', '      x-retry: true', ''].join('\n');
const readSource = (file: string) => (file === '/api/openapi.yaml' ? SOURCE.split('\n') : undefined);

const unsafe: Diagnostic = {
  code: 'unsafe-retry',
  severity: 'error',
  message: 'x-retry reaches POST /orders, which has no x-idempotency',
  pointer: '/paths/~1orders/post/x-retry',
  file: '/api/openapi.yaml',
  line: 5,
  column: 7,
  hint: 'Add x-idempotency to the operation, or set x-retry: false.',
};
const warning: Diagnostic = {
  code: 'retry-permanent-status',
  severity: 'warning',
  message: 'retryOn holds 404, which is permanent',
  pointer: '/x-retry/retryOn/0',
  file: '/api/shared.yaml',
  line: 2,
  column: 3,
};
const unlocated: Diagnostic = {
  code: 'file-not-found',
  severity: 'error',
  message: 'Cannot read missing.yaml',
  pointer: '',
  file: 'missing.yaml',
};

describe('formatStylish', () => {
  it('prints file:line:col, severity, message and code, then pointer, frame and hint', () => {
    const out = formatStylish({ diagnostics: [unsafe], cwd: '/api', color: false, readSource });
    expect(out).toBe(
      [
        'openapi.yaml:5:7  error  x-retry reaches POST /orders, which has no x-idempotency  unsafe-retry',
        '  at #/paths/~1orders/post/x-retry',
        '    3 |   /orders:',
        '    4 |     post:',
        '  > 5 |       x-retry: true',
        '      |       ^',
        '    6 |',
        '  hint: Add x-idempotency to the operation, or set x-retry: false.',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('skips the frame when there is no source text, and the position when there is none', () => {
    const out = formatStylish({ diagnostics: [warning, unlocated], cwd: '/api', color: false, readSource });
    expect(out).toContain(
      'shared.yaml:2:3  warning  retryOn holds 404, which is permanent  retry-permanent-status\n',
    );
    expect(out).toContain('missing.yaml  error  Cannot read missing.yaml  file-not-found\n  at #\n');
    expect(out).not.toContain('|');
    expect(out).toContain('✖ 2 problems (1 error, 1 warning)');
  });

  it('prints an info diagnostic as info, and does not count it as a problem', () => {
    const info: Diagnostic = {
      ...warning,
      severity: 'info',
      code: 'swagger-2-converted',
      message: 'converted',
    };
    const alone = formatStylish({ diagnostics: [info], cwd: '/api', color: false, readSource });
    expect(alone).toContain('shared.yaml:2:3  info  converted  swagger-2-converted\n');
    expect(alone).toContain('✔ no problems (1 info message)\n');
    const mixed = formatStylish({ diagnostics: [unsafe, info], cwd: '/api', color: false, readSource });
    expect(mixed).toContain('✖ 1 problem (1 error, 0 warnings), 1 info message\n');
  });

  it('reports a clean run with the subject', () => {
    const out = formatStylish({ diagnostics: [], cwd: '/api', color: false, subject: '/api/openapi.yaml' });
    expect(out).toBe('✔ openapi.yaml: no problems\n');
  });

  it.each([
    { color: true, escapes: true },
    { color: false, escapes: false },
  ])('uses ANSI escapes only when color is $color', ({ color, escapes }) => {
    const out = formatStylish({ diagnostics: [unsafe, warning], cwd: '/api', color, readSource });
    expect(out.includes('\u001b[')).toBe(escapes);
    if (escapes) expect(out).toContain('\u001b[31merror\u001b[39m');
  });
});
