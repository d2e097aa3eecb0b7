import type { IdemgenConfig } from './types.js';

/**
 * Identity at run time; types a config file (`export default defineConfig({ ... })`) so an editor completes
 * and checks it.
 */
export function defineConfig<const T extends IdemgenConfig>(config: T): T {
  return config;
}
