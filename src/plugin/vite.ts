/** idemgen's vite plugin: `import idemgen from 'idemgen/vite'`; see docs/bundlers.md. */
import { idemgenPlugin } from './unplugin.js';

export type { IdemgenPluginOptions } from './options.js';
export const idemgen = idemgenPlugin.vite;
export default idemgen;
