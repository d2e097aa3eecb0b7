/**
 * idemgen's bundler plugin, one definition for Vite, Rollup, esbuild and webpack (unplugin): `generate()` at
 * build start, again when the spec (or a file its `$ref`s reach) changes in watch and dev mode; errors fail
 * the build through the bundler's own error (Vite's overlay in dev), warnings go to its log.
 */
import { createUnplugin, type UnpluginBuildContext, type UnpluginFactory } from 'unplugin';
import { createSpecGenerator } from './generate-on-change.js';
import type { IdemgenPluginOptions } from './options.js';
import { errorsToText, type PluginMessage, type PluginReport } from './plugin-message.js';
import { createViteDev } from './vite-dev.js';

/** What Rollup's and Vite's plugin context adds to unplugin's (unplugin passes it through at run time). */
interface RollupLikeContext {
  warn(message: string): void;
  error(error: {
    message: string;
    id?: string;
    loc?: { file?: string; line: number; column: number };
  }): never;
}

export const unpluginFactory: UnpluginFactory<IdemgenPluginOptions> = (options, meta) => {
  const generator = createSpecGenerator(options);
  const viteDev = createViteDev(generator);
  const failed = (report: PluginReport) =>
    report.errors.length > 0 || (options.failOnWarnings === true && report.warnings.length > 0);

  async function buildStart(this: UnpluginBuildContext): Promise<void> {
    const report = await generator.run();
    for (const file of generator.files()) this.addWatchFile(file);
    const native = this.getNativeBuildContext?.();
    if (native?.framework === 'webpack') {
      const { WebpackError } = native.compiler.webpack;
      for (const w of report.warnings) native.compilation?.warnings.push(new WebpackError(w.text));
      if (failed(report)) throw new Error(errorsToText(report.errors));
      return;
    }
    const context = this as UnpluginBuildContext & Partial<RollupLikeContext>;
    for (const w of report.warnings) context.warn ? context.warn(w.text) : console.warn(w.text);
    if (failed(report) && viteDev.serving()) {
      viteDev.fail(report); // the dev server starts anyway and shows the errors in its overlay
      return;
    }
    if (failed(report)) {
      const first = report.errors[0];
      const error = { message: errorsToText(report.errors), ...locationOf(first) };
      if (context.error) context.error(error);
      throw new Error(error.message);
    }
  }

  return {
    name: 'idemgen',
    // esbuild: its own onStart, which reports errors and warnings in esbuild's format.
    ...(meta.framework === 'esbuild' ? {} : { buildStart }),
    esbuild: {
      setup(build) {
        build.onStart(async () => {
          const report = await generator.run();
          const errors = failed(report) ? report.errors : [];
          return { errors: errors.map(toEsbuildMessage), warnings: report.warnings.map(toEsbuildMessage) };
        });
      },
    },
    vite: viteDev.hooks,
  };
};

function locationOf(message: PluginMessage | undefined) {
  if (message?.file === undefined || message.line === undefined) return {};
  return { id: message.file, loc: { file: message.file, line: message.line, column: message.column ?? 1 } };
}

function toEsbuildMessage(message: PluginMessage) {
  const { file, line, column } = message;
  return {
    text: message.text,
    ...(file === undefined || line === undefined
      ? {}
      : { location: { file, line, column: (column ?? 1) - 1, lineText: '' } }),
  };
}

export const idemgenPlugin = createUnplugin(unpluginFactory);
