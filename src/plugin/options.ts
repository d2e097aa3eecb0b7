import type { GenerateOptions } from '../generate-options.js';

/**
 * The bundler plugin's options: `generate()`'s, with the spec and the output directory required. The plugin
 * always writes (`mode: 'write'`); relative paths resolve against `cwd` (default: the process's).
 */
export interface IdemgenPluginOptions extends Omit<GenerateOptions, 'mode' | 'dumpContext'> {
  spec: string;
  outDir: string;
  /** Fail the build on warnings too (default false: they are logged through the bundler). */
  failOnWarnings?: boolean;
}
