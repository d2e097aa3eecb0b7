import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build-package.js';
import { runCli } from './support/run-cli.js';

const ERRORS = 'fixtures/cli-errors/openapi.yaml';
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('idemgen: usage errors exit 2 with a message and no stack', () => {
  it.each([
    { name: 'no command', argv: [], message: 'Name a command.', help: "Run 'idemgen --help'" },
    {
      name: 'an unknown command',
      argv: ['frob'],
      message: 'Unknown argument: frob',
      help: "Run 'idemgen --help'",
    },
    {
      name: 'an unknown flag',
      argv: ['lint', ERRORS, '--bogus'],
      message: 'Unknown argument: bogus',
      help: 'lint',
    },
    { name: 'a missing spec', argv: ['lint'], message: 'Not enough non-option arguments', help: 'lint' },
    {
      name: 'an unknown format',
      argv: ['lint', ERRORS, '--format', 'xml'],
      message: 'Given: "xml"',
      help: 'lint',
    },
    {
      name: 'an unknown rule',
      argv: ['lint', ERRORS, '--rule', 'no-such-rule=warn'],
      message: 'no-such-rule',
      help: 'lint',
    },
    {
      name: 'a bad severity',
      argv: ['lint', ERRORS, '--rule', 'unsafe-retry=loud'],
      message: 'loud',
      help: 'lint',
    },
  ])('$name', async ({ argv, message, help }) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(help === 'lint' ? "Run 'idemgen lint --help' for usage." : help);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('idemgen: help and version', () => {
  it('lint --help describes the spec argument and every flag', async () => {
    const run = await runCli(['lint', '--help']);
    expect(run.code).toBe(0);
    for (const text of [
      'idemgen lint <spec>',
      '--format',
      '"stylish"',
      '"json"',
      '--rule',
      '--color',
      'stdin',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('--help lists the lint command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/idemgen lint <spec>/);
  });

  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
