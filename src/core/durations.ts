/**
 * Durations in `x-idempotency` and `x-retry`: an integer of milliseconds, or a string with a unit
 * (`500ms`, `30s`, `5m`, `24h`, `7d`). A bare digit string is milliseconds too.
 */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/;

/**
 * Milliseconds of a duration; throws a `RangeError` when the value is not a duration, or when its milliseconds
 * are not an exact integer (above `Number.MAX_SAFE_INTEGER`, about 285,000 years: `99999999999999999999d`
 * would otherwise be read as 8.64e27 ms and a longer one as `Infinity`).
 */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`Not a duration: ${value}`);
    return exactMs(Math.round(value), value);
  }
  const match = DURATION.exec(value);
  if (!match) throw new RangeError(`Not a duration: "${value}" (use e.g. 500ms, 30s, 5m, 24h, 7d)`);
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'ms') as Unit;
  return exactMs(Math.round(amount * UNIT_MS[unit]), value);
}

function exactMs(ms: number, value: number | string): number {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`Duration out of range: ${value}`);
  return ms;
}

/** Like `parseDuration`, but `undefined` for anything that is not a duration (already reported by schema). */
export function durationOrUndefined(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  try {
    return parseDuration(value);
  } catch {
    return undefined;
  }
}

/** The shortest exact form of a duration: `86400000` -> `24h`, `1500` -> `1500ms`. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['d', UNIT_MS.d],
    ['h', UNIT_MS.h],
    ['m', UNIT_MS.m],
    ['s', UNIT_MS.s],
  ];
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
