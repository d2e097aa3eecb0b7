/**
 * `npm run corpus`: generates client and server from several hundred real public API descriptions and
 * type-checks every output with `tsc --strict`. Prints the pass rate over the documents that are valid
 * OpenAPI, the time per document, and the failures grouped by class; writes every outcome to
 * `.corpus/report.json`. Documents run in worker processes (`--jobs`, default 2), each with a deadline that
 * grows with its size, so a crash or a hang is recorded, not fatal.
 *
 *   npm run corpus -- [--all] [--sample N] [--jobs N] [--filter TEXT] [--names FILE] [--keep] [--report-only]
 *
 * `--names FILE` runs only the documents named in FILE, one name a line (as the report prints them), for
 * instance the failures of the last run. `--report-only` prints the figures of `.corpus/report.json` (which
 * is rewritten after every document, so a run stopped half-way still has its figures).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../test/cli/support/build-package.js';
import type { Outcome } from './outcome.js';
import { formatReport } from './report.js';
import { type CorpusEntry, installCorpus, listCorpus } from './sources.js';
import type { Job } from './worker.js';

const { values: args } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    sample: { type: 'string', default: '340' },
    jobs: { type: 'string', default: '2' },
    filter: { type: 'string' },
    names: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});

const CORPUS = join(REPO_ROOT, '.corpus');
const MODULES = join(CORPUS, 'node_modules');
const OUT = join(CORPUS, 'out');
const GITHUB = join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');

/**
 * 120 s, plus 60 s per MB, for generate and tsc together: on a loaded 2-core machine GitHub's 13 MB description
 * takes about 15 s to generate and 60 s to type-check, and autotask.net's 3.4 MB about 50 s and 200 s.
 */
const deadlineFor = (entry: CorpusEntry) => 120_000 + (entry.bytes / 1e6) * 60_000;

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
}

function startWorker(): Slot {
  const child = fork(resolve(import.meta.dirname, 'worker.ts'), [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192', '--stack-size=4000'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.resume();
  const ready = new Promise<void>((done) => child.once('message', () => done()));
  return { child, ready };
}

function runOne(slot: Slot, job: Job): Promise<Outcome | { timeout: true } | { died: string }> {
  return new Promise((done) => {
    const timer = setTimeout(() => finish({ timeout: true }), deadlineFor(job.entry));
    const onMessage = (message: Outcome | { fatal: string }) =>
      finish('fatal' in message ? { died: message.fatal } : message);
    const onExit = (code: number | null, signal: string | null) =>
      finish({ died: `worker exited (${signal ?? code})` });
    function finish(result: Outcome | { timeout: true } | { died: string }) {
      clearTimeout(timer);
      slot.child.off('message', onMessage);
      slot.child.off('exit', onExit);
      done(result);
    }
    slot.child.on('message', onMessage);
    slot.child.on('exit', onExit);
    slot.child.send(job);
  });
}

/** A document whose worker died or overran its deadline; `ms` is how long it had run (generate and tsc). */
function failedOutcome(
  entry: CorpusEntry,
  verdict: 'crash' | 'timeout',
  ms: number,
  crash?: string,
): Outcome {
  return {
    ...entry,
    valid: true,
    invalidReasons: [],
    verdict,
    errors: [],
    warnings: {},
    typeErrors: [],
    typeErrorCount: 0,
    ...(crash === undefined ? {} : { crash }),
    generateMs: ms,
    typecheckMs: 0,
  };
}

async function main(): Promise<void> {
  const reportFile = join(CORPUS, 'report.json');
  if (args['report-only']) {
    // The figures of the outcomes so far (the file is rewritten after every document).
    const outcomes = JSON.parse(readFileSync(reportFile, 'utf8')) as Outcome[];
    console.log(formatReport(outcomes, Number.NaN));
    return;
  }
  mkdirSync(CORPUS, { recursive: true });
  installCorpus(CORPUS, (line) => console.log(line));
  let entries = listCorpus({
    modules: MODULES,
    all: args.all,
    sample: Number(args.sample),
    extra: [GITHUB],
  });
  if (args.filter) entries = entries.filter((e) => e.name.includes(args.filter!));
  if (args.names) {
    const wanted = new Set(readFileSync(args.names, 'utf8').split('\n').filter(Boolean));
    entries = entries.filter((e) => wanted.has(e.name));
  }
  rmSync(OUT, { recursive: true, force: true });
  console.log(`${entries.length} documents, ${args.jobs} workers`);

  const started = performance.now();
  const outcomes: Outcome[] = [];
  let next = 0;
  const lane = async () => {
    let slot = startWorker();
    await slot.ready;
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index]!;
      const job: Job = { entry, outDir: join(OUT, String(index)), modules: MODULES, keep: args.keep };
      const jobStarted = performance.now();
      const result = await runOne(slot, job);
      const ran = performance.now() - jobStarted;
      let outcome: Outcome;
      if ('timeout' in result || 'died' in result) {
        slot.child.kill('SIGKILL');
        outcome =
          'timeout' in result
            ? failedOutcome(entry, 'timeout', ran)
            : failedOutcome(entry, 'crash', ran, result.died);
        slot = startWorker();
        await slot.ready;
      } else outcome = result;
      outcomes.push(outcome);
      writeFileSync(reportFile, `${JSON.stringify(outcomes, null, 2)}\n`);
      const time = ((outcome.generateMs + outcome.typecheckMs) / 1000).toFixed(1);
      console.log(
        `[${outcomes.length}/${entries.length}] ${outcome.verdict.padEnd(11)} ${time}s  ${entry.name}`,
      );
    }
    slot.child.kill();
  };
  await Promise.all(Array.from({ length: Number(args.jobs) }, lane));
  const wall = performance.now() - started;
  console.log(`\n${formatReport(outcomes, wall)}\n\nEvery outcome: ${reportFile}`);
}

await main();
