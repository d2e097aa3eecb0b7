import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReference } from '../../src/reference/create-reference.js';
import { frameworkCatalogue } from '../../src/reference/error-catalogue.js';
import { toMarkdownCode } from '../../src/reference/html-escape.js';
import { PROBLEM_SLUGS } from '../../src/runtime/problem/slugs.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function html(spec: string, cwd = ROOT): Promise<string> {
  const result = await createReference({ spec, cwd, format: 'html' });
  expect(result.usable).toBe(true);
  return result.files.get('index.html') ?? '';
}

/** The text of the element with the given id, up to the next operation or section. */
const sectionOf = (page: string, anchor: string): string => {
  const start = page.indexOf(`id="${anchor}"`);
  expect(start).toBeGreaterThan(-1);
  const end = page.indexOf('<section', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
};

describe('the reference', () => {
  it("catalogues every problem the server can answer (the router's 404 and 405 too), with when, retryability and remedy", () => {
    const catalogue = frameworkCatalogue();
    expect(catalogue.map((e) => e.anchor)).toEqual([
      ...PROBLEM_SLUGS.map((slug) => `problem-${slug}`),
      'problem-not-found',
      'problem-method-not-allowed',
    ]);
    for (const entry of catalogue) {
      expect(entry.when).toMatch(/\.$/);
      expect(entry.remedy).toMatch(/\.$/);
    }
    const retried = catalogue.filter((e) => e.retried === 'yes').map((e) => e.anchor);
    expect(retried).toEqual([
      'problem-idempotency-request-in-progress',
      'problem-dependency-unavailable',
      'problem-internal-error',
    ]);
  });

  it('says per operation which errors its client retries, from its own retryOn', async () => {
    const page = await html('examples/payments.yaml');
    const create = sectionOf(page, 'op-createPayment');
    expect(create).toMatch(
      /idempotency-request-in-progress<\/a><\/td><td>[^<]+<\/td><td>Yes, with the same key/,
    );
    expect(create).toMatch(/idempotency-key-reused<\/a><\/td><td>[^<]+<\/td><td>No</);
    expect(create).toContain('<td>422</td><td>declared</td><td>The payment was refused.</td><td>No</td>');
    // A GET has no key: no idempotency problems, and its 500 is retried without one.
    const get = sectionOf(page, 'op-getPayment');
    expect(get).not.toContain('idempotency-key-missing');
    expect(get).toMatch(/internal-error<\/a><\/td><td>[^<]+<\/td><td>Yes<\/td>/);
  });

  it('shows lint findings on the operation they are about, and explains a suppressed retry', async () => {
    const page = await html('fixtures/rule-unsafe-retry/openapi.yaml');
    const order = sectionOf(page, 'op-createOrder');
    expect(order).toContain('<strong>error unsafe-retry</strong>');
    expect(order).toContain('so the client makes one attempt');
    expect(order).not.toContain('<svg');
    expect(order).toContain('No (one attempt)');
    const payment = sectionOf(page, 'op-createPayment');
    expect(payment).not.toContain('unsafe-retry');
    expect(payment).toContain('<svg class="timeline"');
  });

  it('escapes everything the spec says, in HTML and in Markdown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'idemgen-reference-'));
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    await writeFile(
      join(dir, 'api.yaml'),
      [
        'openapi: 3.1.0',
        `info: { title: ${JSON.stringify(evil)}, version: "1</title>", description: ${JSON.stringify(evil)} }`,
        'x-retry: true',
        'paths:',
        `  "/x/<b>{id}":`,
        '    get:',
        '      operationId: getX',
        `      summary: ${JSON.stringify(evil)}`,
        `      tags: [${JSON.stringify(evil)}]`,
        '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
        `      responses: { "200": { description: ok }, "404": { description: ${JSON.stringify(`${evil} | *x*`)} } }`,
      ].join('\n'),
    );
    const result = await createReference({ spec: 'api.yaml', cwd: dir, format: 'both' });
    const page = result.files.get('index.html') ?? '';
    expect(page).not.toMatch(/<script>alert|<img|<b>|1<\/title>/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<script>/g)).toHaveLength(1);
    const markdown = result.files.get('reference.md') ?? '';
    expect(markdown).not.toMatch(/<script>alert|<img/);
    // Paths are code spans, where Markdown shows `<b>` as text.
    expect(markdown).toContain('## GET `/x/<b>{id}`');
    expect(markdown).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; \\| \\*x\\*',
    );
  });

  it('writes code spans that hold any text, also in a table cell', () => {
    expect(toMarkdownCode('/a_b/*c*')).toBe('`/a_b/*c*`');
    expect(toMarkdownCode('a`b')).toBe('``a`b``');
    expect(toMarkdownCode('`x`')).toBe('`` `x` ``');
    expect(toMarkdownCode('a|b\nc', { cell: true })).toBe('`a\\|b c`');
  });
});
