/**
 * Durations as people read them in the reference: `0 ms`, `350 ms`, `1.6 s`, `2 min`, `24 h`, `7 d`.
 * At most two decimals, trailing zeros dropped; below a second, whole milliseconds.
 */
const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
];

const trim = (value: number): string => String(Math.round(value * 100) / 100);

export function durationToText(ms: number): string {
  if (!Number.isFinite(ms)) return 'no limit';
  // Days only from two on: `24 h` reads better than `1 d`.
  for (const [unit, size] of UNITS)
    if (ms >= (unit === 'd' ? 2 * size : size)) return `${trim(ms / size)} ${unit}`;
  return `${Math.round(ms)} ms`;
}
