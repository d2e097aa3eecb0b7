/**
 * The parsed arguments of `idemgen templates`. They live apart from `command.ts` so that the files the command
 * loads on use (`run.ts` and its helpers) can import them without importing the command back.
 */
export interface TemplatesListArgs {
  templates: string | undefined;
}

export interface TemplatesEjectArgs {
  names: string[];
  out: string;
  force: boolean;
}
