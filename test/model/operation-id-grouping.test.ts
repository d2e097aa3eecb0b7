import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { NOT_IDENTIFIER_GROUP_ABOVE } from '../../src/model/operation-ids.js';
import { makeSpec } from './make-spec.js';

function specWith(count: number): string {
  const paths = Array.from(
    { length: count },
    (_, i) =>
      `  /r${i}:\n    get:\n      operationId: repos/get-${i}\n      responses: { '200': { description: ok } }`,
  );
  return `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n${paths.join('\n')}\n`;
}

const codes = (count: number) =>
  buildModel({ spec: makeSpec(specWith(count)) }).diagnostics.filter(
    (d) => d.code === 'operation-id-not-identifier',
  );

describe('operation-id-not-identifier grouping', () => {
  it('reports each operation while there are few', () => {
    expect(codes(NOT_IDENTIFIER_GROUP_ABOVE)).toHaveLength(NOT_IDENTIFIER_GROUP_ABOVE);
  });

  it('reports one warning, at the first, naming the count and examples, when there are many', () => {
    const [only, ...rest] = codes(40);
    expect(rest).toEqual([]);
    expect(only?.pointer).toBe('/paths/~1r0/get/operationId');
    expect(only?.message).toMatch(/^40 operationIds are not JavaScript identifiers/);
    expect(only?.message).toContain('"repos/get-0" -> "reposGet0"');
    expect(only?.message).toContain('and 37 more');
  });

  it('still obeys the rule severity', () => {
    const spec = makeSpec(specWith(40));
    const { diagnostics } = buildModel({ spec, rules: { 'operation-id-not-identifier': 'off' } });
    expect(diagnostics).toEqual([]);
  });
});
