/**
 * Loads a config file by its extension: `.json` and `.yaml` are parsed (the `yaml` package), `.mjs` is
 * imported, `.ts` is imported through tsx's ESM API when tsx is installed (else by Node itself, which strips
 * types from 22.6 with a flag and from 23.6 by default). The result is validated before it is returned.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';
import type { LoadedConfig } from './types.js';
import { validateConfig } from './validate-config.js';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read config file ${file}.`, file);
  }
}

function parseData(options: { file: string; text: string; yaml: boolean }): unknown {
  try {
    return options.yaml ? parseYaml(options.text) : JSON.parse(options.text);
  } catch (error) {
    throw new ConfigError(
      `Cannot parse config file ${options.file}: ${(error as Error).message}`,
      options.file,
    );
  }
}

/** `?t=<mtime>` makes a watcher's re-import see the edited file instead of the module cache. */
async function moduleUrl(file: string): Promise<string> {
  const { mtimeMs } = await stat(file);
  return `${pathToFileURL(file).href}?t=${mtimeMs}`;
}

async function importTs(file: string): Promise<Record<string, unknown>> {
  let tsImport: ((specifier: string, parent: string) => Promise<Record<string, unknown>>) | undefined;
  try {
    ({ tsImport } = (await import('tsx/esm/api')) as unknown as { tsImport: typeof tsImport });
  } catch {
    tsImport = undefined;
  }
  if (tsImport) return tsImport(await moduleUrl(file), import.meta.url);
  try {
    return (await import(await moduleUrl(file))) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      `Cannot load ${file}: ${(error as Error).message}\nA .ts config needs tsx installed (npm i -D tsx) or a Node ` +
        'that runs TypeScript (23.6+); or use idemgen.config.mjs.',
      file,
    );
  }
}

async function importModule(file: string): Promise<unknown> {
  let namespace: Record<string, unknown>;
  try {
    namespace = file.endsWith('.ts')
      ? await importTs(file)
      : ((await import(await moduleUrl(file))) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Cannot load config file ${file}: ${(error as Error).message}`, file);
  }
  let exported = namespace.default ?? namespace.config;
  // A .ts config in a CommonJS package is transpiled to CommonJS: its default export arrives wrapped.
  if (
    typeof exported === 'object' &&
    exported !== null &&
    '__esModule' in exported &&
    'default' in exported
  ) {
    exported = exported.default;
  }
  if (exported === undefined) {
    throw new ConfigError(
      `Config file ${file} has no default export (export default defineConfig({...})).`,
      file,
    );
  }
  return typeof exported === 'function' ? await (exported as () => unknown)() : await exported;
}

export async function loadConfig(path: string): Promise<LoadedConfig> {
  const file = resolve(path);
  const extension = extname(file);
  let data: unknown;
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') {
    data = parseData({ file, text: await readText(file), yaml: extension !== '.json' });
  } else if (extension === '.mjs' || extension === '.js' || extension === '.ts' || extension === '.mts') {
    data = await importModule(file);
  } else {
    throw new ConfigError(
      `Unsupported config file type ${extension || '(none)'}: use .ts, .mjs, .json or .yaml.`,
      file,
    );
  }
  return { file, config: validateConfig({ config: data, file }) };
}
