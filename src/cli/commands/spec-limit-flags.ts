/**
 * `--spec-limit <name>=<value>` (repeatable) -> `specLimits`: `maxBytes`, `maxAliases` or `maxDepth`, each a
 * whole number (`maxDepth` at most 4096, as in the config schema).
 */
import { DEFAULT_SPEC_LIMITS, MAX_DEPTH_CAP, type SpecLimits } from '../../load/spec-limits.js';

const NAMES = Object.keys(DEFAULT_SPEC_LIMITS) as (keyof SpecLimits)[];

export function parseSpecLimitFlags(values: readonly string[] = []): {
  limits: Partial<SpecLimits>;
  errors: string[];
} {
  const limits: Partial<SpecLimits> = {};
  const errors: string[] = [];
  for (const value of values) {
    const match = /^([A-Za-z]+)=(\d+)$/.exec(value);
    const name = match?.[1] as keyof SpecLimits | undefined;
    if (!match || !name || !NAMES.includes(name)) {
      errors.push(`Invalid --spec-limit "${value}": use ${NAMES.map((n) => `${n}=<number>`).join(', ')}.`);
      continue;
    }
    const number = Number(match[2]);
    const minimum = name === 'maxAliases' ? 0 : 1;
    if (number < minimum || (name === 'maxDepth' && number > MAX_DEPTH_CAP)) {
      errors.push(
        `Invalid --spec-limit "${value}": ${name} must be ${minimum} to ${name === 'maxDepth' ? MAX_DEPTH_CAP : 'any larger number'}.`,
      );
      continue;
    }
    limits[name] = number;
  }
  return { limits, errors };
}
