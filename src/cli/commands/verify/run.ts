/**
 * The work of `idemgen verify`: read the config's `verify` section, load the spec, pick the operations,
 * refuse non-loopback hosts without --allow-writes, then list (--dry-run) or run the checks and report.
 * Exit 0: every check passed or was skipped; 1: a check failed; 2: bad input.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isConfigError } from '../../../config/config-error.js';
import { findConfig } from '../../../config/find-config.js';
import { loadConfig } from '../../../config/load-config.js';
import type { LoadedConfig, VerifyConfig } from '../../../config/types.js';
import { lint } from '../../../lint.js';
import { isLoopbackUrl } from '../../../verify/loopback.js';
import { formatJson } from '../../../verify/report/format-json.js';
import { formatJunit } from '../../../verify/report/format-junit.js';
import { formatPlan } from '../../../verify/report/format-plan.js';
import { formatTable } from '../../../verify/report/format-table.js';
import { planVerify, runVerify } from '../../../verify/run-verify.js';
import { selectOperations } from '../../../verify/select-operations.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import { UsageError } from '../../usage-error.js';
import type { VerifyArgs } from './args.js';
import { startVerifyProgress } from './progress.js';
import { junitPath, resolveVerifySettings } from './setup.js';

async function readVerifyConfig(args: VerifyArgs, cwd: string): Promise<VerifyConfig | undefined> {
  let loaded: LoadedConfig | undefined;
  if (args.config !== undefined) loaded = await loadConfig(resolve(cwd, args.config));
  else {
    const found = findConfig(cwd);
    loaded = found ? await loadConfig(found) : undefined;
  }
  const config = loaded?.config;
  return config && !Array.isArray(config) ? config.verify : undefined;
}

export async function runVerifyCommand(input: {
  args: VerifyArgs;
  context: CommandContext;
}): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  let config: VerifyConfig | undefined;
  try {
    config = await readVerifyConfig(args, io.cwd);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    io.stderr.write(`idemgen: ${error.message}\n`);
    return EXIT_CODES.usage;
  }
  const settings = resolveVerifySettings({ args, config, cwd: io.cwd });
  const host = new URL(settings.baseUrl).host;
  if (!args['dry-run'] && !settings.allowWrites && !isLoopbackUrl(settings.baseUrl)) {
    throw new UsageError(
      `Refusing to probe ${host}: it is not this machine, and verify's probes are writes (they create ` +
        'records). Pass --allow-writes (or verify.allowWrites in the config) to send them, or --dry-run to list them.',
      'verify',
    );
  }

  const result = await lint({ spec: args.spec, cwd: io.cwd, stdin: io.stdin });
  if (!result.usable || !result.model) {
    io.stderr.write(
      formatStylish({
        diagnostics: result.diagnostics,
        cwd: io.cwd,
        color: false,
        readSource: createSourceReader({ cwd: io.cwd }),
        subject: args.spec,
      }),
    );
    return EXIT_CODES.usage;
  }
  const picked = selectOperations({
    model: result.model,
    operations: settings.operations,
    tags: settings.tags,
  });
  if (picked.unknown.length > 0)
    throw new UsageError(`No such ${picked.unknown.join(', ')} in ${args.spec}.`, 'verify');
  if (picked.operations.length === 0)
    throw new UsageError(
      `${args.spec} has no operation with x-idempotency: name some with --operation or --tag.`,
      'verify',
    );

  const verifyInput = {
    model: result.model,
    spec: args.spec,
    baseUrl: settings.baseUrl,
    operations: picked.operations,
    setup: settings.setup,
  };
  if (args['dry-run']) {
    io.stdout.write(formatPlan({ plan: planVerify(verifyInput), baseUrl: settings.baseUrl }));
    return EXIT_CODES.ok;
  }
  const progress = startVerifyProgress({ stream: io.stderr });
  let report: Awaited<ReturnType<typeof runVerify>>;
  try {
    report = await runVerify({ ...verifyInput, onProgress: progress.update });
  } finally {
    progress.done();
  }
  io.stdout.write(args.format === 'json' ? formatJson(report) : formatTable(report));
  const junit = junitPath(args, io.cwd);
  if (junit) await writeFile(junit, formatJunit(report));
  return report.summary.fail > 0 ? EXIT_CODES.errors : EXIT_CODES.ok;
}
