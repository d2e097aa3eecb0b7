/**
 * `npm run bench` (with bench/lint.ts): how long `idemgen generate` (client + server) takes on GitHub's REST
 * description against openapi-typescript (types only) and @hey-api/openapi-ts (its default plugins) on the
 * same file, each a child process per run, as a user runs them; their peak memory; how long `tsc --noEmit`
 * takes on our output against openapi-typescript's output alone; and the start-up cost on a small spec.
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
import { type ChildMeasurement, measureChild, measureInterleaved } from './measure-child.js';
import { formatTable, type Target, targetLines } from './report.js';
import { countTscErrors, writeStrictTsconfig } from './tsc-project.js';

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

  writeStrictTsconfig(genDir);
  writeFileSync(join(openapiTsDir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeStrictTsconfig(openapiTsDir);
  const [tscOurs, tscTheirs] = await measureInterleaved({
    warmups: WARMUPS,
    runs: RUNS,
    specs: [
      {
        cwd: REPO_ROOT,
        name: 'tsc --noEmit on idemgen output (all)',
        args: [TSC, '-p', genDir],
        okCodes: [0, 1, 2],
      },
      {
        cwd: REPO_ROOT,
        name: 'tsc --noEmit on openapi-typescript output',
        args: [TSC, '-p', openapiTsDir],
        okCodes: [0, 1, 2],
      },
    ],
  });

  const smallDir = join(OUT, 'gen-payments');
  const small = await measureChild({
    ...common,
    runs: Math.max(RUNS, 5),
    name: 'idemgen generate examples/payments.yaml',
    args: [bin, 'generate', SMALL_SPEC, '-o', smallDir],
    before: emptied(smallDir),
  });

  const rows: ChildMeasurement[] = [idemgen, openapiTs, heyApi, tscOurs, tscTheirs, small];
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
    { name: 'tsc on ours / tsc on its types', value: ratio(tscOurs, tscTheirs), unit: 'x', limit: 1.3 },
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
    `tsc errors: idemgen output ${countTscErrors(tscOurs.last.stdout)}, openapi-typescript output ${countTscErrors(tscTheirs.last.stdout)}; schema.ts ${(schemaBytes / 1e6).toFixed(1)} MB`,
    `idemgen / @hey-api/openapi-ts: time ${ratio(idemgen, heyApi).toFixed(2)}x, peak RSS ${(idemgen.maxRssMb / heyApi.maxRssMb).toFixed(2)}x`,
    '',
    ...targetLines(targets),
    '',
    `load average at end ${loads()}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
