import { describe, expect, it } from 'vitest';
import { checkSyntax } from '../../src/render/check.js';

const file = (path: string, contents: string) => ({ path, contents, template: 'server/handlers.hbs' });

describe('checkSyntax', () => {
  it.each([
    ['an unbalanced brace', 'export const a = { b: 1;\n', 1],
    ['an unterminated string', "export const a = 1;\nexport const b = 'x;\n", 2],
    // Unterminated at the end of the file: reported where the file ends.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    ['an unterminated template literal', 'export const a = `x${1}', 1],
    ['an unterminated comment', 'export const a = 1;\n/* open', 2],
    ['a broken type', 'export type A = { a: };\n', 1],
    ['a broken union member', 'export type A =\n  | { status: 200 }\n  | ;\n', 3],
    ['a keyword as a binding', 'export const class = 1;\n', 1],
  ])('reports %s with its line', async (_name, contents, line) => {
    const problems = await checkSyntax({ files: [file('server/x.ts', contents)] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'server/x.ts', template: 'server/handlers.hbs', line });
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(problems[0]!.excerpt).toBe(contents.split('\n')[line - 1]);
  });

  it('passes valid TypeScript, declaration files and JavaScript, and skips other files', async () => {
    const problems = await checkSyntax({
      files: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
        file('a.ts', 'export interface A { readonly b?: `x${string}` }\nexport const c = <T,>(t: T) => t;\n'),
        file('a.d.ts', 'export declare function f(a: number): string;\n'),
        file('a.js', 'export const a = 1;\n'),
        file('README.md', '{ not code'),
      ],
    });
    expect(problems).toEqual([]);
  });

  it('reports every broken file, in input order', async () => {
    const problems = await checkSyntax({
      files: [file('a.ts', 'export const = 1;\n'), file('b.ts', 'ok();\n'), file('c.mts', 'let x = (;\n')],
    });
    expect(problems.map((p) => p.file)).toEqual(['a.ts', 'c.mts']);
  });
});
