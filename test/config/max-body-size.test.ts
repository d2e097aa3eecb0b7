/** The config's maxBodySize: validated by the config schema, inherited by projects, handed to generate(). */
import { describe, expect, it } from 'vitest';
import { resolveProjects } from '../../src/config/resolve-projects.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { generate } from '../../src/generate.js';

const file = '/proj/idemgen.config.json';

describe('maxBodySize in the config', () => {
  it.each([2048, '512kb', '10MB', '1.5mb'])('accepts %j', (maxBodySize) => {
    expect(validateConfig({ config: { spec: 'a.yaml', out: 'gen', maxBodySize }, file })).toMatchObject({
      maxBodySize,
    });
  });

  it.each([0, -5, 1.5, '0kb', 'lots', '1tb', true])('refuses %j', (maxBodySize) => {
    expect(() => validateConfig({ config: { spec: 'a.yaml', out: 'gen', maxBodySize }, file })).toThrow(
      /maxBodySize/,
    );
  });

  it('is shared by projects that do not set their own', () => {
    const projects = resolveProjects({
      loaded: {
        file,
        config: {
          maxBodySize: '2mb',
          projects: [
            { spec: 'a.yaml', out: 'a' },
            { spec: 'b.yaml', out: 'b', maxBodySize: 100 },
          ],
        },
      },
      flags: {},
      cwd: '/proj',
    });
    expect(projects.map((project) => project.maxBodySize)).toEqual(['2mb', 100]);
  });

  it('generate() refuses a maxBodySize that is not a size before reading the spec', async () => {
    await expect(generate({ spec: 'does-not-matter.yaml', maxBodySize: 'lots' })).rejects.toThrow(TypeError);
  });
});
