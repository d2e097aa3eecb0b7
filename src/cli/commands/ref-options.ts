import type { Argv } from 'yargs';

/** The `$ref` policy options `lint` and `generate` share: `--ref-root`, `--allow-remote-refs`, `--spec-limit`. */
export function withRefOptions<T>(y: Argv<T>) {
  return y
    .option('ref-root', {
      type: 'string',
      requiresArg: true,
      describe: "The directory tree local $refs must stay inside (default: the spec's directory)",
    })
    .option('allow-remote-refs', {
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      defaultDescription: "none (a remote spec's own host only)",
      describe: 'A host remote $refs may reach (repeatable; * for any host)',
    })
    .option('spec-limit', {
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      defaultDescription: 'maxBytes=67108864 maxAliases=10000 maxDepth=256',
      describe: 'A limit per spec document: <maxBytes|maxAliases|maxDepth>=<number> (repeatable)',
    });
}
