/** idemgen's webpack plugin: `import idemgen from 'idemgen/webpack'`; see docs/bundlers.md. */
import { idemgenPlugin } from './unplugin.js';

export type { IdemgenPluginOptions } from './options.js';
export const idemgen = idemgenPlugin.webpack;
export default idemgen;
