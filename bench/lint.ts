/**
 * `npm run bench`: how long `idemgen lint` takes on GitHub's REST description (about 13 MB of JSON, some
 * 1,100 operations) against openapi-typescript on the same file. Target: lint at most 0.2 of
 * openapi-typescript's time, so that checking the contract is cheap next to generating types.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { lint } from '../src/lint.js';
import { buildPackage, REPO_ROOT } from '../test/cli/support/build-package.js';
import { type Measurement, measure } from './measure.js';

const SPEC = join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const OPENAPI_TS_CLI = join(REPO_ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const TARGET_RATIO = 0.2;
const WARMUPS = 1;
const RUNS = 3;
const run = promisify(execFile);
const spawnOptions = { cwd: REPO_ROOT, maxBuffer: 512 * 1024 * 1024 };

async function main(): Promise<void> {
  const sizeMb = statSync(SPEC).size / 1024 / 1024;
  let facts = '';
  const inProcess = await measure({
    name: 'idemgen lint() in-process',
    warmups: WARMUPS,
    runs: RUNS,
    fn: async () => {
      const result = await lint({ spec: SPEC, cwd: REPO_ROOT });
      if (!result.usable)
        throw new Error(`the spec was not usable: ${JSON.stringify(result.diagnostics[0])}`);
      facts = `${result.model?.operations.length ?? 0} operations, ${result.diagnostics.length} diagnostics`;
      return undefined;
    },
  });
  const lintRssMb = process.resourceUsage().maxRSS / 1024;

  let openapiTsRssMb = 0;
  const openapiTs = await measure({
    name: 'openapi-typescript API (own process)',
    warmups: WARMUPS,
    runs: RUNS,
    fn: async () => {
      const child = ['--import', 'tsx', join(REPO_ROOT, 'bench/openapi-typescript-child.ts'), SPEC];
      const { stdout } = await run(process.execPath, child, spawnOptions);
      const report = JSON.parse(stdout) as { ms: number; maxRssMb: number };
      openapiTsRssMb = Math.max(openapiTsRssMb, report.maxRssMb);
      return report.ms;
    },
  });

  const bin = buildPackage(join(REPO_ROOT, 'bench/.out/pkg'));
  const lintCli = await spawnOnce('idemgen lint CLI, json (1 spawn, wall)', async () => {
    // Exit code 1 (errors found) is a normal outcome for a lint; only 2 or a crash is a failure here.
    await run(process.execPath, [bin, 'lint', SPEC, '--format', 'json'], spawnOptions).catch((error) => {
      if (error.code !== 1) throw error;
    });
  });
  const lintCliStylish = await spawnOnce('idemgen lint CLI, stylish (1 spawn, wall)', async () => {
    await run(process.execPath, [bin, 'lint', SPEC], spawnOptions).catch((error) => {
      if (error.code !== 1) throw error;
    });
  });
  const openapiTsCli = await spawnOnce('openapi-typescript CLI (1 spawn, wall)', async () => {
    await run(
      process.execPath,
      [OPENAPI_TS_CLI, SPEC, '-o', join(REPO_ROOT, 'bench/.out/github.d.ts')],
      spawnOptions,
    );
  });

  const rows = [inProcess, openapiTs, lintCli, lintCliStylish, openapiTsCli];
  const ratio = inProcess.median / openapiTs.median;
  const cliRatio = lintCli.median / openapiTsCli.median;
  const lines = [
    `idemgen lint benchmark: api.github.com.json (${sizeMb.toFixed(1)} MB; ${facts}); node ${process.version}`,
    `${WARMUPS} warm-up + ${RUNS} runs for the in-process rows, medians in ms; ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at the end`,
    '',
    `${'measurement'.padEnd(42)}${'median'.padStart(10)}  runs`,
    ...rows.map(
      (m) => `${m.name.padEnd(42)}${m.median.toFixed(0).padStart(10)}  ${m.runs.map(ms).join(', ')}`,
    ),
    '',
    `peak RSS: idemgen lint ${lintRssMb.toFixed(0)} MB (whole bench process), openapi-typescript ${openapiTsRssMb.toFixed(0)} MB`,
    `ratio lint / openapi-typescript (in-process medians): ${ratio.toFixed(3)}  target <= ${TARGET_RATIO}: ${verdict(ratio)}`,
    `ratio lint / openapi-typescript (CLI json, wall, one spawn each): ${cliRatio.toFixed(3)}  ${verdict(cliRatio)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function spawnOnce(name: string, fn: () => Promise<void>): Promise<Measurement> {
  const started = performance.now();
  await fn();
  const elapsed = performance.now() - started;
  return { name, runs: [elapsed], median: elapsed };
}

function ms(value: number): string {
  return value.toFixed(0);
}

function verdict(ratio: number): string {
  return ratio <= TARGET_RATIO ? 'met' : 'MISSED';
}

await main();
