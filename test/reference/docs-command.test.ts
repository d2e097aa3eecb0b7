import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support/run-cli.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'idemgen-docs-'));

describe('idemgen docs', () => {
  it('writes index.html, reference.md and the timelines, and says so', async () => {
    const out = await tempDir();
    const run = await runCli(['docs', 'examples/payments.yaml', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote index.html, reference.md, 3 timelines to ${out}.\n`);
    expect((await readdir(out)).sort()).toEqual(['index.html', 'reference.md', 'timelines']);
    const page = await readFile(join(out, 'index.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    // Self-contained: nothing is loaded from anywhere.
    expect(page).not.toMatch(/<(?:link|script|img)\b[^>]*\b(?:src|href)=/);
  });

  it('writes only the format asked for', async () => {
    const out = await tempDir();
    const html = await runCli(['docs', 'examples/payments.yaml', '-o', out, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(await readdir(out)).toEqual(['index.html']);
    const md = await runCli([
      'docs',
      'examples/payments.yaml',
      '-o',
      join(out, 'wiki'),
      '--format',
      'markdown',
    ]);
    expect(md.code).toBe(0);
    expect((await readdir(join(out, 'wiki'))).sort()).toEqual(['reference.md', 'timelines']);
  });

  it('shows lint findings without failing, and honours --rule', async () => {
    const out = await tempDir();
    const spec = 'fixtures/rule-unsafe-retry/openapi.yaml';
    const run = await runCli(['docs', spec, '-o', out, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(\d+ lint findings? shown in it; idemgen lint .* lists them\)/);
    expect(await readFile(join(out, 'reference.md'), 'utf8')).toContain('**error unsafe-retry**');
    const off = await runCli(['docs', spec, '-o', out, '--format', 'markdown', '--rule', 'unsafe-retry=off']);
    expect(off.code).toBe(0);
    expect(await readFile(join(out, 'reference.md'), 'utf8')).not.toContain('**error unsafe-retry**');
  });

  it('exits 2 with the diagnostics when the spec cannot be read, writing nothing', async () => {
    const out = join(await tempDir(), 'site');
    const run = await runCli(['docs', 'fixtures/cli-broken-yaml/openapi.yaml', '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('yaml-syntax');
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 2 on usage mistakes: no -o, an unknown format, an unknown rule', async () => {
    for (const argv of [
      ['docs', 'examples/payments.yaml'],
      ['docs', 'examples/payments.yaml', '-o', 'x', '--format', 'pdf'],
      ['docs', 'examples/payments.yaml', '-o', 'x', '--rule', 'no-such-rule=off'],
    ]) {
      const run = await runCli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain("Run 'idemgen docs --help' for usage.");
    }
  });

  it('renders through an override of its template, and names a broken one without a stack trace', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'tpl', 'reference'), { recursive: true });
    await writeFile(
      join(cwd, 'tpl', 'reference', 'reference.md.hbs'),
      '# {{md title}} has {{operations.length}}\n',
    );
    const spec = join(process.cwd(), 'examples/payments.yaml');
    const run = await runCli(['docs', spec, '-o', 'out', '--format', 'markdown', '--templates', 'tpl'], {
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(cwd, 'out', 'reference.md'), 'utf8')).toBe('# Payments has 3\n');
    await writeFile(join(cwd, 'tpl', 'reference', 'reference.md.hbs'), '{{nope}}\n');
    const broken = await runCli(['docs', spec, '-o', 'out', '--format', 'markdown', '--templates', 'tpl'], {
      cwd,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/reference\.md\.hbs: .*"nope" not defined/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});
