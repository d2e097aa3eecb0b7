/** idemgen's rollup plugin: `import idemgen from 'idemgen/rollup'`; see docs/bundlers.md. */
import { idemgenPlugin } from './unplugin.js';

export type { IdemgenPluginOptions } from './options.js';
export const idemgen = idemgenPlugin.rollup;
export default idemgen;
