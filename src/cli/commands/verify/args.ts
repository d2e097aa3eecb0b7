/** The parsed arguments of `idemgen verify` (apart from `command.ts`, so that `run.ts` can import them). */
export const VERIFY_FORMATS = ['table', 'json'] as const;

export interface VerifyArgs {
  spec: string;
  'base-url': string | undefined;
  operation: string[];
  tag: string[];
  header: string[];
  'path-param': string[];
  body: string[];
  concurrency: number | undefined;
  timeout: string | undefined;
  'dry-run': boolean | undefined;
  'allow-writes': boolean | undefined;
  format: (typeof VERIFY_FORMATS)[number];
  junit: string | undefined;
  config: string | undefined;
}
