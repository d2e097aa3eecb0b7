/**
 * Post-render syntax check: every TypeScript or JavaScript file a template made is parsed once (syntax
 * only, no type-check) and a syntax error is reported with the template that produced the file, so a
 * broken override names itself.
 *
 * The parser is esbuild's (a dependency; tsx uses it too), through its service process: GitHub's spec
 * makes 4.7 MB of template output, which TypeScript's parser took ~1 s to read on the types worker, after
 * the types and so on the critical path; esbuild parses it in ~0.2 s next to the types. (ts-morph was not used for this:
 * it bundles a second copy of TypeScript, whose load alone cost more than generating a small spec.)
 */
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

interface EsbuildMessage {
  text: string;
  location: { line: number; column: number; lineText: string } | null;
}

const LOADERS: Record<string, 'ts' | 'js'> = { ts: 'ts', mts: 'ts', js: 'js', mjs: 'js' };

export async function checkSyntax(input: { files: readonly GeneratedFile[] }): Promise<SyntaxProblem[]> {
  const checked = input.files.flatMap((file) => {
    const loader = LOADERS[/\.([a-z]+)$/.exec(file.path)?.[1] ?? ''];
    return loader === undefined ? [] : [{ file, loader }];
  });
  if (checked.length === 0) return [];
  const { transform } = await import('esbuild');
  const perFile = await Promise.all(
    checked.map(async ({ file, loader }) => {
      try {
        await transform(file.contents, { loader, sourcefile: file.path, logLevel: 'silent' });
        return [];
      } catch (error) {
        const messages = (error as { errors?: EsbuildMessage[] }).errors;
        if (!Array.isArray(messages)) throw error;
        return messages.map((message) => toProblem(file, message));
      }
    }),
  );
  return perFile.flat();
}

function toProblem(file: GeneratedFile, message: EsbuildMessage): SyntaxProblem {
  const line = message.location?.line ?? 1;
  return {
    file: file.path,
    template: file.template,
    overridden: file.overridden,
    line,
    column: (message.location?.column ?? 0) + 1,
    message: message.text,
    excerpt: message.location?.lineText ?? file.contents.split('\n')[line - 1] ?? '',
  };
}
