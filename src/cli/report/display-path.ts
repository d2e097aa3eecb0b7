import { isAbsolute, relative } from 'node:path';

/** `<stdin>` and URLs as they are; absolute paths relative to `cwd`; relative paths as given. */
export function fileToDisplayPath(options: { file: string; cwd: string }): string {
  const { file, cwd } = options;
  if (!isAbsolute(file)) return file;
  return relative(cwd, file) || file;
}
