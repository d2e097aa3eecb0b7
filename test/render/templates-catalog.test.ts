import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../src/render/handlebars.js';
import { describeTemplate, TEMPLATE_CATALOG, TEMPLATES, templateOutput } from '../../src/render/templates.js';

describe('the template catalog', () => {
  it('lists every built-in template once, and nothing else', () => {
    const ids = TEMPLATE_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(listTemplates());
  });

  it('is the table of docs/templates.md, row for row', () => {
    const docs = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');
    const rows = docs.split('\n').filter((line) => /^\| `[^`]+\.hbs` \|/.test(line));
    const expected = TEMPLATE_CATALOG.map(
      (entry) => `| \`${entry.id}\` | \`${entry.output}\`: ${entry.purpose} |`,
    );
    expect(rows).toEqual(expected);
  });

  it('names the file each template renders, per group where it renders one per group', () => {
    expect(templateOutput(TEMPLATES.clientOperations, 'orders')).toBe('client/orders.ts');
    expect(templateOutput(TEMPLATES.serverIndex)).toBe('server/index.ts');
    expect(() => templateOutput(TEMPLATES.serverHandlers)).toThrow(/one file per group/);
    expect(describeTemplate(TEMPLATES.clientIndex)).toBe(
      'client/index.ts: re-exports the runtime and every group',
    );
  });
});
