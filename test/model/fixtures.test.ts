import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFlags } from '../../src/model/rules.js';
import { lintFixture } from './lint-model.js';
import { FIXTURES } from './make-spec.js';

interface Expected {
  flags?: string[];
  diagnostics: { code: string; severity: string; pointer: string; line: number }[];
}

const folders = readdirSync(FIXTURES).filter((name) => /^(model|rule|compat)-/.test(name));

const byPlace = (a: { line?: number; code: string }, b: { line?: number; code: string }) =>
  (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code);

describe('fixtures: exact diagnostics of buildModel + checkRules', () => {
  it('finds the fixture folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(19);
  });

  it.each(folders)('%s', (folder) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, folder, 'expected.json'), 'utf8')) as Expected;
    const { severities, errors } = parseRuleFlags(expected.flags ?? []);
    expect(errors).toEqual([]);
    const { diagnostics } = lintFixture(folder, severities);
    const actual = diagnostics.map(({ code, severity, pointer, line }) => ({
      code,
      severity,
      pointer,
      line,
    }));
    expect(actual.sort(byPlace)).toEqual([...expected.diagnostics].sort(byPlace));
    for (const d of diagnostics) {
      expect(d.file).toBe(`fixtures/${folder}/openapi.yaml`);
      expect(d.message).toMatch(/^(The document root|Path \/|[A-Z]+ \/\S* \([^)]+\)): /);
      expect(d.hint).toMatch(/\.$/);
    }
  });
});
