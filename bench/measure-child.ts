import { median } from './measure.js';
import { type ChildRun, spawnMeasured } from './spawn-measured.js';

export interface ChildMeasurement {
  name: string;
  /** Wall milliseconds of each measured run (warm-ups excluded). */
  runs: number[];
  median: number;
  /** The highest peak RSS of the measured runs, in MB. */
  maxRssMb: number;
  /** The last measured run, for its output. */
  last: ChildRun;
}

/**
 * `warmups` unmeasured runs, then `runs` measured ones, of `node <args>` in a child process each; `before`
 * runs ahead of every run (to empty an output directory, so that every run writes everything).
 */
export async function measureChild(input: {
  name: string;
  args: readonly string[];
  cwd: string;
  warmups: number;
  runs: number;
  okCodes?: readonly number[];
  before?: () => void;
}): Promise<ChildMeasurement> {
  const once = () => {
    input.before?.();
    return spawnMeasured({ args: input.args, cwd: input.cwd, okCodes: input.okCodes });
  };
  for (let i = 0; i < input.warmups; i++) await once();
  const measured: ChildRun[] = [];
  for (let i = 0; i < input.runs; i++) measured.push(await once());
  const runs = measured.map((run) => run.ms);
  return {
    name: input.name,
    runs,
    median: median(runs),
    maxRssMb: Math.max(...measured.map((run) => run.maxRssMb)),
    last: measured[measured.length - 1]!,
  };
}
