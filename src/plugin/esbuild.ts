/** idemgen's esbuild plugin: `import idemgen from 'idemgen/esbuild'`; see docs/bundlers.md. */
import { idemgenPlugin } from './unplugin.js';

export type { IdemgenPluginOptions } from './options.js';
export const idemgen = idemgenPlugin.esbuild;
export default idemgen;
