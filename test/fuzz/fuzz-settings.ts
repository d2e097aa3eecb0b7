/**
 * One place for how hard the property tests push. `npm test` runs every property with a fixed seed and its
 * small base number of runs; `npm run fuzz` runs test/fuzz alone with `FUZZ_SCALE` times as many runs and a
 * random seed, printed so that a failure can be replayed:
 *
 * - `FUZZ_SEED`: an integer (replay), or `random`; default `20261206` (the same cases on every run).
 * - `FUZZ_SCALE`: a positive number multiplying each property's base runs; default 1.
 *
 * fast-check's own failure report names the seed and the shrunk counterexample's `path` too.
 */
import type { Parameters } from 'fast-check';

const FIXED_SEED = 20_261_206;

function readSeed(): number {
  const text = process.env.FUZZ_SEED;
  if (text === undefined || text === '') return FIXED_SEED;
  if (text === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`FUZZ_SEED must be an integer or "random": ${text}`);
  return seed;
}

function readScale(): number {
  const text = process.env.FUZZ_SCALE;
  if (text === undefined || text === '') return 1;
  const scale = Number(text);
  if (!(scale > 0)) throw new RangeError(`FUZZ_SCALE must be a positive number: ${text}`);
  return scale;
}

export const FUZZ_SEED = readSeed();
export const FUZZ_SCALE = readScale();
/** Whether this is the long run (`npm run fuzz`): tests may then allow themselves more time. */
export const LONG_RUN = FUZZ_SCALE > 1;

if (process.env.FUZZ_SEED === 'random' || LONG_RUN) {
  console.info(`[fuzz] seed ${FUZZ_SEED}, scale ${FUZZ_SCALE} (replay: FUZZ_SEED=${FUZZ_SEED} npm run fuzz)`);
}

/** fast-check parameters for a property whose `npm test` budget is `runs` cases. */
export function fuzzParameters<T>(runs: number, extra: Parameters<T> = {}): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(runs * FUZZ_SCALE)), ...extra };
}
