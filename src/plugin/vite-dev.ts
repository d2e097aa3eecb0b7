/**
 * Vite's dev server: regenerate when a spec file changes (its watcher is told about every file the spec
 * reaches), reload the page on success, and on failure show the errors in Vite's overlay: sent at once to
 * open pages, and raised with `this.error` from `transform` while they last, so a page loaded later sees them.
 */
import type { VitePlugin } from 'unplugin';
import type { SpecGenerator } from './generate-on-change.js';
import { errorsToText, type PluginReport } from './plugin-message.js';

export interface ViteDev {
  hooks: Partial<VitePlugin>;
  /** True under `vite` (dev), false under `vite build`. */
  serving(): boolean;
  /** Remember a failed run: the overlay shows it until a run succeeds. */
  fail(report: PluginReport): void;
}

export function createViteDev(generator: SpecGenerator): ViteDev {
  let serving = false;
  let pending: string | undefined;
  const hooks: Partial<VitePlugin> = {
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.watcher.add(generator.files());
      server.watcher.on('change', (file) => {
        if (!generator.watches(file)) return;
        generator.run().then(
          (report) => {
            server.watcher.add(generator.files());
            for (const w of report.warnings) server.config.logger.warn(w.text);
            // Modules transformed before are cached: drop them, so that the next request sees this run.
            server.moduleGraph.invalidateAll();
            if (report.errors.length > 0) {
              pending = errorsToText(report.errors);
              server.config.logger.error(pending);
              server.ws.send({ type: 'error', err: { message: pending, stack: '' } });
            } else {
              pending = undefined;
              server.config.logger.info('[idemgen] regenerated', { timestamp: true });
              server.ws.send({ type: 'full-reload' });
            }
          },
          (error: unknown) => server.config.logger.error(`[idemgen] ${String(error)}`),
        );
      });
    },
    transform(_code, id) {
      // Not Vite's own client (the overlay needs it) nor dependencies: the app's modules.
      if (pending !== undefined && !id.startsWith('\0') && !id.includes('/node_modules/'))
        this.error(pending);
    },
  };
  return {
    hooks,
    serving: () => serving,
    fail: (report) => {
      pending = errorsToText(report.errors.length > 0 ? report.errors : report.warnings);
    },
  };
}
