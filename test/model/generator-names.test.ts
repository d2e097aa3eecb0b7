/**
 * The generator's own names, checked against the code that makes them: the fixed files it writes beside
 * the tag modules (from a real generation), and the runtime exports the generated index files re-export
 * (from the runtime's index modules, read by the TypeScript compiler).
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { GENERATOR_MODULE_NAMES, RUNTIME_EXPORTS } from '../../src/model/generator-names.js';

function runtimeExports(): string[] {
  const files = ['client', 'server', 'idempotency'].map((p) => resolve(`src/runtime/${p}/index.ts`));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return files.flatMap((file) => {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    return checker.getExportsOfModule(symbol).map((s) => s.name);
  });
}

describe("the generator's own names", () => {
  it('lists every file name it writes in client/ and server/ besides the tag modules', async () => {
    const result = await generate({ spec: 'examples/payments.yaml', target: 'both', checkSyntax: false });
    const modules = new Set(result.model?.operations.map((o) => o.module));
    const fixed = result.files
      .map((f) => /^(client|server)\/([^/.]+)\.(?:d\.ts|ts|js)$/.exec(f.path)?.[2])
      .filter((name): name is string => name !== undefined && !modules.has(name));
    expect([...new Set(fixed)].sort()).toEqual([...GENERATOR_MODULE_NAMES].sort());
  }, 60_000);

  it('lists every export of the runtime the generated index files re-export', () => {
    const missing = [...new Set(runtimeExports())].filter((name) => !RUNTIME_EXPORTS.includes(name));
    // A new runtime export: add it to RUNTIME_EXPORTS in src/model/generator-names.ts, so that no operation
    // takes its name.
    expect(missing).toEqual([]);
  }, 60_000);
});
