import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGenerateOptions } from '../src/generate-options.js';

describe('resolveGenerateOptions', () => {
  it('applies every default once', () => {
    expect(resolveGenerateOptions({ spec: 'api.yaml', cwd: '/project' })).toEqual({
      targets: ['client', 'server'],
      mode: 'none',
      runtime: 'copy',
      responseValidators: false,
      maxBodyBytes: undefined,
      choices: { store: null, adapter: null, problemTypeBase: null },
      outDir: undefined,
      templatesDir: undefined,
      checkSyntax: true,
      manifest: false,
      clean: false,
      dumpContext: false,
    });
  });

  it('keeps what is given, with directories against cwd and sizes in bytes', () => {
    const resolved = resolveGenerateOptions({
      spec: 'api.yaml',
      cwd: '/project',
      target: 'server',
      outDir: 'gen',
      templates: 'tpl',
      maxBodySize: '2kb',
      checkSyntax: false,
      choices: { store: 'redis' },
    });
    expect(resolved.targets).toEqual(['server']);
    expect(resolved.outDir).toBe(resolve('/project', 'gen'));
    expect(resolved.templatesDir).toBe(resolve('/project', 'tpl'));
    expect(resolved.maxBodyBytes).toBe(2048);
    expect(resolved.checkSyntax).toBe(false);
    expect(resolved.choices).toEqual({ store: 'redis', adapter: null, problemTypeBase: null });
  });

  it('refuses a maxBodySize that is not a size', () => {
    expect(() => resolveGenerateOptions({ spec: 'api.yaml', maxBodySize: 'lots' })).toThrow(TypeError);
  });
});
