/** The report as JSON (`--format json`), credentials redacted; a stable shape for scripts. */
import type { VerifyReport } from '../types.js';
import { redactExchange } from './describe-exchange.js';

export function formatJson(report: VerifyReport): string {
  const results = report.results.map((r) => ({ ...r, exchanges: r.exchanges.map(redactExchange) }));
  return `${JSON.stringify({ ...report, results }, null, 2)}\n`;
}
