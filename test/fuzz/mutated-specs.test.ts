/**
 * Property tests of loading mutated specs: the real fixtures (fixtures/<name>/openapi.yaml|json and
 * examples/payments.yaml), mutated as text (byte flips, truncation, deletions, duplicated lines, inserted
 * YAML/JSON syntax, anchors and aliases, `$ref`s) and as a parsed value (a random subtree replaced by random
 * JSON or a `$ref`), are linted from stdin with the fixture's directory as the working directory. `lint()`
 * loads, validates the extensions, builds the model and checks the rules: it must not throw, must finish
 * within a time bound, and every problem must be a located diagnostic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { fuzzParameters, LONG_RUN } from './fuzz-settings.js';
import { expectLocatedDiagnostics, lintText } from './lint-text.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'fixtures');

interface Seed {
  name: string;
  dir: string;
  text: string;
}

const SEEDS: Seed[] = [
  ...readdirSync(FIXTURES).flatMap((name) =>
    ['openapi.yaml', 'openapi.json', 'api.yaml']
      .map((file) => join(FIXTURES, name, file))
      .filter((path) => existsSync(path))
      .map((path) => ({
        name: `fixtures/${name}`,
        dir: join(FIXTURES, name),
        text: readFileSync(path, 'utf8'),
      })),
  ),
  {
    name: 'examples/payments.yaml',
    dir: join(ROOT, 'examples'),
    text: readFileSync(join(ROOT, 'examples/payments.yaml'), 'utf8'),
  },
];

/** One case may take this long (generous: the machine is shared, and the model build is included). */
const CASE_MS = LONG_RUN ? 10_000 : 5_000;

const REFS = [
  '#',
  '#/',
  '#/paths',
  '#/components/schemas/Nope',
  '#/paths/~1x/post',
  '#/%ZZ',
  '#/paths/~2',
  '',
  'other.yaml',
  './openapi.yaml',
  'openapi.yaml#/paths',
  '../openapi.yaml',
  'schemas/order.yaml',
  '../../../../../../etc/hostname',
  '/etc/hostname',
  'file:///etc/hostname',
  'http://127.0.0.1:9/x.yaml',
  '/dev/null',
  '%',
  '\u0000',
];

const SNIPPETS = [
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  ',',
  '"',
  "'",
  '\t',
  '\n  ',
  '? ',
  '| ',
  '> ',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '!!binary ',
  '!local ',
  '&a ',
  '*a',
  '<<: *a\n',
  'x: &a [*a]\n',
  'x-a: &a [1, 2]\nx-b: &b [*a, *a, *a]\nx-c: [*b, *b, *b]\n',
  '\ufeff',
  '\u0000',
  '\u2028',
  ...REFS.map((ref) => `$ref: '${ref}'\n`),
  ...REFS.map((ref) => `{"$ref": ${JSON.stringify(ref)}}`),
];

/** A "billion laughs" of `levels` levels of nine aliases each (9^levels strings once expanded). */
const aliasBomb = (levels: number) =>
  Array.from({ length: levels }, (_, i) => {
    const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*l${i - 1}`);
    return `x-l${i}: &l${i} [${items.join(',')}]`;
  }).join('\n');

/** Top-level members that stress the loader's bounds: alias bombs, deep nesting (flow and block). */
const HEAVY = [
  `${aliasBomb(4)}\n`,
  `${aliasBomb(9)}\n`,
  `x-deep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
  `x-deep: ${'{a: '.repeat(2_000)}1${'}'.repeat(2_000)}\n`,
  `x-deep:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 1)}a${i}:`).join('\n')} 1\n`,
  'x-cycle: &c [*c]\n',
];

type TextMutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'insert'; at: number; snippet: string }
  | { kind: 'append'; snippet: string };

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom(':', '-', ' ', '\n', '{', '&', '*', '#', '$'),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), snippet: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('append' as const), snippet: fc.constantFrom(...HEAVY) }),
);

function mutateText(text: string, mutation: TextMutation): string {
  const at = ('at' in mutation ? mutation.at : 0) % (text.length + 1);
  switch (mutation.kind) {
    case 'flip':
      return text.slice(0, at) + mutation.char + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = mutation.at % lines.length;
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, at) + mutation.snippet + text.slice(at);
    case 'append':
      return `${text.trimEnd()}\n${mutation.snippet}`;
  }
}

/** What replaces a subtree of the parsed value. */
const replacementArb: fc.Arbitrary<unknown> = fc.oneof(
  // Described, not built: a counterexample is printed, and a deep value overflows its printer.
  fc
    .tuple(fc.integer({ min: 100, max: 5_000 }), fc.boolean())
    .map(([depth, arrays]) => ({ deep: depth, arrays })),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...REFS).map((ref) => ({ $ref: ref })),
  fc.constantFrom(...REFS).map((ref) => ({ type: 'object', properties: { a: { $ref: ref } } })),
  fc.constantFrom(
    true,
    false,
    null,
    {},
    [],
    { 'x-idempotency': { key: { in: 'body', pointer: '/nope' } } },
    { 'x-retry': { maxAttempts: 5 } },
    { get: { responses: {} } },
    { post: { operationId: 'then', responses: { '200': { description: 'x' } } } },
    { in: 'header', name: 'bad name', schema: { type: 'string' } },
  ),
);

const DEEP = 'DEEP_PLACEHOLDER_7f3a';

/**
 * A `{ deep, arrays }` descriptor stands in the value as a placeholder, and its text is spliced into the
 * written document: building and writing a value thousands of levels deep would overflow this test's own
 * stack (JSON.stringify's) before the loader saw it.
 */
function placeholderFor(replacement: unknown): unknown {
  const r = replacement as { deep?: unknown };
  return typeof r === 'object' && r !== null && typeof r.deep === 'number' ? DEEP : replacement;
}

function deepText(replacement: unknown): string {
  const { deep, arrays } = replacement as { deep: number; arrays: boolean };
  return arrays
    ? `${'['.repeat(deep)}1${']'.repeat(deep)}`
    : `${'{"type":"object","properties":{"a":'.repeat(deep)}1${'}}'.repeat(deep)}`;
}

/** Replace the node reached by following `choices` (each picks a child, modulo their count). */
function replaceSubtree(root: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || typeof root !== 'object' || root === null) return replacement;
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(root)) {
    if (root.length === 0) return replacement;
    const index = choice % root.length;
    return root.map((item, i) => (i === index ? replaceSubtree(item, rest, replacement) : item));
  }
  const keys = Object.keys(root);
  if (keys.length === 0) return replacement;
  const key = keys[choice % keys.length]!;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (root as Record<string, unknown>)[k];
    Object.defineProperty(out, k, {
      value: k === key ? replaceSubtree(v, rest, replacement) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function toYamlText(value: unknown): string {
  return stringifyYaml(value, { aliasDuplicateObjects: false });
}

async function expectLintCopes(text: string, seed: Seed): Promise<void> {
  const started = performance.now();
  const result = await lintText(text, seed.dir);
  const elapsed = performance.now() - started;
  expect(elapsed, `lint took ${Math.round(elapsed)} ms`).toBeLessThan(CASE_MS);
  expectLocatedDiagnostics({ diagnostics: result.diagnostics, text });
  if (!result.usable) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  else expect(result.model).toBeDefined();
}

const seedArb = fc.constantFrom(...SEEDS);

describe('loading mutated specs (property)', () => {
  it('text mutations: no throw, no hang, every failure a located diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(
        seedArb,
        fc.array(textMutationArb, { minLength: 1, maxLength: 4 }),
        async (seed, mutations) => {
          await expectLintCopes(mutations.reduce(mutateText, seed.text), seed);
        },
      ),
      fuzzParameters(150, { timeout: CASE_MS * 2 }),
    );
  });

  it('value mutations: a random subtree replaced by random JSON or a $ref, written as JSON or YAML', async () => {
    const parsedSeeds = SEEDS.flatMap((seed) => {
      try {
        const value: unknown = parseYaml(seed.text, { maxAliasCount: 100 });
        return typeof value === 'object' && value !== null ? [{ seed, value }] : [];
      } catch {
        return [];
      }
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parsedSeeds),
        fc.array(fc.nat(), { minLength: 0, maxLength: 6 }),
        replacementArb,
        fc.boolean(),
        async ({ seed, value }, choices, replacement, asJson) => {
          const mutated = replaceSubtree(value, choices, placeholderFor(replacement));
          let text = asJson ? JSON.stringify(mutated, null, 1) : toYamlText(mutated);
          if (placeholderFor(replacement) === DEEP) {
            text = text.replace(asJson ? `"${DEEP}"` : DEEP, () => deepText(replacement));
          }
          await expectLintCopes(text, seed);
        },
      ),
      fuzzParameters(150, { timeout: CASE_MS * 2 }),
    );
  });
});
