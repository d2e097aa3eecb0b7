/** docs/cli.md is checked against yargs: every option any command knows appears in it, and every command. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const DOC = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
const COMMANDS = [
  [],
  ['lint'],
  ['generate'],
  ['templates', 'list'],
  ['templates', 'eject'],
  ['init'],
  ['scaffold', 'handlers'],
  ['verify'],
  ['docs'],
];

async function flagsOf(command: string[]): Promise<string[]> {
  const help = (await runCli([...command, '--help'])).stdout;
  const options = help.slice(help.indexOf('Options:'));
  return [...new Set(options.match(/(?<![\w-])--?[a-z][\w-]*/g) ?? [])];
}

describe('docs/cli.md', () => {
  it.each(COMMANDS.map((command) => ({ name: command.join(' ') || '(global)', command })))(
    'documents every option of $name',
    async ({ command }) => {
      const flags = await flagsOf(command);
      expect(flags.length).toBeGreaterThan(0);
      const missing = flags.filter((flag) => !DOC.includes(`\`${flag}`));
      expect(missing).toEqual([]);
    },
  );

  it('documents every command', async () => {
    const help = (await runCli(['--help'])).stdout;
    const commands = [...help.matchAll(/^ {2}idemgen (\w+)/gm)].map((m) => m[1]);
    expect(commands.sort()).toEqual(['docs', 'generate', 'init', 'lint', 'scaffold', 'templates', 'verify']);
    for (const name of commands) expect(DOC).toContain(`## \`idemgen ${name}`);
  });
});
