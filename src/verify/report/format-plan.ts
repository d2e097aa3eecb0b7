/** `--dry-run`: every request a run would send, operation by operation and check by check. */
import type { PlannedOperation } from '../run-verify.js';
import { describeRequest } from './describe-exchange.js';

export function formatPlan(input: { plan: PlannedOperation[]; baseUrl: string }): string {
  const out = [`idemgen verify --dry-run: nothing is sent. Requests to ${input.baseUrl}:`];
  let count = 0;
  for (const { operation, checks } of input.plan) {
    out.push('', `${operation.id} (${operation.method.toUpperCase()} ${operation.path})`);
    for (const check of checks) {
      if (check.skip) {
        out.push(`  ${check.check}: skipped, ${check.skip}`);
        continue;
      }
      out.push(`  ${check.check}:`);
      for (const planned of check.requests) {
        count++;
        const [first, ...rest] = describeRequest(planned.request, '        ');
        out.push(`    ${planned.label}${planned.note ? ` [${planned.note}]` : ''}: ${first}`, ...rest);
      }
    }
  }
  out.push(
    '',
    `${count} requests (re-sent while the server answers 409 with Retry-After). error-format, ` +
      'declared-responses and retry-hints judge their answers and send nothing of their own.',
  );
  return `${out.join('\n')}\n`;
}
