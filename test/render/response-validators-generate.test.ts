import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

const serverFiles = async (responseValidators: boolean | undefined) => {
  const result = await generate({
    spec: 'examples/payments.yaml',
    target: 'server',
    runtime: 'package',
    ...(responseValidators === undefined ? {} : { responseValidators }),
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.syntaxProblems).toEqual([]);
  const text = (path: string) => result.files.find((file) => file.path === path)?.contents ?? '';
  return {
    routes: text('server/routes.js'),
    js: text('server/validators.js'),
    dts: text('server/validators.d.ts'),
  };
};

describe('generate({ responseValidators })', () => {
  it('wires a response validator into every route when on', async () => {
    const { routes: table, js, dts } = await serverFiles(true);
    const routes = table.split('\n').filter((line) => line.includes('validate: __validators.'));
    expect(routes.length).toBeGreaterThan(0);
    for (const line of routes) {
      const name = /validateResponse: __validators\.(\w+)/.exec(line)?.[1];
      expect(name, line).toBeDefined();
      expect(js).toContain(`export function ${name}(status, body)`);
      expect(dts).toContain(`export declare function ${name}(status: number, body: unknown)`);
    }
  }, 60_000);

  it.each([
    ['absent', undefined],
    ['false', false],
  ] as const)(
    'generates no response validators when %s',
    async (_label, option) => {
      const { routes, js } = await serverFiles(option);
      expect(routes).toContain('validate: __validators.');
      expect(routes).not.toContain('validateResponse');
      expect(js).not.toContain('idemgenCheckResponse');
    },
    60_000,
  );
});
