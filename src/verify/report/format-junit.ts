/**
 * The report as JUnit XML (`--junit <file>`) for CI: one test suite per operation, one test case per check;
 * a failure's message is the broken sentence's reason, its text the exchanges; a skip says why.
 */
import type { CheckResult, VerifyReport } from '../types.js';
import { formatFailure } from './format-table.js';

/** XML 1.0 text: the five entities escaped, characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testCase(result: CheckResult): string {
  const open = `    <testcase classname="idemgen.verify.${escapeXml(result.operation)}" name="${escapeXml(result.check)}" time="${seconds(result.durationMs)}"`;
  if (result.outcome === 'pass') return `${open}/>`;
  if (result.outcome === 'skip')
    return `${open}>\n      <skipped message="${escapeXml(result.reason ?? '')}"/>\n    </testcase>`;
  const text = formatFailure(result).join('\n');
  return `${open}>\n      <failure message="${escapeXml(result.reason ?? '')}" type="${escapeXml(result.check)}">${escapeXml(text)}</failure>\n    </testcase>`;
}

export function formatJunit(report: VerifyReport): string {
  const operations = [...new Set(report.results.map((r) => r.operation))];
  const suites = operations.map((operation) => {
    const results = report.results.filter((r) => r.operation === operation);
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    return [
      `  <testsuite name="${escapeXml(operation)}" tests="${results.length}" failures="${count('fail')}" errors="0" skipped="${count('skip')}" time="${seconds(time)}">`,
      ...results.map(testCase),
      '  </testsuite>',
    ].join('\n');
  });
  const { pass, fail, skip } = report.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="idemgen verify" tests="${pass + fail + skip}" failures="${fail}" errors="0" skipped="${skip}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
