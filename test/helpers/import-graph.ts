/**
 * The import graph of a source tree, for test/architecture.test.ts: every `import`, `import type`,
 * `export … from` and `import()` of every `.ts` file, read with the TypeScript compiler's own pre-processor
 * (`ts.preProcessFile`), so that a string that merely contains the word `import` is not an import.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** The importing file, relative to the root, `/`-separated. */
  from: string;
  /** The imported file (relative imports, resolved) or the bare specifier (`yaml`, `node:fs`). */
  to: string;
  /** True for a package or built-in module, false for a file of the tree. */
  external: boolean;
}

/** Every `.ts` file under `root`, relative and `/`-separated, in a stable order. */
export function sourceFiles(root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(root, path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

/** The specifiers a module's text imports, in order of appearance. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Every import edge under `root`; a relative `./x.js` resolves to `x.ts` when that file exists. */
export function readImportGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of sourceFiles(root)) {
    for (const specifier of importSpecifiers(readFileSync(join(root, from), 'utf8'))) {
      if (!specifier.startsWith('.')) {
        edges.push({ from, to: specifier, external: true });
        continue;
      }
      const target = posix.join(posix.dirname(from), specifier);
      const asTs = target.replace(/\.js$/, '.ts');
      edges.push({ from, to: existsSync(join(root, asTs)) ? asTs : target, external: false });
    }
  }
  return edges;
}

/**
 * The cycles of a directed graph: its strongly connected components of more than one node, and nodes that
 * import themselves (Tarjan's algorithm). Each cycle's nodes are sorted, and the cycles by their first node.
 */
export function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * The adjacency map of `edges` after mapping both ends through `node`: `undefined` drops an edge, and an edge
 * whose ends map to one node (two files of one folder) is no edge between nodes.
 */
export function graphOf(
  edges: readonly { from: string; to: string }[],
  node: (file: string) => string | undefined,
): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = node(edge.from);
    const to = node(edge.to);
    if (from === undefined || to === undefined) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    if (from !== to) graph.get(from)?.add(to);
  }
  return graph;
}
