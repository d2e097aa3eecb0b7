/**
 * `npm run bench:server`: throughput of the generated server (examples/payments.yaml, Node `http` adapter,
 * createPayment) on 127.0.0.1, measured by autocannon from this process against server child processes
 * (bench/server-child.ts; load generator and servers pinned to separate cores with taskset where it can):
 * without idempotency, with idempotency on the memory store (a new key per request, and replays of 100
 * pre-warmed keys), the same handler behind express-idempotency and @node-idempotency/core and bare, and
 * the Redis store (with its round trips per request) when IDEMGEN_TEST_REDIS_URL is set, and the memory store
 * with OpenTelemetry's API loaded but no SDK, and with the SDK registered and recording (docs/observability.md). Each run lasts
 * BENCH_SERVER_SECONDS (5); medians of BENCH_SERVER_RUNS (3), the scenarios taking turns run by run. Also
 * the same scenarios in process, without sockets (bench/server-inprocess.ts), which drift far less.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { parseDocument } from 'yaml';
import { generate } from '../src/generate.js';
import { REPO_ROOT } from '../test/cli/support/build-package.js';
import { median } from './measure.js';
import { type Target, targetLines } from './report.js';

const OUT = join(REPO_ROOT, 'bench/.out');
const SPEC = join(REPO_ROOT, 'examples/payments.yaml');
const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 5);
const CONNECTIONS = 10;
const BODY = JSON.stringify({ amount: 1250, currency: 'EUR' });
const REPLAY_KEYS = Array.from({ length: 100 }, () => randomUUID());

/**
 * Generates the server into `dir`, then compiles it to JavaScript in `<dir>-js` (esbuild, one file each, as
 * `tsc` would emit it) and returns that: a production server runs compiled code. Loading the TypeScript
 * through tsx instead would measure tsx's `keepNames` wrappers, an `Object.defineProperty` per closure.
 */
async function generateInto(dir: string, spec: string): Promise<string> {
  const result = await generate({ spec, outDir: dir, mode: 'write', target: 'server', checkSyntax: false });
  if (!result.emitted) throw new Error(`generation failed: ${JSON.stringify(result.diagnostics[0])}`);
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'),
  );
  const out = `${dir}-js`;
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: sources.map((file) => join(dir, file)),
    outdir: out,
    outbase: dir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  copyFileSync(join(dir, 'package.json'), join(out, 'package.json'));
  return out;
}

/** A copy of the spec with `x-idempotency: false` (and so `x-retry: false`, as the rules ask) on createPayment. */
function plainSpec(): string {
  const document = parseDocument(readFileSync(SPEC, 'utf8'));
  document.setIn(['paths', '/payments', 'post', 'x-idempotency'], false);
  document.setIn(['paths', '/payments', 'post', 'x-retry'], false);
  const path = join(OUT, 'payments-plain.yaml');
  writeFileSync(path, document.toString());
  return path;
}

/**
 * Pins the load generator (this process) to CPU 0 and each server to CPU 1 with `taskset`, when there are at
 * least two CPUs and `taskset` exists: the two then never compete for a core, and the server's figures do not
 * include the cost of waking a load generator that the scheduler put on its own core. BENCH_SERVER_PIN=0: no pinning.
 */
const PINNED =
  process.env.BENCH_SERVER_PIN !== '0' &&
  cpus().length >= 2 &&
  spawnSync('taskset', ['-p', '-c', '0', String(process.pid)]).status === 0;

async function startServer(variant: string, dir: string): Promise<{ url: string; child: ChildProcess }> {
  const script = join(REPO_ROOT, 'bench/server-child.ts');
  const node = [process.execPath, '--import', 'tsx', script, variant, dir];
  const [command, ...args] = PINNED ? ['taskset', '-c', '1', ...node] : node;
  const child = spawn(command!, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).port));
    child.once('exit', (code) => reject(new Error(`${variant} server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const post = (url: string, key: string) =>
  fetch(`${url}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: BODY,
  });

interface Scenario {
  name: string;
  url: string;
  keys: 'new' | 'replay';
  reqPerSec: number;
  runs: number[];
  /** Per run: the server process's CPU time (user + system) per request, in µs; `cpuPerRequestUs` is the median. */
  cpuRuns: number[];
  cpuPerRequestUs: number;
  non2xx: number;
}

const cpuUs = async (url: string): Promise<number> => {
  const usage = JSON.parse(await (await fetch(`${url}/__cpu`)).text()) as { user: number; system: number };
  return usage.user + usage.system;
};

const scenario = (name: string, url: string, keys: 'new' | 'replay'): Scenario => ({
  name,
  url,
  keys,
  reqPerSec: 0,
  runs: [],
  cpuRuns: [],
  cpuPerRequestUs: 0,
  non2xx: 0,
});

/** One load run of `s`, added to its figures. Replays first (re)store their 100 keys, outside the run. */
async function loadOnce(s: Scenario): Promise<void> {
  const { url, keys } = s;
  if (keys === 'replay') for (const key of REPLAY_KEYS) await (await post(url, key)).text();
  let next = 0;
  const cpuBefore = await cpuUs(url);
  const result = await autocannon({
    url: `${url}/payments`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        body: BODY,
        setupRequest: (request) => {
          const key = keys === 'new' ? randomUUID() : REPLAY_KEYS[next++ % REPLAY_KEYS.length]!;
          request.headers = { 'content-type': 'application/json', 'idempotency-key': key };
          return request;
        },
      },
    ],
  });
  s.cpuRuns.push(((await cpuUs(url)) - cpuBefore) / Math.max(1, result.requests.total));
  s.runs.push(result.requests.average);
  s.non2xx += result.non2xx + result.errors;
  s.reqPerSec = median(s.runs);
  s.cpuPerRequestUs = median(s.cpuRuns);
}

async function roundTrips(url: string): Promise<{ newKey: number; replay: number }> {
  const evals = async () =>
    (JSON.parse(await (await fetch(`${url}/__stats`)).text()) as { evals: number }).evals;
  const count = 100;
  const keys = Array.from({ length: count }, () => randomUUID());
  let before = await evals();
  for (const key of keys) await (await post(url, key)).text();
  const newKey = ((await evals()) - before) / count;
  before = await evals();
  for (const key of keys) await (await post(url, key)).text();
  return { newKey, replay: ((await evals()) - before) / count };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((n) => n.toFixed(2));
  mkdirSync(OUT, { recursive: true });
  const idemDir = await generateInto(join(OUT, 'server-payments'), SPEC);
  const plainDir = await generateInto(join(OUT, 'server-payments-plain'), plainSpec());
  const inProcess = [...inProcessLines(idemDir, plainDir), ...telemetryInProcessLines(idemDir)];
  // Every server runs for the whole benchmark (an idle one costs nothing), and the scenarios take turns run by
  // run, so that a change in the machine's speed falls on both sides of a ratio alike.
  const servers: ChildProcess[] = [];
  const start = async (variant: string, dir: string): Promise<string> => {
    const { url, child } = await startServer(variant, dir);
    servers.push(child);
    return url;
  };
  try {
    const plainUrl = await start('plain', plainDir);
    const memoryUrl = await start('memory', idemDir);
    const memoryNew = scenario('generated, memory store, new keys', memoryUrl, 'new');
    const memoryReplay = scenario('generated, memory store, replays', memoryUrl, 'replay');
    const scenarios = [scenario('generated, no idempotency', plainUrl, 'new'), memoryNew, memoryReplay];
    // Telemetry: the rows above run without the API; these load it, then register the SDK.
    for (const [variant, label] of [
      ['memory-otel-api', 'OTel API, no SDK'],
      ['memory-otel-sdk', 'OTel SDK recording'],
    ] as const) {
      const url = await start(variant, idemDir);
      scenarios.push(scenario(`memory, new keys, ${label}`, url, 'new'));
    }
    const peers: Scenario[] = [];
    for (const variant of ['express-idempotency', 'node-idempotency']) {
      const url = await start(variant, '');
      peers.push(
        scenario(`${variant}, new keys`, url, 'new'),
        scenario(`${variant}, replays`, url, 'replay'),
      );
    }
    scenarios.push(...peers);
    // The peer's own baseline: its server and handler without the idempotency calls.
    const bare = scenario('bare node:http, same handler, no idempotency', await start('bare', ''), 'new');
    scenarios.push(bare);
    let redisLines = ['Redis store: skipped (IDEMGEN_TEST_REDIS_URL is not set)'];
    const redisTargets: Target[] = [];
    if (process.env.IDEMGEN_TEST_REDIS_URL) {
      const redisUrl = await start('redis', idemDir);
      const trips = await roundTrips(redisUrl);
      scenarios.push(
        scenario('generated, Redis store, new keys', redisUrl, 'new'),
        scenario('generated, Redis store, replays', redisUrl, 'replay'),
      );
      redisLines = [
        `Redis round trips per request (100 sequential requests each): new key ${trips.newKey.toFixed(2)}, replay ${trips.replay.toFixed(2)}`,
      ];
      redisTargets.push(
        { name: 'Redis round trips, new key', value: trips.newKey, unit: 'rt', limit: 2 },
        { name: 'Redis round trips, replay', value: trips.replay, unit: 'rt', limit: 1 },
      );
    }
    for (let run = 0; run < RUNS; run++) for (const s of scenarios) await loadOnce(s);
    const overhead = overheadLines(scenarios[0]!, bare, memoryNew, memoryReplay, peers);
    report(
      loadAtStart,
      scenarios,
      peers,
      memoryNew,
      memoryReplay,
      [...overhead, '', ...inProcess, '', ...redisLines],
      redisTargets,
    );
  } finally {
    for (const child of servers) child.kill('SIGTERM');
  }
}

/**
 * bench/server-inprocess.ts in its own process (before any load run, on the load generator's core): the
 * same scenarios without sockets, steadier than the socket figures.
 */
function inProcessLines(idemDir: string, plainDir: string): string[] {
  const script = join(REPO_ROOT, 'bench/server-inprocess.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, idemDir, plainDir, '30000'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0) return [`in-process figures: failed (${child.stderr.trim().split('\n')[0]})`];
  type Scenarios = 'bare' | 'plain' | 'newKeys' | 'replays' | 'peerNewKeys' | 'peerReplays';
  const us = JSON.parse(child.stdout) as Record<Scenarios, number>;
  const row = (name: string, value: number) =>
    `${name.padEnd(46)}${value.toFixed(1).padStart(10)}  ${`${(us.plain / value).toFixed(2)}x`.padStart(10)}`;
  return [
    `${'in process (real http objects, no sockets)'.padEnd(46)}${'µs/req'.padStart(10)}  ${'vs plain'.padStart(10)}`,
    row('bare node:http handler', us.bare),
    row('generated, no idempotency', us.plain),
    row('generated, memory store, new keys', us.newKeys),
    row('generated, memory store, replays', us.replays),
    row('node-idempotency, new keys', us.peerNewKeys),
    row('node-idempotency, replays', us.peerReplays),
  ];
}

/**
 * bench/server-inprocess-telemetry.ts in its own process: the memory store with OpenTelemetry's API loaded
 * and nothing registered, against the SDK registered and recording, taking turns.
 */
function telemetryInProcessLines(idemDir: string): string[] {
  const script = join(REPO_ROOT, 'bench/server-inprocess-telemetry.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, idemDir, '30000'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0) return [`telemetry in process: failed (${child.stderr.trim().split('\n')[0]})`];
  const us = JSON.parse(child.stdout) as Record<
    'apiNewKeys' | 'sdkNewKeys' | 'apiReplays' | 'sdkReplays',
    number
  >;
  const row = (name: string, value: number, base: number) =>
    `${name.padEnd(46)}${value.toFixed(1).padStart(10)}  ${`${(value / base).toFixed(2)}x`.padStart(10)}`;
  return [
    `${'telemetry, in process'.padEnd(46)}${'µs/req'.padStart(10)}  ${'vs no SDK'.padStart(10)}`,
    row('memory, new keys, OTel API, no SDK', us.apiNewKeys, us.apiNewKeys),
    row('memory, new keys, OTel SDK recording', us.sdkNewKeys, us.apiNewKeys),
    row('memory, replays, OTel API, no SDK', us.apiReplays, us.apiReplays),
    row('memory, replays, OTel SDK recording', us.sdkReplays, us.apiReplays),
  ];
}

/**
 * What the idempotency layer itself adds, in server CPU per request: each side against its own baseline
 * (the generated server without idempotency; the peer's bare server). For information, beside the targets.
 */
function overheadLines(
  plain: Scenario,
  bare: Scenario,
  memoryNew: Scenario,
  memoryReplay: Scenario,
  peers: readonly Scenario[],
): string[] {
  const peer = (suffix: string) => peers.find((p) => p.name === `node-idempotency, ${suffix}`)!;
  const row = (name: string, ours: Scenario, theirs: Scenario) =>
    `${name.padEnd(46)}${`+${(ours.cpuPerRequestUs - plain.cpuPerRequestUs).toFixed(0)}`.padStart(10)}  ${`+${(theirs.cpuPerRequestUs - bare.cpuPerRequestUs).toFixed(0)}`.padStart(16)}`;
  return [
    `${'idempotency layer, CPU µs/req over baseline'.padEnd(46)}${'generated'.padStart(10)}  ${'node-idempotency'.padStart(16)}`,
    row('new keys', memoryNew, peer('new keys')),
    row('replays', memoryReplay, peer('replays')),
    `(baselines: generated without idempotency ${plain.cpuPerRequestUs.toFixed(0)} µs, bare node:http ${bare.cpuPerRequestUs.toFixed(0)} µs)`,
  ];
}

function report(
  loadAtStart: string[],
  scenarios: readonly Scenario[],
  peers: readonly Scenario[],
  memoryNew: Scenario,
  memoryReplay: Scenario,
  redisLines: readonly string[],
  redisTargets: readonly Target[],
): void {
  const plain = scenarios[0]!.reqPerSec;
  const best = (suffix: string) =>
    Math.max(...peers.filter((p) => p.name.endsWith(suffix)).map((p) => p.reqPerSec));
  const targets: Target[] = [
    { name: 'new keys / plain', value: memoryNew.reqPerSec / plain, unit: 'x', limit: 0.85, atLeast: true },
    { name: 'replays / plain', value: memoryReplay.reqPerSec / plain, unit: 'x', limit: 1.0, atLeast: true },
    {
      name: 'new keys / best peer (new keys)',
      value: memoryNew.reqPerSec / best('new keys'),
      unit: 'x',
      limit: 1.0,
      atLeast: true,
    },
    {
      name: 'replays / best peer (replays)',
      value: memoryReplay.reqPerSec / best('replays'),
      unit: 'x',
      limit: 1.0,
      atLeast: true,
    },
    ...redisTargets,
  ];
  const lines = [
    `idemgen server benchmark: POST /payments (examples/payments.yaml), Node http adapter, 127.0.0.1; node ${process.version}; ${cpus().length} CPUs`,
    `autocannon in this process, ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${RUNS} runs (scenarios take turns); servers in child processes`,
    PINNED
      ? 'pinned with taskset: load generator on CPU 0, servers on CPU 1'
      : 'not pinned (BENCH_SERVER_PIN=0, or no taskset or 1 CPU): load generator and server share the CPUs',
    `load average (1/5/15 min) at start ${loadAtStart.join(' / ')}`,
    '',
    `${'scenario'.padEnd(46)}${'req/s'.padStart(10)}  ${'CPU µs/req'.padStart(10)}  ${'non-2xx'.padStart(8)}  runs`,
    ...scenarios.map(
      (s) =>
        `${s.name.padEnd(46)}${s.reqPerSec.toFixed(0).padStart(10)}  ${s.cpuPerRequestUs.toFixed(0).padStart(10)}  ${String(s.non2xx).padStart(8)}  ${s.runs.map((n) => n.toFixed(0)).join(', ')}`,
    ),
    "(CPU µs/req: the server process's CPU time per request, less sensitive to other load than req/s)",
    '',
    ...redisLines,
    '',
    ...targetLines(targets),
    '',
    `load average at end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
