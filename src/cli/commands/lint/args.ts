/**
 * The parsed arguments of `idemgen lint`. They live apart from `command.ts` so that the files the command
 * loads on use (`run.ts` and its helpers) can import them without importing the command back.
 */
import type { ReportFormat } from '../report-options.js';

export interface LintArgs {
  spec: string;
  format: ReportFormat;
  rule: string[];
  color: boolean | undefined;
  'ref-root': string | undefined;
  'allow-remote-refs': string[];
  'spec-limit': string[];
}
