/**
 * The document openapi-typescript types (src/render/types-document.ts): `$ref`s into schemas, paths and
 * parameter lists (fixtures/gen-types-nested-refs) and self-referencing unions, one written as
 * `type: "null"` beside `oneOf` (fixtures/gen-types-null-one-of). The client and server generated for each
 * type-check under strict and strictest settings, with a program that checks the types are the right ones.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { type GenerateResult, generate } from '../../src/generate.js';
import {
  hoistedName,
  hoistNestedRefs,
  isNestedSchemaPointer,
  mayHaveNestedRefs,
} from '../../src/render/hoist-nested-refs.js';
import { nullTypeOneOfToUnion } from '../../src/render/null-type-one-of.js';
import { typecheckStrictest } from '../helpers/strictest.js';
import { typecheckDir } from '../helpers/typecheck-dir.js';

const NESTED_PROGRAM = `import { createClient, listLines } from './client/index.js';
import type { components, paths } from './schema.js';

type S = components['schemas'];
export const kind: S['Customer']['addressType'] = 'billing';
// @ts-expect-error an address type is billing or delivery
export const wrongKind: S['Customer']['addressType'] = 'elsewhere';
// @ts-expect-error the referenced property is a string, not string | undefined
export const alias: S['Customer']['alias'] = undefined;
export const odd: S['Customer']['odd'] = 1;
// @ts-expect-error a~b/c is a number
export const wrongOdd: S['Customer']['odd'] = 'one';
// The component schema that had the hoisted name first keeps it.
export const taken: S['Address_definitions_addressType'] = 1;

type Orders = paths['/orders']['get']['responses'][200]['content']['application/json'];
// allOf/0 alone: an id, and no note.
export const orders: Orders = [{ id: 'o1' }];
// @ts-expect-error an order has an id
export const noId: Orders = [{}];

type Status = NonNullable<paths['/orders/{orderId}']['get']['parameters']['query']>['status'];
export const status: Status = 'open';
// @ts-expect-error a status is open or closed
export const wrongStatus: Status = 'lost';

type Tree = NonNullable<paths['/tree']['post']['requestBody']>['content']['application/json'];
export const tree: Tree = { name: 'oak', children: [{ name: 'acorn', children: [] }] };
// @ts-expect-error a child is a tree, whose name is a string
export const wrongTree: Tree = { children: [{ name: 1 }] };

export async function skus(): Promise<string[]> {
  const result = await listLines(createClient({ baseUrl: 'http://127.0.0.1:1' }));
  return result.ok ? result.data.map((line) => line.sku) : [];
}
`;

const NULL_ONE_OF_PROGRAM = `import type { components } from './schema.js';

type ItemValue = components['schemas']['ItemValue'];
export const values: ItemValue[] = [null, 'a', 1, true, {}, [null, ['b', [2, false]]]];
// @ts-expect-error undefined is not an item value
export const notValue: ItemValue = undefined;

type Tree = components['schemas']['Tree'];
export const tree: Tree = ['a', { b: ['c', { d: 'e' }] }];
// @ts-expect-error a tree holds no numbers
export const wrongTree: Tree = ['a', [1]];
`;

const CASES = {
  nested: { spec: 'fixtures/gen-types-nested-refs/openapi.yaml', program: NESTED_PROGRAM },
  nullOneOf: { spec: 'fixtures/gen-types-null-one-of/openapi.yaml', program: NULL_ONE_OF_PROGRAM },
} as const;
type Case = keyof typeof CASES;
const outDirs = new Map<Case, string>();
const results = new Map<Case, GenerateResult>();
const schemaOf = (name: Case) => readFileSync(join(outDirs.get(name)!, 'schema.ts'), 'utf8');

beforeAll(async () => {
  mkdirSync(resolve('test/.out'), { recursive: true });
  for (const [name, { spec, program }] of Object.entries(CASES) as [Case, (typeof CASES)[Case]][]) {
    const outDir = mkdtempSync(resolve('test/.out', `types-${name}-`));
    outDirs.set(name, outDir);
    results.set(name, await generate({ spec, outDir, target: 'both', mode: 'write' }));
    writeFileSync(join(outDir, 'program.ts'), program);
  }
}, 120_000);
afterAll(() => {
  for (const dir of outDirs.values()) rmSync(dir, { recursive: true, force: true });
});

describe('schema.ts for $refs into schemas, paths and parameter lists', () => {
  it('generates without diagnostics, and the output with the program type-checks (strict, strictest)', () => {
    expect(results.get('nested')!.diagnostics).toEqual([]);
    const dir = outDirs.get('nested')!;
    expect(typecheckDir(dir)).toEqual([]);
    expect(typecheckStrictest(dir, 'NodeNext')).toEqual([]);
  }, 120_000); // two type-checks of client, server and runtime: slow on a loaded machine

  it('hoists each target into components under a name made of its pointer, and refers to it there', () => {
    const schema = schemaOf('nested');
    expect(schema).not.toMatch(/\["(definitions|allOf|content|schema|requestBody)"\]\[/);
    expect(schema).toContain('Address_definitions_addressType: number;');
    expect(schema).toContain('Address_definitions_addressType_2: "billing" | "delivery";');
    expect(schema).toContain('addressType: components["schemas"]["Address_definitions_addressType_2"];');
    expect(schema).toContain('alias: components["schemas"]["Customer_properties_nickname"];');
    expect(schema).toContain('Customer_properties_nickname: string;');
    expect(schema).toContain('Odd_properties_a_b_c: number;');
    expect(schema).toContain('"application/json": components["schemas"]["Order_allOf_0"][];');
    expect(schema).toContain(
      '"application/json": components["schemas"]["paths_orders_orderId_get_responses_200_content_application_json_schema_properties_line"][];',
    );
    expect(schema).toContain(
      'children?: components["schemas"]["paths_tree_post_requestBody_content_application_json_schema"][];',
    );
    expect(schema).toContain('status?: components["parameters"]["paths_orders_get_parameters_0"];');
    expect(schema).toContain('paths_orders_get_parameters_0: "open" | "closed";');
  });

  it('leaves the model and the validators the document as written', () => {
    const { model } = results.get('nested')!;
    const schemas = (model!.document.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual([
      'Address_definitions_addressType',
      'Address',
      'Customer',
      'Odd',
      'Order',
    ]);
    expect(model!.document.components).not.toHaveProperty('parameters');
  });
});

describe('schema.ts for self-referencing unions', () => {
  it('generates without diagnostics, and the output with the program type-checks (strict, strictest)', () => {
    expect(results.get('nullOneOf')!.diagnostics).toEqual([]);
    const dir = outDirs.get('nullOneOf')!;
    expect(typecheckDir(dir)).toEqual([]);
    expect(typecheckStrictest(dir, 'NodeNext')).toEqual([]);
  }, 120_000); // two type-checks of client, server and runtime: slow on a loaded machine

  it('types type null beside oneOf as the nullable union, through an exported recursive alias', () => {
    const schema = schemaOf('nullOneOf');
    expect(schema).not.toContain('null &');
    expect(schema).toContain('ItemValue: Recursive_ItemValue;');
    expect(schema).toContain(
      'export type Recursive_ItemValue = string | number | boolean | Record<string, never> | Recursive_ItemValue[] | null;',
    );
    expect(schema).toContain('Tree: Recursive_Tree;');
    expect(schema).toMatch(
      /export type Recursive_Tree = string \| Recursive_Tree\[\] \| \{\s+\[key: string\]: Recursive_Tree;/,
    );
  });
});

describe('hoistNestedRefs', () => {
  const document = (): JsonObject => ({
    openapi: '3.0.3',
    paths: {
      '/a/{id}': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': { schema: { type: 'object', properties: { x: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        A: {
          type: 'object',
          properties: {
            b: {
              $ref: '#/paths/~1a~1%7Bid%7D/get/responses/200/content/application~1json/schema/properties/x',
            },
          },
        },
        B: { $ref: '#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/properties/x' },
        C: { type: 'object', example: { $ref: '#/components/schemas/A/properties/b' } },
      },
    },
  });

  it('changes a copy: one entry for a target however its $refs spell it, literal data left alone', () => {
    const original = document();
    const before = structuredClone(original);
    const out = hoistNestedRefs(original);
    expect(original).toEqual(before);
    const name = 'paths_a_id_get_responses_200_content_application_json_schema_properties_x';
    const schemas = (out.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual(['A', 'B', 'C', name]);
    expect(schemas[name]).toEqual({ type: 'string' });
    expect(schemas.B).toEqual({ $ref: `#/components/schemas/${name}` });
    // The `$ref` inside an example is data: C is not copied.
    expect(schemas.C).toBe(((original.components as JsonObject).schemas as JsonObject).C);
    expect(out.paths).toBe(original.paths);
  });

  it('hoists the $ref of a property named default or example (a name, not literal data)', () => {
    const target = '#/components/schemas/A/properties/x';
    const original: JsonObject = {
      components: {
        schemas: {
          A: { type: 'object', properties: { x: { type: 'string' } } },
          Branding: {
            type: 'object',
            properties: {
              default: { $ref: target },
              example: { $ref: target },
              properties: { type: 'object', default: { $ref: target } },
            },
          },
        },
      },
    };
    const schemas = (hoistNestedRefs(original).components as JsonObject).schemas as JsonObject;
    const hoisted = { $ref: '#/components/schemas/A_properties_x' };
    expect(schemas.Branding).toEqual({
      type: 'object',
      properties: {
        default: hoisted,
        example: hoisted,
        // A property called `properties`: its own `default` is the keyword, data left alone.
        properties: { type: 'object', default: { $ref: target } },
      },
    });
  });

  it('returns the document itself when no $ref needs hoisting, and the text test says so cheaply', () => {
    const plain: JsonObject = {
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { type: 'string' } } },
    };
    expect(hoistNestedRefs(plain)).toBe(plain);
    expect(mayHaveNestedRefs(JSON.stringify(plain))).toBe(false);
    expect(mayHaveNestedRefs(JSON.stringify(document()))).toBe(true);
    expect(mayHaveNestedRefs('{"$ref":"#/components/schemas/A/properties/b"}')).toBe(true);
  });

  it('tells schemas below the top level from component names and parameters', () => {
    expect(isNestedSchemaPointer(['components', 'schemas', 'A'])).toBe(false);
    expect(isNestedSchemaPointer(['components', 'schemas', 'A', 'definitions', 'b'])).toBe(true);
    expect(isNestedSchemaPointer(['components', 'parameters', 'schema'])).toBe(false);
    expect(isNestedSchemaPointer(['components', 'parameters', 'schema', 'schema'])).toBe(true);
    expect(isNestedSchemaPointer(['paths', '/a', 'get', 'responses', '200', 'headers', 'schema'])).toBe(
      false,
    );
    expect(isNestedSchemaPointer(['paths', '/a', 'get', 'parameters', '0'])).toBe(false);
    expect(hoistedName(['components', 'schemas', 'A b', 'properties', 'a~b/c'])).toBe('A_b_properties_a_b_c');
  });
});

describe('nullTypeOneOfToUnion', () => {
  it('rewrites a copy, nested ones too, and leaves examples alone', () => {
    const inner = { type: 'null', oneOf: [{ type: 'string' }] };
    const original: JsonObject = {
      components: {
        schemas: {
          V: { type: 'null', description: 'd', oneOf: [{ type: 'array', items: inner }] },
          E: { type: 'object', example: { type: 'null', oneOf: [1] } },
        },
      },
    };
    const before = structuredClone(original);
    const out = nullTypeOneOfToUnion(original);
    expect(original).toEqual(before);
    const schemas = (out.components as JsonObject).schemas as JsonObject;
    expect(schemas.V).toEqual({
      description: 'd',
      oneOf: [{ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'null' }] } }, { type: 'null' }],
    });
    expect(schemas.E).toBe(((original.components as JsonObject).schemas as JsonObject).E);
  });
});
