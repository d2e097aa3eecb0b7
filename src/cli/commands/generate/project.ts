/** `idemgen generate` for one project: run generate(), print diagnostics and results, pick the exit code. */
import { relative } from 'node:path';
import type { ResolvedProject } from '../../../config/resolve-projects.js';
import { hasErrors } from '../../../core/diagnostics.js';
import { type GenerateResult, generate } from '../../../generate.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import { shouldColor } from '../../io.js';
import { formatJson } from '../../report/json.js';
import { createSourceReader } from '../../report/source-reader.js';
import { formatStylish } from '../../report/stylish.js';
import type { GenerateArgs } from './args.js';
import { startProgress } from './progress.js';
import { formatCheck, formatDryRun, formatSyntaxProblems, formatWritten } from './report.js';

function modeOf(args: GenerateArgs): 'write' | 'check' | 'dry-run' | 'none' {
  if (args['dump-context']) return 'none';
  if (args.check) return 'check';
  if (args['dry-run']) return 'dry-run';
  return 'write';
}

function printDiagnostics(input: {
  args: GenerateArgs;
  context: CommandContext;
  result: GenerateResult;
}): void {
  const { args, context, result } = input;
  const { io } = context;
  if (args.format === 'json') {
    io.stdout.write(formatJson(result.diagnostics));
    return;
  }
  if (result.diagnostics.length === 0) return;
  io.stdout.write(
    formatStylish({
      diagnostics: result.diagnostics,
      cwd: io.cwd,
      color: shouldColor({ flag: args.color, io }),
      readSource: createSourceReader({ cwd: io.cwd }),
    }),
  );
}

export async function generateProject(input: {
  args: GenerateArgs;
  context: CommandContext;
  project: ResolvedProject;
  heading: boolean;
}): Promise<{ code: ExitCode; specFiles: string[] }> {
  const { args, context, project } = input;
  const { io } = context;
  // Status lines go to stdout, unless stdout carries JSON.
  const status = args.format === 'json' || args['dump-context'] ? io.stderr : io.stdout;
  const specName = /^(https?:|-$)/.test(project.spec) ? project.spec : relative(io.cwd, project.spec);
  if (input.heading) status.write(`${specName} -> ${relative(io.cwd, project.outDir) || '.'}\n`);
  const stderrIsTTY = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const progress = startProgress({ stream: io.stderr, enabled: stderrIsTTY, label: specName });
  const mode = modeOf(args);
  let result: GenerateResult;
  try {
    result = await generate({
      spec: project.spec,
      cwd: io.cwd,
      stdin: io.stdin,
      rules: project.rules,
      outDir: project.outDir,
      target: project.target,
      runtime: project.runtime,
      templates: project.templates,
      helpers: project.helpers,
      partials: project.partials,
      choices: project.choices,
      mode,
      manifest: true,
      clean: project.clean,
      dumpContext: args['dump-context'] === true,
      responseValidators: project.responseValidators,
      ...(project.maxBodySize !== undefined ? { maxBodySize: project.maxBodySize } : {}),
      refRoot: project.refRoot,
      allowRemoteRefs: project.allowRemoteRefs,
      specLimits: project.specLimits,
      onPhase: (phase) => progress.update(phase),
    });
  } finally {
    progress.done();
  }
  const specFiles = result.spec?.files ?? [];
  if (!args['dump-context'] || result.diagnostics.length > 0) printDiagnostics({ args, context, result });
  if (!result.spec) return { code: EXIT_CODES.usage, specFiles };
  if (hasErrors(result.diagnostics)) return { code: EXIT_CODES.errors, specFiles };

  for (const problem of result.templateProblems) {
    io.stderr.write(`idemgen: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}\n`);
  }
  if (result.templateProblems.some((p) => p.severity === 'error'))
    return { code: EXIT_CODES.usage, specFiles };
  if (result.contextDump) {
    io.stdout.write(`${JSON.stringify(result.contextDump, null, 2)}\n`);
    return { code: EXIT_CODES.ok, specFiles };
  }
  if (result.syntaxProblems.length > 0) {
    io.stdout.write(formatSyntaxProblems(result.syntaxProblems));
    return { code: EXIT_CODES.errors, specFiles };
  }
  const report = { result, outDir: project.outDir, cwd: io.cwd };
  if (mode === 'dry-run') status.write(formatDryRun(report));
  else if (mode === 'check') {
    status.write(formatCheck(report));
    if ((result.emitted?.stale.length ?? 0) > 0) return { code: EXIT_CODES.errors, specFiles };
  } else status.write(formatWritten(report));
  return { code: EXIT_CODES.ok, specFiles };
}
