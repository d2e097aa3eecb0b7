import { readFile } from 'node:fs/promises';
import yargs from 'yargs';
import { type CommandContext, EXIT_CODES } from './command-context.js';
import { docsCommand } from './commands/docs/command.js';
import { generateCommand } from './commands/generate/command.js';
import { initCommand } from './commands/init/command.js';
import { lintCommand } from './commands/lint/command.js';
import { scaffoldCommand } from './commands/scaffold/command.js';
import { templatesCommand } from './commands/templates/command.js';
import { verifyCommand } from './commands/verify/command.js';
import { fileSystemErrorToMessage, isFileSystemError } from './file-system-error.js';
import { type CliIo, resolveIo } from './io.js';
import { isUsageError, UsageError } from './usage-error.js';

const COMMANDS = ['lint', 'generate', 'templates', 'init', 'docs', 'scaffold', 'verify'] as const;

/**
 * The CLI: argv (without `node` and the script) -> exit code. Usage mistakes print a message to stderr and
 * resolve to 2, and so do file system refusals (an output directory that cannot be written); anything else
 * that throws is a bug in idemgen and rejects (bin/idemgen.js prints the stack).
 * Tests pass `io` to capture output and to fake the terminal, the working directory and stdin.
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const resolved = resolveIo(io);
  let exitCode: number = EXIT_CODES.ok;
  const context: CommandContext = {
    io: resolved,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const cli = yargs(argv)
    .scriptName('idemgen')
    .usage('$0 <command> [options]\n\nContract-first OpenAPI code generator with retries and idempotency.')
    .command(lintCommand(context))
    .command(generateCommand(context))
    .command(templatesCommand(context))
    .command(initCommand(context))
    .command(scaffoldCommand(context))
    .command(verifyCommand(context))
    .command(docsCommand(context))
    .demandCommand(1, 'Name a command.')
    .strict()
    .recommendCommands()
    .version(await readVersion())
    .help()
    .alias('h', 'help')
    .wrap(resolved.isTTY ? Math.min(100, process.stdout.columns || 80) : 100)
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // recommendCommands reports only its suggestion; say what was wrong first.
      const text = message?.startsWith('Did you mean') ? `Unknown command: ${argv[0]}. ${message}` : message;
      throw new UsageError(text ?? 'Invalid usage.');
    });

  try {
    let output = '';
    await cli.parseAsync(argv, {}, (_error, _args, text) => {
      output = text ?? '';
    });
    // --help and --version: yargs hands us the text instead of printing it.
    if (output) resolved.stdout.write(`${output}\n`);
    return exitCode;
  } catch (error) {
    if (isFileSystemError(error)) {
      resolved.stderr.write(`idemgen: ${fileSystemErrorToMessage(error)}\n`);
      return EXIT_CODES.usage;
    }
    if (!isUsageError(error)) throw error;
    resolved.stderr.write(`idemgen: ${error.message}\n${helpPointer(error.command ?? commandIn(argv))}\n`);
    return EXIT_CODES.usage;
  }
}

function commandIn(argv: readonly string[]): string | undefined {
  return COMMANDS.find((name) => argv.includes(name));
}

function helpPointer(command: string | undefined): string {
  return `Run 'idemgen ${command ? `${command} ` : ''}--help' for usage.`;
}

async function readVersion(): Promise<string> {
  // src/cli/main.ts and dist/cli/main.js both sit two levels below package.json.
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
