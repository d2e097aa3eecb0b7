import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileToDisplayPath } from '../../../src/cli/report/display-path.js';
import { createPaint } from '../../../src/cli/report/palette.js';
import { createSourceReader } from '../../../src/cli/report/source-reader.js';

describe('fileToDisplayPath', () => {
  it.each([
    { file: '/work/api/openapi.yaml', cwd: '/work/api', shown: 'openapi.yaml' },
    { file: '/work/api/specs/a.yaml', cwd: '/work/api', shown: 'specs/a.yaml' },
    { file: '/work/other/a.yaml', cwd: '/work/api', shown: '../other/a.yaml' },
    { file: 'specs/a.yaml', cwd: '/work/api', shown: 'specs/a.yaml' },
    { file: '<stdin>', cwd: '/work/api', shown: '<stdin>' },
    { file: 'https://example.com/openapi.yaml', cwd: '/work/api', shown: 'https://example.com/openapi.yaml' },
  ])('$file from $cwd is $shown', ({ file, cwd, shown }) => {
    expect(fileToDisplayPath({ file, cwd })).toBe(shown);
  });
});

describe('createPaint', () => {
  it('wraps text in ANSI codes only when enabled', () => {
    expect(createPaint(true)('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPaint(false)('red', 'x')).toBe('x');
  });
});

describe('createSourceReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idemgen-reader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads relative and absolute paths once, and nothing for stdin, URLs or missing files', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'first');
    const read = createSourceReader({ cwd: dir, texts: new Map([['<stdin>', 'from stdin']]) });
    expect(read('a.yaml')).toEqual(['first']);
    writeFileSync(file, 'second\r\nthird');
    expect(read('a.yaml')).toEqual(['first']);
    expect(read(file)).toEqual(['second', 'third']);
    expect(read('<stdin>')).toEqual(['from stdin']);
    expect(read('https://example.com/a.yaml')).toBeUndefined();
    expect(read('missing.yaml')).toBeUndefined();
  });
});
