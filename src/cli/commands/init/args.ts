/**
 * The parsed arguments of `idemgen init`. They live apart from `command.ts` so that the files the command
 * loads on use (`run.ts` and its helpers) can import them without importing the command back.
 */
export const FORMATS = ['json', 'mjs'] as const;

export interface InitArgs {
  dir: string;
  format: (typeof FORMATS)[number];
  force: boolean;
}
