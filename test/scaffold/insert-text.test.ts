/** The scaffolder's insertions: the text already there stays, in order; commas follow the object's style. */

import * as tsMorph from 'ts-morph';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  appendAtEnd,
  applyInsertions,
  importLineInsertion,
  propertiesInsertion,
} from '../../src/scaffold/insert-text.js';
import { readModuleFile, readWiringFile } from '../../src/scaffold/read-handler-files.js';

const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
let count = 0;
const source = (text: string) => project.createSourceFile(`/file${count++}.ts`, text);

function addToHandlers(text: string, properties: string[]): string {
  const wiring = readWiringFile({ tsMorph, source: source(text) });
  if (!wiring.object) throw new Error('no handlers object');
  return applyInsertions(text, [propertiesInsertion(wiring.object, properties)]);
}

describe('insertions', () => {
  it('keeps a trailing comma style, or its absence', () => {
    expect(addToHandlers('export const handlers = {\n  a: m.a,\n} satisfies H;\n', ['b: m.b'])).toBe(
      'export const handlers = {\n  a: m.a,\n  b: m.b,\n} satisfies H;\n',
    );
    expect(addToHandlers('export const handlers = { a: m.a /* mine */ };\n', ['b: m.b'])).toBe(
      'export const handlers = { a: m.a,\n  b: m.b /* mine */ };\n',
    );
    expect(addToHandlers('export const handlers = {};\n', ['b: m.b'])).toBe(
      'export const handlers = {\n  b: m.b,\n};\n',
    );
  });

  it('reads the handlers object through satisfies, as and parentheses', () => {
    const wiring = readWiringFile({
      tsMorph,
      source: source(
        "import * as x from './orders.js';\nexport const handlers = ({ a, 'b-c': x.b } as H);\n",
      ),
    });
    expect(wiring.properties.map((p) => p.name)).toEqual(['a', 'b-c']);
    expect(wiring.namespaces).toEqual(new Map([['orders', 'x']]));
  });

  it('adds an import after the last one, and stubs after one blank line', () => {
    const text = "import a from 'a';\n// mine\nconst x = 1;";
    const file = readModuleFile({ tsMorph, source: source(text), module: 'orders' });
    expect(file.importsServer).toBe(false);
    const out = applyInsertions(text, [
      importLineInsertion(file.source, "import type * as server from './s.js';"),
      appendAtEnd(text, 'export const b = 2;\n'),
    ]);
    expect(out).toBe(
      "import a from 'a';\nimport type * as server from './s.js';\n// mine\nconst x = 1;\n\nexport const b = 2;\n",
    );
  });

  it('applies insertions at one offset in the order given', () => {
    expect(
      applyInsertions('ac', [
        { at: 1, text: 'b' },
        { at: 1, text: 'B' },
        { at: 0, text: '>' },
      ]),
    ).toBe('>abBc');
  });
});
