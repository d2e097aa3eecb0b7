/**
 * Issue 13, the way a user gets the code: `npm pack` the package (its `prepare` builds `dist/` from the current
 * sources), install the tarball into a fresh project outside the repository, `npx idemgen generate` there, and
 * `npx tsc -p` (the TypeScript installed with idemgen) over each output plus a small program using its client
 * and server, under every flag of `@tsconfig/strictest` plus `allowJs`, with `NodeNext` and with
 * `ESNext`/`Bundler`. Outputs: the payments example (runtime copied, and `--runtime package`, which imports the
 * installed `idemgen/runtime/*`) and GitHub's REST spec from `@octokit/openapi` (~1,100 operations).
 * Installing needs npm's cache or the registry; without them the test fails saying so, it never skips.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/support/build-package.js';
import { installTarball, packPackage, runNpm } from '../helpers/pack-package.js';
import { MODULE_SETTINGS, type ModuleSetting, writeStrictestConfig } from '../helpers/strictest.js';
import { GITHUB_PROGRAM, PAYMENTS_PROGRAM } from '../helpers/strictest-programs.js';

const work = mkdtempSync(join(tmpdir(), 'idemgen-packed-'));
const project = join(work, 'project');
const timings: Record<string, number> = {};

function timed<T>(name: string, action: () => T): T {
  const started = performance.now();
  try {
    return action();
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
}

const OUTPUTS = {
  'payments, runtime copied': { spec: 'payments.yaml', flags: [], program: PAYMENTS_PROGRAM },
  'payments, --runtime package': {
    spec: 'payments.yaml',
    flags: ['--runtime', 'package'],
    program: PAYMENTS_PROGRAM,
  },
  'GitHub REST spec, runtime copied': { spec: 'github.json', flags: [], program: GITHUB_PROGRAM },
} as const;
type OutputName = keyof typeof OUTPUTS;

const outDir = (name: OutputName) => join(project, name.replace(/[^a-z]+/gi, '-'));

/** `npx tsc -p` over the output with the strictest config; what the compiler printed, line by line. */
function tscStrictest(name: OutputName, setting: ModuleSetting) {
  const config = writeStrictestConfig(outDir(name), setting);
  const tsc = timed(`tsc ${name} ${setting}`, () =>
    runNpm('npx', ['--no-install', 'tsc', '-p', config, '--pretty', 'false'], project),
  );
  return {
    status: tsc.status,
    errors: tsc.output.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn')),
  };
}

beforeAll(() => {
  const tarball = timed('npm pack', () => packPackage(work));
  timed('npm install', () => installTarball(project, tarball));
  cpSync(join(REPO_ROOT, 'examples/payments.yaml'), join(project, 'payments.yaml'));
  cpSync(
    join(REPO_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
    join(project, 'github.json'),
  );
  for (const [name, { spec, flags, program }] of Object.entries(OUTPUTS) as [
    OutputName,
    (typeof OUTPUTS)[OutputName],
  ][]) {
    const args = ['--no-install', 'idemgen', 'generate', spec, '-o', outDir(name), ...flags];
    const generated = timed(`generate ${name}`, () => runNpm('npx', args, project));
    if (generated.status !== 0)
      throw new Error(`npx idemgen generate (${name}) exited ${generated.status}:\n${generated.output}`);
    writeFileSync(join(outDir(name), 'program.ts'), program);
  }
}, 600_000);

afterAll(() => {
  console.info(`packed-tarball timings (ms): ${JSON.stringify(timings)}`);
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed in a fresh project', () => {
  it('installs the bin and the runtime declarations; --runtime package imports them', () => {
    const installed = join(project, 'node_modules/idemgen');
    expect(existsSync(join(installed, 'dist/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/runtime/client/index.d.ts'))).toBe(true);
    const packaged = outDir('payments, --runtime package');
    expect(existsSync(join(packaged, 'runtime'))).toBe(false);
    expect(readFileSync(join(packaged, 'client/index.ts'), 'utf8')).toContain(
      "from 'idemgen/runtime/client'",
    );
    expect(existsSync(join(outDir('GitHub REST spec, runtime copied'), 'client/repos.ts'))).toBe(true);
  });

  const cases = Object.keys(MODULE_SETTINGS).flatMap((setting) =>
    Object.keys(OUTPUTS).map((name) => ({ name: name as OutputName, setting: setting as ModuleSetting })),
  );
  it.each(cases)(
    '$name compiles under the strictest flags, $setting',
    ({ name, setting }) => {
      expect(tscStrictest(name, setting)).toEqual({ status: 0, errors: [] });
    },
    180_000,
  );

  it('tsc reports a program that misuses the generated client', () => {
    const bad = join(outDir('payments, --runtime package'), 'bad-program.ts');
    writeFileSync(bad, PAYMENTS_PROGRAM.replaceAll("currency: 'EUR'", 'currency: 42'));
    try {
      const { status, errors } = tscStrictest('payments, --runtime package', 'NodeNext');
      expect(status).not.toBe(0);
      expect(errors.join('\n')).toMatch(/bad-program\.ts.*error TS2322/);
    } finally {
      rmSync(bad);
    }
  }, 180_000);
});
