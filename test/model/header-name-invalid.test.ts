/**
 * A header parameter whose name is not an HTTP token (RFC 9110) passed lint, and then every call threw in
 * the client (`Headers` refuses the name). Now it is a `header-name-invalid` error, configurable like the
 * other rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { lint } from '../../src/lint.js';
import { parseRuleFlags } from '../../src/model/rules.js';

const SPEC = 'fixtures/rule-header-name-invalid/openapi.yaml';

describe('header-name-invalid', () => {
  it('is what fetch would throw on: each name the rule refuses is refused by Headers too', () => {
    for (const name of ['x-evil"header', 'X Tenant', 'x-ünicode', 'x-shared:colon']) {
      expect(() => new Headers({ [name]: 'v' })).toThrow(TypeError);
    }
    expect(() => new Headers({ "x-every!#$%&'*+.^_`|~tchar": 'v' })).not.toThrow();
  });

  it('is an error located at the name, with a hint, and stops generation', async () => {
    const result = await generate({ spec: SPEC, target: 'client' });
    const found = result.diagnostics.filter((d) => d.code === 'header-name-invalid');
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([
      ['error', 14, 11],
      ['error', 17, 11],
      ['error', 20, 11],
      ['error', 43, 7],
    ]);
    expect(found[0]?.message).toBe(
      'POST /orders (createOrder): the header parameter "x-evil\\"header" is not an HTTP header name (RFC 9110 token), so no client can send it: fetch throws on it.',
    );
    expect(found[3]?.message).toContain('Also: GET /orders/{id} (getOrder).');
    expect(found[0]?.hint).toMatch(/^Name the header with letters, digits/);
    expect(result.files).toEqual([]);
  }, 60_000);

  it('takes its severity from --rule and the config like the other rules', async () => {
    const { severities, errors } = parseRuleFlags(['header-name-invalid=warn']);
    expect(errors).toEqual([]);
    const warned = await lint({ spec: SPEC, rules: severities });
    const codes = warned.diagnostics.map((d) => `${d.code}:${d.severity}`);
    expect(new Set(codes)).toEqual(new Set(['header-name-invalid:warning']));
    const off = await lint({ spec: SPEC, rules: { 'header-name-invalid': 'off' } });
    expect(off.diagnostics).toEqual([]);
  });

  it('is not needed for the key header and header:<Name> items: the x-idempotency schema refuses them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idemgen-header-'));
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(
        spec,
        [
          'openapi: 3.1.0',
          "info: { title: T, version: '1' }",
          'x-fern-idempotency-headers: [{ header: "Bad Key", name: key }]',
          'paths:',
          '  /a:',
          '    post:',
          '      x-idempotency:',
          '        key: { in: header, name: "x bad" }',
          '        fingerprint: [method, "header:x y"]',
          '        scope: ["header:x(tenant)"]',
          "      responses: { '200': { description: ok } }",
          '',
        ].join('\n'),
      );
      const { diagnostics } = await lint({ spec });
      expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
        ['extension-invalid', 'error', '/x-fern-idempotency-headers/0/header'],
        ['extension-invalid', 'error', '/paths/~1a/post/x-idempotency/key/name'],
        ['extension-invalid', 'error', '/paths/~1a/post/x-idempotency/fingerprint/1'],
        ['extension-invalid', 'error', '/paths/~1a/post/x-idempotency/scope/0'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
