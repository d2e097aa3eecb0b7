/**
 * The parsed arguments of `idemgen scaffold handlers`. They live apart from `command.ts` so that the files the
 * command loads on use (`run.ts`) can import them without importing the command back.
 */
import type { ReportFormat } from '../report-options.js';

export interface ScaffoldHandlersArgs {
  spec: string;
  out: string;
  generated: string;
  'dry-run': boolean;
  check: boolean;
  format: ReportFormat;
  rule: string[];
  color: boolean | undefined;
  'ref-root': string | undefined;
  'allow-remote-refs': string[];
  'spec-limit': string[];
}
