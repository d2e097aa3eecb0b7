/**
 * Post-render syntax check: every TypeScript file is parsed once (ts-morph over an in-memory file system;
 * syntax only, no type-check, so it stays fast on large outputs) and a syntax error is reported with the
 * template that produced the file, so a broken override names itself.
 */
import { Project, ts } from 'ts-morph';
import type { GeneratedFile } from './emit.js';

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

export function checkSyntax(files: readonly GeneratedFile[]): SyntaxProblem[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022 },
  });
  const byPath = new Map<string, GeneratedFile>();
  for (const file of files) {
    if (!/\.(ts|mts|js|mjs)$/.test(file.path)) continue;
    byPath.set(`/${file.path}`, file);
    project.createSourceFile(`/${file.path}`, file.contents, { overwrite: true });
  }
  const program = project.getProgram().compilerObject;
  const problems: SyntaxProblem[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    const file = byPath.get(sourceFile.fileName);
    if (!file) continue;
    for (const diagnostic of program.getSyntacticDiagnostics(sourceFile)) {
      const start = diagnostic.start ?? 0;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
      problems.push({
        file: file.path,
        template: file.template,
        overridden: file.overridden,
        line: line + 1,
        column: character + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        excerpt: file.contents.split('\n')[line] ?? '',
      });
    }
  }
  return problems;
}
