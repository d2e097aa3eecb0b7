/** Renders the server: handler types, the route table with contracts and validators, and createServer. */
import type { ApiModel } from '../model/types.js';
import type { FileHeaderContext } from './context.js';
import type { GeneratedFile } from './emit.js';
import type { Renderer } from './handlebars.js';

export function renderServer(_options: {
  model: ApiModel;
  renderer: Renderer;
  header: Omit<FileHeaderContext, 'template' | 'overridden'>;
}): GeneratedFile[] {
  return [];
}
