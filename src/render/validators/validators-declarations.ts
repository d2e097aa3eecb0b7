/** The `.d.ts` text of the generated validators module. */
export function validatorsToDeclarations(input: {
  names: readonly string[];
  responseNames?: readonly string[];
}): string {
  const { names, responseNames = [] } = input;
  const lines = [
    'export interface RequestValidationError {',
    '  /** A JSON pointer into the request: `/path/...`, `/query/...`, `/headers/...` or `/body/...`. */',
    '  pointer: string;',
    '  message: string;',
    '}',
    'export interface RequestValidationInput {',
    '  path: Record<string, unknown>;',
    '  query: Record<string, unknown>;',
    '  headers: Record<string, unknown>;',
    '  body?: unknown;',
    '}',
    'export interface RequestValidationOptions {',
    '  /** `false` skips the body (a request body that is not JSON). */',
    '  body?: boolean;',
    '}',
    ...names.map(
      (name) =>
        `export declare function ${name}(input: RequestValidationInput, options?: RequestValidationOptions): RequestValidationError[] | null;`,
    ),
    ...responseNames.map(
      (name) =>
        `export declare function ${name}(status: number, body: unknown): RequestValidationError[] | null;`,
    ),
    '',
  ];
  return lines.join('\n');
}
