/**
 * The layer rules of docs/architecture.md, executable. Every import in src/ (static, type-only, re-export
 * and dynamic `import()`) is read, and the test fails on an import against the table below, on a package
 * imported by the runtime or core/, and on any cycle between files or between sibling folders.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findCycles,
  graphOf,
  importSpecifiers,
  readImportGraph,
  sourceFiles,
} from './helpers/import-graph.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Who may import whom. A layer is a folder of src/ or one of its top-level files; it may import itself and
 * the layers listed for it, nothing else. Keep in step with the drawing in docs/architecture.md.
 */
const ALLOWED: Record<string, readonly string[]> = {
  runtime: [],
  core: [],
  load: ['core'],
  model: ['core', 'load', 'runtime'],
  config: ['core', 'model'],
  render: ['core', 'load', 'model', 'runtime'],
  'lint.ts': ['core', 'load', 'model', 'render'],
  scaffold: ['core', 'load', 'model', 'render', 'lint.ts'],
  'generate-options.ts': ['core', 'load', 'model', 'render', 'lint.ts'],
  'generate.ts': ['core', 'load', 'model', 'render', 'lint.ts', 'generate-options.ts'],
  plugin: ['core', 'generate-options.ts', 'generate.ts'],
  'index.ts': [
    'core',
    'load',
    'model',
    'render',
    'config',
    'lint.ts',
    'generate-options.ts',
    'generate.ts',
    'scaffold',
  ],
  verify: ['core', 'load', 'model', 'render', 'runtime'],
  reference: ['core', 'load', 'model', 'runtime', 'render', 'lint.ts'],
  cli: [
    'core',
    'load',
    'model',
    'render',
    'config',
    'lint.ts',
    'generate-options.ts',
    'generate.ts',
    'scaffold',
    'verify',
    'reference',
  ],
};

/** Layers that import no package and no Node built-in: the runtime runs anywhere, core/ is vocabulary. */
const SELF_CONTAINED = ['runtime', 'core'];

/**
 * Folder cycles that another change is about to remove; each entry must still exist, so that it is deleted
 * here when it goes. Empty: issue 17's runtime/errors/ folder removed the last one (retry <-> client).
 */
const KNOWN_FOLDER_CYCLES: string[] = [];

const layerOf = (file: string): string => file.split('/')[0] as string;
const edges = readImportGraph(SRC);
const internal = edges.filter((e) => !e.external);

describe('architecture', () => {
  it('places every folder and top-level file of src/ in a layer', () => {
    const layers = [...new Set(sourceFiles(SRC).map(layerOf))];
    expect(layers.filter((layer) => !(layer in ALLOWED))).toEqual([]);
  });

  it('imports only in the allowed directions', () => {
    const wrong = internal
      .filter((e) => layerOf(e.from) !== layerOf(e.to))
      .filter((e) => !ALLOWED[layerOf(e.from)]?.includes(layerOf(e.to)))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the runtime and core/ free of packages and of imports out of their folder', () => {
    const wrong = edges
      .filter((e) => SELF_CONTAINED.includes(layerOf(e.from)))
      .filter((e) => e.external || layerOf(e.to) !== layerOf(e.from))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(wrong).toEqual([]);
  });

  it('has a table without cycles, so that the layers stack', () => {
    const table = new Map(Object.entries(ALLOWED).map(([layer, to]) => [layer, new Set(to)]));
    expect(findCycles(table)).toEqual([]);
  });

  it('has no cycle between files, type-only and dynamic imports included', () => {
    expect(findCycles(graphOf(internal, (file) => file))).toEqual([]);
  });

  it('has no cycle between sibling folders, at any depth', () => {
    // Every folder that holds files, directly or below (`runtime/` holds only folders).
    const folders = [
      ...new Set(
        sourceFiles(SRC).flatMap((f) =>
          f.split('/').map((_, depth, parts) => parts.slice(0, depth).join('/')),
        ),
      ),
    ];
    const cycles = folders.flatMap((folder) => {
      const prefix = folder === '' ? '' : `${folder}/`;
      // A file below `folder/child/` stands for `child`; files of `folder` itself are its glue, not a node.
      const child = (file: string) =>
        file.startsWith(prefix) && file.slice(prefix.length).includes('/')
          ? file.slice(prefix.length).split('/')[0]
          : undefined;
      return findCycles(graphOf(internal, child)).map((c) => `${folder || 'src'}: ${c.join(', ')}`);
    });
    expect(cycles).toEqual(KNOWN_FOLDER_CYCLES);
  });
});

describe('import-graph helpers', () => {
  it('reads static, type-only, re-export and dynamic imports, and no import inside a string', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "const source = `import { e } from './e.js';`;",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js']);
  });

  it('finds cycles of two or more nodes and a node importing itself', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a', 'd'])],
      ['e', new Set<string>()],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
  });
});
