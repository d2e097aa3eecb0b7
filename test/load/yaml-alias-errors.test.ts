/**
 * Aliases and merges that `yaml` parses without an error but throws on when building the value: an alias to
 * an anchor never set (or set after it) and a merge (`<<`) of something other than mappings. Before, `lint`
 * and `generate` printed yaml's stack trace and exited 70; now each is a located `yaml-syntax` error.
 */
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/load/parse-spec-text.js';

const HEAD = 'openapi: 3.1.0\npaths: {}\n';

describe('YAML aliases and merges that cannot be built', () => {
  it.each([
    ['an alias to no anchor', `${HEAD}info: {title: t, version: *v}\n`, 3, 'the alias *v names no anchor'],
    [
      'an alias before its anchor',
      `${HEAD}info: {title: *t, version: &t "1"}\n`,
      3,
      'the alias *t names no anchor',
    ],
    [
      'a merge of an unknown anchor',
      `${HEAD}info:\n  <<: *a\n  title: t\n`,
      4,
      'the alias *a names no anchor',
    ],
    [
      'a merge of a scalar alias',
      `${HEAD}x-v: &a 1\ninfo:\n  <<: *a\n  title: t\n`,
      5,
      'a merge (<<) takes a mapping',
    ],
    ['a merge of a plain scalar', `${HEAD}info: {<<: 1, title: t}\n`, 3, 'a merge (<<) takes a mapping'],
    [
      'a merge of a list with a scalar',
      `${HEAD}x-m: &m {k: 1}\ninfo: {<<: [*m, 2]}\n`,
      4,
      'a merge (<<) takes a mapping',
    ],
  ])('%s: a located yaml-syntax error, not a throw', (_name, text, line, message) => {
    const result = parseSpecText({ text, file: 'spec.yaml' });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', file: 'spec.yaml', line });
    expect(result.diagnostics[0]?.message).toContain(message);
  });

  it('merges of mappings, aliases of mappings and lists of them still build', () => {
    const text = `${HEAD}x-a: &a {k: 1}\nx-b: &b {j: 2}\ninfo: {<<: [*a, *b, {i: 3}], title: t, version: "1"}\nx-c: {<<: *a}\nx-d: {<<: {m: 4}}\n`;
    const result = parseSpecText({ text, file: 'spec.yaml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toMatchObject({
      info: { k: 1, j: 2, i: 3, title: 't' },
      'x-c': { k: 1 },
      'x-d': { m: 4 },
    });
  });
});
