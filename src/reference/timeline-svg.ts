/**
 * The timeline as inline SVG: one row per attempt, the window in which it can start (the sum of the waits
 * before it, smallest to largest under the jitter) with the expected start marked, the attempt itself as a
 * bar as long as its timeout, and the deadline as a dashed line. The time axis is logarithmic (a 100 ms wait
 * and a 60 s deadline in one picture); every number is also in the table beside it and in each row's title.
 */
import { durationToText } from './duration-text.js';
import { escapeHtml } from './html-escape.js';
import type { Timeline, TimelineAttempt } from './timeline.js';

const WIDTH = 720;
const LEFT = 92;
const RIGHT = 28;
const TOP = 26;
const ROW = 30;
const PLOT = WIDTH - LEFT - RIGHT;
/** The logarithm's unit: times below it are drawn nearly linearly. */
const UNIT_MS = 10;
const TICKS_MS = [100, 1_000, 10_000, 60_000, 600_000, 3_600_000, 86_400_000];

/** Inside the SVG, so that the file stands alone as well as inline. */
const STYLE =
  '<style>.row-label,.tick-label,.row-note{font:12px system-ui,sans-serif;fill:#1a1a1a}' +
  '.deadline-label{font:12px system-ui,sans-serif;fill:#a61b1b}.window{fill:#cfe0fb;stroke:#1d4ed8}' +
  '.expected{fill:#1d4ed8}.attempt{fill:#9ca3af}.axis{stroke:#6b7280}.tick{stroke:#d1d5db;stroke-dasharray:2 3}' +
  '.deadline{stroke:#a61b1b;stroke-width:2;stroke-dasharray:6 4}</style>';

const round = (value: number): string => String(Math.round(value * 10) / 10);

function scaleFor(deadlineMs: number): (ms: number) => number {
  const end = Math.log10(1 + deadlineMs / UNIT_MS);
  return (ms) => LEFT + (PLOT * Math.log10(1 + Math.min(Math.max(ms, 0), deadlineMs) / UNIT_MS)) / end;
}

function rowTitle(row: TimelineAttempt): string {
  const timeout = `runs for up to ${durationToText(row.timeoutMs)}`;
  if (row.attempt === 1) return `Attempt 1 starts at once and ${timeout}.`;
  const { start } = row;
  const when =
    `starts ${durationToText(start.minMs)} to ${durationToText(start.maxMs)} after the call ` +
    `(expected ${durationToText(start.expectedMs)})`;
  if (row.reach === 'never') return `Attempt ${row.attempt} never starts: the deadline comes first.`;
  const cut = row.reach === 'sometimes' ? '; on slow draws the deadline comes first' : '';
  return `Attempt ${row.attempt} ${when} and ${timeout}${cut}.`;
}

function rowSvg(row: TimelineAttempt, y: number, x: (ms: number) => number): string {
  const { start } = row;
  const mid = y + ROW / 2;
  const parts = [
    `<g class="attempt-row" data-attempt="${row.attempt}" data-reach="${row.reach}" ` +
      `data-start-min-ms="${Math.round(start.minMs)}" data-start-expected-ms="${Math.round(start.expectedMs)}" ` +
      `data-start-max-ms="${Math.round(start.maxMs)}" data-timeout-ms="${Math.round(row.timeoutMs)}">`,
    `<title>${escapeHtml(rowTitle(row))}</title>`,
    `<text x="8" y="${mid + 4}" class="row-label">Attempt ${row.attempt}</text>`,
  ];
  if (row.reach === 'never') {
    parts.push(
      `<text x="${LEFT + 4}" y="${mid + 4}" class="row-note">not started: the deadline comes first</text>`,
    );
  } else {
    if (row.attempt > 1) {
      const x1 = x(start.minMs);
      const width = Math.max(2, x(start.maxMs) - x1);
      parts.push(
        `<rect class="window" x="${round(x1)}" y="${mid - 8}" width="${round(width)}" height="8" rx="2"/>`,
        `<path class="expected" d="M${round(x(start.expectedMs))} ${mid - 12}l4 4-4 4-4-4z"/>`,
      );
    }
    const a1 = x(start.expectedMs);
    const a2 = x(start.expectedMs + row.timeoutMs);
    parts.push(
      `<rect class="attempt" x="${round(a1)}" y="${mid + 2}" width="${round(Math.max(2, a2 - a1))}" height="5"/>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function axisSvg(timeline: Timeline, y: number, x: (ms: number) => number): string {
  const end = x(timeline.deadlineMs);
  // The attempt timeout first (the bars end there), then round times, none crowding another or the deadline.
  const ticks: number[] = [0];
  for (const ms of [timeline.attemptTimeoutMs, ...TICKS_MS]) {
    const fits = ms < timeline.deadlineMs && end - x(ms) > 56;
    if (fits && ticks.every((tick) => Math.abs(x(tick) - x(ms)) > 40)) ticks.push(ms);
  }
  const marks = ticks.map((ms) => {
    const at = round(x(ms));
    return `<line class="tick" x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${y}"/><text class="tick-label" x="${at}" y="${y + 16}" text-anchor="middle">${ms === 0 ? '0' : durationToText(ms)}</text>`;
  });
  return [
    `<line class="axis" x1="${LEFT}" y1="${y}" x2="${round(end)}" y2="${y}"/>`,
    ...marks,
    `<line class="deadline" x1="${round(end)}" y1="${TOP - 10}" x2="${round(end)}" y2="${y}"/>`,
    `<text class="deadline-label" x="${round(end)}" y="${TOP - 14}" text-anchor="end">deadline ${durationToText(timeline.deadlineMs)}</text>`,
    `<text class="tick-label" x="${round(end)}" y="${y + 16}" text-anchor="middle">${durationToText(timeline.deadlineMs)}</text>`,
  ].join('');
}

/** The SVG element; `id` makes the title and description ids unique on the page. */
export function timelineToSvg(input: { timeline: Timeline; id: string; label: string }): string {
  const { timeline, id } = input;
  const x = scaleFor(timeline.deadlineMs);
  const axisY = TOP + timeline.attempts.length * ROW + 6;
  const height = axisY + 26;
  const rows = timeline.attempts.map((row, index) => rowSvg(row, TOP + index * ROW, x)).join('');
  const description =
    `Logarithmic time axis from the start of the call to the ${durationToText(timeline.deadlineMs)} deadline. ` +
    timeline.attempts.map(rowTitle).join(' ');
  return [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
      `aria-labelledby="${id}-title ${id}-desc" data-deadline-ms="${timeline.deadlineMs}">`,
    `<title id="${id}-title">${escapeHtml(input.label)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    STYLE,
    rows,
    axisSvg(timeline, axisY, x),
    '</svg>',
  ].join('');
}
