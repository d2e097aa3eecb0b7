/** The corpus figures: pass rate over valid documents, time per document, and failures grouped by class. */
import { RULES } from '../../src/model/rules.js';
import { classesOf, type Outcome } from './outcome.js';

/**
 * Stopped only by the contract's own safety rules (`unsafe-retry`, ...): the document is valid OpenAPI, but its
 * retry annotations (often `x-speakeasy-retries`, read as `x-retry`) break a rule that is an error by design.
 */
function refusedByRule(outcome: Outcome): boolean {
  return outcome.verdict === 'diagnostic' && outcome.errors.every((e) => Object.hasOwn(RULES, e.code));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percent = (n: number, of: number) => (of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(1)}%`);

export function formatReport(outcomes: readonly Outcome[], wallMs: number): string {
  const lines: string[] = [];
  const valid = outcomes.filter((o) => o.valid);
  const invalid = outcomes.filter((o) => !o.valid);
  const passed = valid.filter((o) => o.verdict === 'pass');
  const byVersion = new Map<string, Outcome[]>();
  for (const o of outcomes) byVersion.set(o.version, [...(byVersion.get(o.version) ?? []), o]);

  const wall = Number.isNaN(wallMs) ? '' : ` in ${seconds(wallMs)} wall time`;
  lines.push(`Corpus: ${outcomes.length} documents${wall}`);
  lines.push(
    `Pass rate (valid OpenAPI -> generated client+server type-check): ${passed.length}/${valid.length} = ${percent(passed.length, valid.length)}`,
  );
  const byRule = valid.filter(refusedByRule);
  const judged = valid.length - byRule.length;
  lines.push(
    `  of which ${byRule.length} are refused by a contract safety rule (a located error by design); over the other ${judged}: ${percent(passed.length, judged)}`,
  );
  for (const [version, list] of [...byVersion].sort()) {
    const v = list.filter((o) => o.valid);
    const p = v.filter((o) => o.verdict === 'pass');
    lines.push(
      `  ${version}: ${list.length} documents, ${v.length} valid, ${p.length} pass (${percent(p.length, v.length)})`,
    );
  }
  const invalidPassed = invalid.filter((o) => o.verdict === 'pass').length;
  lines.push(`Invalid documents: ${invalid.length} (${invalidPassed} of them still generate and type-check)`);

  const times = outcomes.map((o) => o.generateMs + o.typecheckMs).sort((a, b) => a - b);
  const generateTimes = outcomes.map((o) => o.generateMs).sort((a, b) => a - b);
  lines.push(
    `Time per document (generate + tsc): median ${seconds(percentile(times, 50))}, p90 ${seconds(percentile(times, 90))}, max ${seconds(percentile(times, 100))}; generate alone: median ${seconds(percentile(generateTimes, 50))}, max ${seconds(percentile(generateTimes, 100))}`,
  );
  const slowest = [...outcomes].sort((a, b) => b.generateMs + b.typecheckMs - (a.generateMs + a.typecheckMs));
  for (const o of slowest.slice(0, 3)) {
    lines.push(
      `  slowest: ${o.name} (${(o.bytes / 1e6).toFixed(1)} MB): generate ${seconds(o.generateMs)}, tsc ${seconds(o.typecheckMs)}`,
    );
  }

  const hard = outcomes.filter((o) => o.verdict === 'crash' || o.verdict === 'timeout');
  const unlocated = outcomes.filter((o) => o.errors.some((e) => !e.located));
  lines.push(
    `Crashes and timeouts: ${hard.length}; error diagnostics without a location: ${unlocated.length}`,
  );

  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    for (const key of classesOf(o)) groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  lines.push('', 'Failure classes (documents per class; a document may be in several):');
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const validCount = list.filter((o) => o.valid).length;
    lines.push(`  ${String(list.length).padStart(4)}  (${validCount} valid)  ${key}`);
    for (const o of list.slice(0, 2)) lines.push(`          e.g. ${o.name}  ${exampleOf(o, key)}`);
  }
  return lines.join('\n');
}

function exampleOf(outcome: Outcome, key: string): string {
  if (outcome.verdict === 'diagnostic') {
    const e = outcome.errors.find((x) => key.startsWith(x.code)) ?? outcome.errors[0];
    return e ? `${e.at}: ${e.message.slice(0, 140)}` : '';
  }
  if (outcome.verdict === 'type-errors') {
    const e = outcome.typeErrors.find((x) => key.startsWith(`TS${x.code}`)) ?? outcome.typeErrors[0];
    return e ? `${e.at}` : '';
  }
  if (outcome.verdict === 'crash') return (outcome.crash ?? '').split('\n').slice(1, 3).join(' ').trim();
  return '';
}
