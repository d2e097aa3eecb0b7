/**
 * One corpus worker (a child process of main.ts): for each document it is sent, checks validity against the
 * official schema, runs `generate()` (client and server) into a scratch directory, type-checks the output, and
 * answers with an Outcome. A crash inside generate() is caught and reported; a hang is the parent's to kill.
 */
import { readFileSync, rmSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { generate } from '../../src/generate.js';
import type { Outcome } from './outcome.js';
import type { CorpusEntry } from './sources.js';
import { typecheckOutput } from './typecheck.js';
import { createValidityCheck } from './validity.js';

export interface Job {
  entry: CorpusEntry;
  outDir: string;
  modules: string;
  keep: boolean;
}

let checkValidity: ReturnType<typeof createValidityCheck> | undefined;

function readDocument(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch {
    return undefined;
  }
}

async function run(job: Job): Promise<Outcome> {
  const { entry, outDir } = job;
  checkValidity ??= createValidityCheck(job.modules);
  const document = readDocument(entry.file);
  const invalidReasons = document === undefined ? ['not parseable'] : checkValidity(entry.version, document);
  const outcome: Outcome = {
    ...entry,
    valid: invalidReasons.length === 0,
    invalidReasons,
    verdict: 'pass',
    errors: [],
    warnings: {},
    typeErrors: [],
    typeErrorCount: 0,
    generateMs: 0,
    typecheckMs: 0,
  };
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  try {
    const result = await generate({ spec: entry.file, outDir, target: 'both', mode: 'write' });
    outcome.generateMs = performance.now() - started;
    for (const d of result.diagnostics) {
      if (d.severity === 'error') {
        const at = `${d.line ?? '?'}:${d.column ?? '?'} ${d.pointer}`;
        outcome.errors.push({ code: d.code, located: d.line !== undefined, message: d.message, at });
      } else outcome.warnings[d.code] = (outcome.warnings[d.code] ?? 0) + 1;
    }
    for (const p of result.syntaxProblems) {
      outcome.errors.push({ code: 'generated-syntax', located: false, message: p.message, at: p.file });
    }
    for (const p of result.templateProblems.filter((t) => t.severity === 'error')) {
      outcome.errors.push({ code: 'template', located: false, message: p.message, at: '' });
    }
    if (outcome.errors.length > 0) {
      outcome.verdict = 'diagnostic';
      return outcome;
    }
  } catch (error) {
    outcome.generateMs = performance.now() - started;
    outcome.verdict = 'crash';
    outcome.crash = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    return outcome;
  }
  const checking = performance.now();
  const typeErrors = typecheckOutput(outDir);
  outcome.typecheckMs = performance.now() - checking;
  outcome.typeErrorCount = typeErrors.length;
  outcome.typeErrors = typeErrors.slice(0, 20);
  if (typeErrors.length > 0) outcome.verdict = 'type-errors';
  if (!job.keep && outcome.verdict === 'pass') rmSync(outDir, { recursive: true, force: true });
  return outcome;
}

process.on('message', (job: Job) => {
  run(job).then(
    (outcome) => process.send?.(outcome),
    (error: unknown) => process.send?.({ fatal: String(error) }),
  );
});
process.send?.({ ready: true });
