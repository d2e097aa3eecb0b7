/** The parsed arguments of `idemgen docs` (apart from `command.ts`, as for every command). */
import type { ReferenceFormat } from '../../../reference/formats.js';

export interface DocsArgs {
  spec: string;
  out: string;
  format: ReferenceFormat;
  templates: string | undefined;
  rule: string[];
  color: boolean | undefined;
  'ref-root': string | undefined;
  'allow-remote-refs': string[];
  'spec-limit': string[];
}
