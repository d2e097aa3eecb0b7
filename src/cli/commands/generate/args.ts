/**
 * The parsed arguments of `idemgen generate`. They live apart from `command.ts` so that the files the command
 * loads on use (`run.ts` and its helpers) can import them without importing the command back.
 */
import type { ReportFormat } from '../report-options.js';

export const TARGETS = ['client', 'server', 'both'] as const;
export const RUNTIMES = ['copy', 'package'] as const;

export interface GenerateArgs {
  spec: string | undefined;
  out: string | undefined;
  target: (typeof TARGETS)[number] | undefined;
  templates: string | undefined;
  runtime: (typeof RUNTIMES)[number] | undefined;
  rule: string[];
  config: string | undefined;
  'dry-run': boolean | undefined;
  check: boolean | undefined;
  watch: boolean | undefined;
  clean: boolean | undefined;
  'dump-context': boolean | undefined;
  'response-validators': boolean | undefined;
  'ref-root': string | undefined;
  'allow-remote-refs': string[];
  'spec-limit': string[];
  format: ReportFormat;
  color: boolean | undefined;
}
