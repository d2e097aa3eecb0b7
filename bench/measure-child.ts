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
export interface ChildSpec {
  name: string;
  args: readonly string[];
  cwd: string;
  okCodes?: readonly number[];
  before?: () => void;
}

export async function measureChild(
  input: ChildSpec & { warmups: number; runs: number },
): Promise<ChildMeasurement> {
  const [measurement] = await measureInterleaved({
    specs: [input],
    warmups: input.warmups,
    runs: input.runs,
  });
  return measurement!;
}

/**
 * Several commands measured in alternation (a warm-up of each, then run 1 of each, run 2 of each, ...), so
 * that a change in the machine's load during the benchmark falls on all of them alike: their ratios are
 * what the targets compare.
 */
export async function measureInterleaved<const S extends readonly ChildSpec[]>(input: {
  specs: S;
  warmups: number;
  runs: number;
}): Promise<{ [K in keyof S]: ChildMeasurement }> {
  const once = (spec: ChildSpec) => {
    spec.before?.();
    return spawnMeasured({ args: spec.args, cwd: spec.cwd, okCodes: spec.okCodes });
  };
  const measured: ChildRun[][] = input.specs.map(() => []);
  for (let i = 0; i < input.warmups; i++) for (const spec of input.specs) await once(spec);
  for (let i = 0; i < input.runs; i++) {
    for (const [index, spec] of input.specs.entries()) measured[index]!.push(await once(spec));
  }
  const results = input.specs.map((spec, index) => {
    const own = measured[index]!;
    const runs = own.map((run) => run.ms);
    return {
      name: spec.name,
      runs,
      median: median(runs),
      maxRssMb: Math.max(...own.map((run) => run.maxRssMb)),
      last: own[own.length - 1]!,
    };
  });
  return results as { [K in keyof S]: ChildMeasurement };
}
