/**
 * Post-render syntax check: every TypeScript or JavaScript file a template made is parsed once (by
 * TypeScript on the types worker; syntax only, no type-check, so it stays fast on large outputs) and a
 * syntax error is reported with the template that produced the file, so a broken override names itself.
 *
 * TypeScript's own parser rather than ts-morph's: ts-morph bundles a second copy of TypeScript, and loading
 * it cost more than the whole generation of a small spec.
 */
import type { GeneratedFile } from './emit.js';
import type { TypesWorker } from './types-worker.js';

export interface SyntaxProblem {
  file: string;
  template?: string;
  overridden?: boolean;
  line: number;
  column: number;
  message: string;
  /** The offending line of generated code. */
  excerpt: string;
}

export async function checkSyntax(input: {
  files: readonly GeneratedFile[];
  worker: TypesWorker;
}): Promise<SyntaxProblem[]> {
  const byPath = new Map(input.files.map((file) => [file.path, file]));
  const problems = await input.worker.checkFiles(input.files);
  return problems.map((problem) => {
    const file = byPath.get(problem.path);
    return {
      file: problem.path,
      template: file?.template,
      overridden: file?.overridden,
      line: problem.line,
      column: problem.column,
      message: problem.message,
      excerpt: file?.contents.split('\n')[problem.line - 1] ?? '',
    };
  });
}
