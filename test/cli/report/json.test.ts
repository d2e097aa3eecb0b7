import { describe, expect, it } from 'vitest';
import { diagnosticsToJsonReport, formatJson } from '../../../src/cli/report/json.js';
import type { Diagnostic } from '../../../src/core/diagnostics.js';

const unsafe: Diagnostic = {
  hint: 'Add x-idempotency to the operation.',
  code: 'unsafe-retry',
  severity: 'error',
  message: 'x-retry reaches POST /orders, which has no x-idempotency',
  pointer: '/paths/~1orders/post/x-retry',
  file: 'openapi.yaml',
  line: 9,
  column: 7,
};
const missing: Diagnostic = {
  code: 'file-not-found',
  severity: 'error',
  message: 'No such file',
  pointer: '',
  file: 'nope.yaml',
};
const warning: Diagnostic = { ...unsafe, code: 'retry-permanent-status', severity: 'warning', line: 3 };

describe('formatJson', () => {
  it('prints every field in a fixed order, null when unknown', () => {
    const parsed = JSON.parse(formatJson([unsafe, missing]));
    expect(Object.keys(parsed)).toEqual(['diagnostics', 'summary']);
    expect(Object.keys(parsed.diagnostics[0])).toEqual([
      'file',
      'line',
      'column',
      'severity',
      'code',
      'message',
      'pointer',
      'hint',
    ]);
    expect(parsed.diagnostics[1]).toEqual({
      file: 'nope.yaml',
      line: null,
      column: null,
      severity: 'error',
      code: 'file-not-found',
      message: 'No such file',
      pointer: '',
      hint: null,
    });
  });

  it('ends with a newline and is deterministic', () => {
    const text = formatJson([unsafe, warning]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(formatJson([unsafe, warning])).toBe(text);
  });

  it.each([
    { name: 'none', diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } },
    { name: 'one error', diagnostics: [unsafe], summary: { errors: 1, warnings: 0, infos: 0 } },
    { name: 'mixed', diagnostics: [unsafe, missing, warning], summary: { errors: 2, warnings: 1, infos: 0 } },
    {
      name: 'with an info',
      diagnostics: [warning, { ...warning, severity: 'info' as const, code: 'swagger-2-converted' }],
      summary: { errors: 0, warnings: 1, infos: 1 },
    },
  ])('summarises $name', ({ diagnostics, summary }) => {
    expect(diagnosticsToJsonReport(diagnostics).summary).toEqual(summary);
  });
});
