/**
 * The limits every spec document is read and parsed under: what a hostile or broken spec can cost is bounded,
 * and going over a limit is a diagnostic naming the setting that raises it.
 */
export interface SpecLimits {
  /**
   * Bytes per document (the root spec, each referenced file, each URL), enforced while reading; also the
   * estimated size a YAML document may reach once its aliases are expanded. Default 64 MiB.
   */
  maxBytes: number;
  /** Alias nodes (`*name`, including `<<: *name` merges) per YAML document. Default 10,000. */
  maxAliases: number;
  /** Nesting depth of objects and arrays (the document root is 1), per document and after bundling. Default 256. */
  maxDepth: number;
}

export const DEFAULT_SPEC_LIMITS: Readonly<SpecLimits> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxAliases: 10_000,
  maxDepth: 256,
});

/** The largest `maxDepth` accepted: far below what the stack holds for the depth-guarded recursive walks. */
export const MAX_DEPTH_CAP = 4096;

/** The given limits over the defaults; a value that is not a number (NaN, undefined) keeps the default. */
export function resolveSpecLimits(limits: Partial<SpecLimits> | undefined): SpecLimits {
  const pick = (name: keyof SpecLimits): number => {
    const value = limits?.[name];
    return typeof value === 'number' && !Number.isNaN(value) ? value : DEFAULT_SPEC_LIMITS[name];
  };
  return {
    maxBytes: pick('maxBytes'),
    maxAliases: pick('maxAliases'),
    maxDepth: Math.min(pick('maxDepth'), MAX_DEPTH_CAP),
  };
}

/** `67108864` -> `64 MiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** The hint for a limit, naming where it is changed. */
export function limitHint(name: keyof SpecLimits): string {
  return `If this document is legitimate, raise specLimits.${name} in the config file, with --spec-limit ${name}=<number>, or in the specLimits option of generate()/lint().`;
}
