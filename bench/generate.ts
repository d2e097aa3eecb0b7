/**
 * `npm run bench` (with bench/lint.ts): how long `idemgen generate` (client + server) takes on GitHub's REST
 * description against openapi-typescript (types only) and @hey-api/openapi-ts (its default plugins) on the
 * same file, each a child process per run, as a user runs them; their peak memory; the generate pair again
 * with one core kept busy; how long `tsc` takes on our output against @hey-api/openapi-ts's in the three
 * setups of tsc-project.ts (and against openapi-typescript's types alone); and the start-up on a small spec.
 *
 * idemgen runs as its built CLI: sources are compiled with tsconfig.build.json into bench/.out/pkg first
 * (not timed), so no TypeScript loader is in the measured process. Every run writes into an emptied
 * directory. `BENCH_RUNS` / `BENCH_WARMUPS` change the default 3 runs after 1 warm-up.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildPackage, REPO_ROOT } from '../test/cli/support/build-package.js';
import { withBusyCore } from './busy-core.js';
import { type ChildMeasurement, measureChild, measureInterleaved } from './measure-child.js';
import { formatTable, type Target, targetLines } from './report.js';
import { clearTscOutput, countTscErrors, TSC_SETUPS, type TscSetup, writeTsconfig } from './tsc-project.js';

const SPEC = join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const SMALL_SPEC = join(REPO_ROOT, 'examples/payments.yaml');
const OUT = join(REPO_ROOT, 'bench/.out');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 1);
const require = createRequire(import.meta.url);
const OPENAPI_TS_CLI = join(REPO_ROOT, 'node_modules/openapi-typescript/bin/cli.js');
// Its bin/run.js only spawnSyncs node on dist/run.mjs; the real CLI is run directly so its RSS is measured.
const HEY_API_CLI = join(REPO_ROOT, 'node_modules/@hey-api/openapi-ts/dist/run.mjs');
const TSC = require.resolve('typescript/bin/tsc');

const SETUP_LABEL: Record<TscSetup, string> = {
  check: '--noEmit',
  emit: 'allowJs + outDir',
  build: '-b composite',
};

const emptied = (dir: string) => () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
};

const loads = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const loadAtStart = loads();
  const bin = buildPackage(join(OUT, 'pkg'));
  const common = { cwd: REPO_ROOT, warmups: WARMUPS, runs: RUNS };
  const genDir = join(OUT, 'gen-github');
  const openapiTsDir = join(OUT, 'openapi-ts-github');
  const heyApiDir = join(OUT, 'hey-api-github');

  // Measured in alternation (a run of each in turn), so that load changes fall on both alike.
  const [idemgen, openapiTs] = await measureInterleaved({
    warmups: WARMUPS,
    runs: RUNS,
    specs: [
      {
        cwd: REPO_ROOT,
        name: 'idemgen generate (CLI, client + server)',
        // Exit code 0: GitHub's spec gives warnings (POSTs without x-idempotency), no errors.
        args: [bin, 'generate', SPEC, '-o', genDir],
        before: emptied(genDir),
      },
      {
        cwd: REPO_ROOT,
        name: 'openapi-typescript (CLI, types only)',
        args: [OPENAPI_TS_CLI, SPEC, '-o', join(openapiTsDir, 'schema.ts')],
        before: emptied(openapiTsDir),
      },
    ],
  });
  const heyApiCwd = join(OUT, 'hey-api-cwd'); // no openapi-ts.config.* to find there
  mkdirSync(heyApiCwd, { recursive: true });
  const heyApi = await measureChild({
    ...common,
    cwd: heyApiCwd,
    name: '@hey-api/openapi-ts (CLI, default plugins)',
    args: [HEY_API_CLI, '-i', SPEC, '-o', heyApiDir, '--no-log-file', '-s'],
    before: emptied(heyApiDir),
  });

  // The same generate pair again with one core kept busy by another process, as on a shared CI runner.
  const [idemgenLoaded, openapiTsLoaded] = await withBusyCore(() =>
    measureInterleaved({
      warmups: 0,
      runs: RUNS,
      specs: [
        {
          cwd: REPO_ROOT,
          name: 'idemgen generate, one core busy',
          args: [bin, 'generate', SPEC, '-o', genDir],
          before: emptied(genDir),
        },
        {
          cwd: REPO_ROOT,
          name: 'openapi-typescript, one core busy',
          args: [OPENAPI_TS_CLI, SPEC, '-o', join(openapiTsDir, 'schema.ts')],
          before: emptied(openapiTsDir),
        },
      ],
    }),
  );

  for (const dir of [openapiTsDir, heyApiDir]) {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  }
  // Each setup alternates idemgen's output with @hey-api/openapi-ts's (and, for the plain check,
  // openapi-typescript's types alone) run by run.
  const tscRows = new Map<TscSetup, ChildMeasurement[]>();
  for (const setup of TSC_SETUPS) {
    const outputs: [string, string][] = [
      ['idemgen', genDir],
      ['@hey-api/openapi-ts', heyApiDir],
      ...(setup === 'check' ? [['openapi-typescript', openapiTsDir] as [string, string]] : []),
    ];
    const measured = await measureInterleaved({
      warmups: WARMUPS,
      runs: RUNS,
      specs: outputs.map(([tool, dir]) => ({
        cwd: REPO_ROOT,
        name: `tsc ${SETUP_LABEL[setup]}: ${tool}`,
        args: [TSC, ...writeTsconfig(dir, setup)],
        okCodes: [0, 1, 2],
        before: clearTscOutput(dir),
      })),
    });
    tscRows.set(setup, measured);
  }
  const tsc = (setup: TscSetup, index: number) => tscRows.get(setup)![index]!;

  const smallDir = join(OUT, 'gen-payments');
  const small = await measureChild({
    ...common,
    runs: Math.max(RUNS, 5),
    name: 'idemgen generate examples/payments.yaml',
    args: [bin, 'generate', SMALL_SPEC, '-o', smallDir],
    before: emptied(smallDir),
  });

  const rows: ChildMeasurement[] = [
    idemgen,
    openapiTs,
    heyApi,
    idemgenLoaded,
    openapiTsLoaded,
    ...TSC_SETUPS.flatMap((setup) => tscRows.get(setup)!),
    small,
  ];
  const ratio = (a: ChildMeasurement, b: ChildMeasurement) => a.median / b.median;
  const targets: Target[] = [
    {
      name: 'generate time / openapi-typescript',
      value: ratio(idemgen, openapiTs),
      unit: 'x',
      limit: 1.0,
      goal: 0.7,
    },
    {
      name: 'peak RSS / openapi-typescript',
      value: idemgen.maxRssMb / openapiTs.maxRssMb,
      unit: 'x',
      limit: 1.5,
    },
    {
      name: 'generate / openapi-typescript, one core busy',
      value: ratio(idemgenLoaded, openapiTsLoaded),
      unit: 'x',
      limit: 1.0,
    },
    ...TSC_SETUPS.map(
      (setup): Target => ({
        name: `tsc ${SETUP_LABEL[setup]}: ours / hey-api's`,
        value: ratio(tsc(setup, 0), tsc(setup, 1)),
        unit: 'x',
        limit: 1.0,
      }),
    ),
    {
      name: 'tsc check: ours / its types alone',
      value: ratio(tsc('check', 0), tsc('check', 2)),
      unit: 'x',
      limit: 1.3,
    },
    { name: 'small-spec generate (start-up)', value: small.median, unit: 'ms', limit: 1000 },
  ];
  const schemaBytes = statSync(join(genDir, 'schema.ts')).size;
  const operations = (
    readFileSync(join(genDir, 'server/validators.d.ts'), 'utf8').match(/declare function/g) ?? []
  ).length;
  const lines = [
    `idemgen generate benchmark: api.github.com.json (${(statSync(SPEC).size / 1e6).toFixed(1)} MB, ${operations} operations); node ${process.version}; ${cpus().length} CPUs`,
    `${WARMUPS} warm-up + ${RUNS} runs per row (small spec: ${Math.max(RUNS, 5)}), wall time of one child process per run; idemgen and openapi-typescript (and the two tsc rows) alternate run by run`,
    `load average (1/5/15 min) at start ${loadAtStart}`,
    '',
    ...formatTable(rows),
    '',
    ...TSC_SETUPS.map(
      (setup) =>
        `tsc errors (${SETUP_LABEL[setup]}): ${tscRows
          .get(setup)!
          .map((row) => `${row.name.split(': ')[1]} ${countTscErrors(row.last.stdout)}`)
          .join(', ')}`,
    ),
    `schema.ts ${(schemaBytes / 1e6).toFixed(1)} MB, server/validators.js ${(statSync(join(genDir, 'server/validators.js')).size / 1e6).toFixed(1)} MB`,
    `idemgen / @hey-api/openapi-ts: time ${ratio(idemgen, heyApi).toFixed(2)}x, peak RSS ${(idemgen.maxRssMb / heyApi.maxRssMb).toFixed(2)}x`,
    '',
    ...targetLines(targets),
    '',
    `load average at end ${loads()}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
