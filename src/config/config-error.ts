/** A config file that cannot be used (not found, does not parse, fails validation): exit 2, no stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly file: string | undefined;

  constructor(message: string, file?: string) {
    super(message);
    this.file = file;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
