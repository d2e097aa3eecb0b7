/** Text output shared by the benchmarks: a table of measurements and targets with PASS/MISS. */

export interface Target {
  name: string;
  value: number;
  unit: 'x' | 'ms' | 'rt';
  /** The figure must be at most this (`atLeast`: at least this). */
  limit: number;
  /** A further goal, printed beside the limit. */
  goal?: number;
  atLeast?: boolean;
}

export interface Row {
  name: string;
  runs: readonly number[];
  median: number;
  maxRssMb?: number;
}

const show = (value: number, unit: Target['unit']): string =>
  unit === 'ms' ? `${value.toFixed(0)} ms` : unit === 'rt' ? value.toFixed(2) : `${value.toFixed(2)}x`;

export function formatTable(rows: readonly Row[], unit = 'ms'): string[] {
  const header = `${'measurement'.padEnd(46)}${`median ${unit}`.padStart(12)}${'peak RSS MB'.padStart(13)}  runs`;
  return [
    header,
    ...rows.map(
      (row) =>
        `${row.name.padEnd(46)}${row.median.toFixed(0).padStart(12)}${(row.maxRssMb === undefined ? '' : row.maxRssMb.toFixed(0)).padStart(13)}  ${row.runs.map((n) => n.toFixed(0)).join(', ')}`,
    ),
  ];
}

export function verdict(target: Target): 'PASS' | 'MISS' {
  const ok = target.atLeast ? target.value >= target.limit : target.value <= target.limit;
  return ok ? 'PASS' : 'MISS';
}

export function targetLines(targets: readonly Target[]): string[] {
  return [
    `${'target'.padEnd(46)}${'figure'.padStart(12)}  ${'limit'.padEnd(24)}result`,
    ...targets.map((target) => {
      const bound = `${target.atLeast ? '>=' : '<='} ${show(target.limit, target.unit)}`;
      const goal = target.goal === undefined ? '' : ` (goal ${show(target.goal, target.unit)})`;
      const goalMet =
        target.goal !== undefined && verdict({ ...target, limit: target.goal }) === 'PASS'
          ? ', goal met'
          : '';
      return `${target.name.padEnd(46)}${show(target.value, target.unit).padStart(12)}  ${(bound + goal).padEnd(24)}${verdict(target)}${goalMet}`;
    }),
  ];
}
