/**
 * A mistake in how the CLI was called (unknown flag, unknown rule code): reported as a message and exit code
 * 2, never with a stack trace. Any other error escaping `main` is a bug in idemgen.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
