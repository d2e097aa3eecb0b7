import { mkdirSync, mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '../../../src/generate.js';

/**
 * Generates client and server of `spec` into a fresh `test/.out/<prefix>XXXXXX` (no syntax pass: the tests
 * import the output) and returns that directory; generation errors are thrown with their codes.
 */
export async function generateBoth(spec: string, prefix: string): Promise<string> {
  mkdirSync(resolve('test/.out'), { recursive: true });
  const outDir = mkdtempSync(resolve('test/.out', prefix));
  const result = await generate({ spec, outDir, target: 'both', mode: 'write', checkSyntax: false });
  if (!result.emitted) {
    const problems = result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
    throw new Error(`generation failed:\n${problems}`);
  }
  return outDir;
}
