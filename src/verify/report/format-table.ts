/** The report as a table (one row per operation and check), then each failure in full, then a summary. */
import type { CheckResult, VerifyReport } from '../types.js';
import { describeExchange } from './describe-exchange.js';

const OUTCOME_WORDS = { pass: 'pass', fail: 'FAIL', skip: 'skip' } as const;

export function formatTable(report: VerifyReport): string {
  const rows = report.results.map((r) => [
    r.operation,
    r.check,
    OUTCOME_WORDS[r.outcome],
    r.outcome === 'skip' ? (r.reason ?? '') : '',
  ]);
  const header = ['operation', 'check', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    `idemgen verify ${report.spec} against ${report.baseUrl}`,
    '',
    line(header),
    ...rows.map(line),
  ];
  const failures = report.results.filter((r) => r.outcome === 'fail');
  if (failures.length > 0) {
    out.push('', 'Failures:');
    for (const [index, failure] of failures.entries()) out.push('', ...formatFailure(failure, index + 1));
  }
  const { pass, fail, skip } = report.summary;
  out.push(
    '',
    `${report.results.length} checks: ${pass} passed, ${fail} failed, ${skip} skipped (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${out.join('\n')}\n`;
}

export function formatFailure(failure: CheckResult, number?: number): string[] {
  const title = `${number === undefined ? '' : `${number}) `}${failure.operation}: ${failure.check}`;
  return [
    title,
    `   contract: ${failure.sentence}`,
    `   broken:   ${failure.reason ?? 'no reason given'}`,
    ...failure.exchanges.flatMap((exchange) => describeExchange(exchange, '   ')),
  ];
}
