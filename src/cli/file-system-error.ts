/**
 * A file system refusal (an output directory inside a file, a read-only or special location, a full disk):
 * the user's input is unusable, so the CLI reports it in one line and exits 2, never with a stack trace.
 */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  if (!(error instanceof Error)) return false;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string' && typeof path === 'string';
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a file is in the way',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** `cannot mkdir /etc/passwd/x: a part of the path is not a directory (ENOTDIR)`. */
export function fileSystemErrorToMessage(error: NodeJS.ErrnoException & { path: string }): string {
  const reason = (error.code && REASONS[error.code]) ?? error.message;
  return `cannot ${error.syscall} ${error.path}: ${reason} (${error.code})`;
}
