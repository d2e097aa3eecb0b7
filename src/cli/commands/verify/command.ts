import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from '../../command-context.js';
import { VERIFY_FORMATS, type VerifyArgs } from './args.js';

const repeatable = (describe: string) =>
  ({
    type: 'string',
    array: true,
    nargs: 1,
    default: [] as string[],
    defaultDescription: 'none',
    describe,
  }) as const;

/** `idemgen verify <spec> --base-url <url>`: contract tests under simulated faults against a running server. */
export function verifyCommand(context: CommandContext): CommandModule<object, VerifyArgs> {
  return {
    command: 'verify <spec>',
    describe:
      "Check that a running server keeps the spec's idempotency and error promises, under injected faults",
    builder: (y: Argv) =>
      y
        .positional('spec', {
          type: 'string',
          demandOption: true,
          describe: 'The OpenAPI document: a file path or an http(s) URL',
        })
        .nargs('spec', 1)
        .option('base-url', {
          type: 'string',
          requiresArg: true,
          describe: 'The running server (default: verify.baseUrl in the config)',
        })
        .option(
          'operation',
          repeatable(
            'Verify this operation (id or operationId; repeatable). Default: every operation with x-idempotency',
          ),
        )
        .option('tag', repeatable('Verify the operations with this tag (repeatable)'))
        .option(
          'header',
          repeatable("Send this header with every request: 'Name: value' (repeatable; for auth)"),
        )
        .option(
          'path-param',
          repeatable('A path parameter value for every operation: <name>=<value> (repeatable)'),
        )
        .option('body', repeatable("The JSON body for one operation: <operation>='<json>' (repeatable)"))
        .option('concurrency', {
          type: 'number',
          requiresArg: true,
          describe: 'Requests sent at once by concurrent-duplicates (2-100, default 5)',
        })
        .option('timeout', {
          type: 'string',
          requiresArg: true,
          describe: "One request's limit: 500ms, 10s, ... (default 10s)",
        })
        .option('dry-run', {
          type: 'boolean',
          describe: 'List every request verify would send, and send nothing',
        })
        .option('allow-writes', {
          type: 'boolean',
          describe: 'Send the probes (writes) to a host that is not loopback',
        })
        .option('format', {
          choices: VERIFY_FORMATS,
          default: 'table' as const,
          requiresArg: true,
          describe: 'Output format',
        })
        .option('junit', {
          type: 'string',
          requiresArg: true,
          describe: 'Also write a JUnit XML report to this file',
        })
        .option('config', {
          type: 'string',
          requiresArg: true,
          describe: 'The config file (default: idemgen.config.* found upward from here)',
        })
        .example('$0 verify api.yaml --base-url http://127.0.0.1:3000', 'Verify a local server')
        .example('$0 verify api.yaml --base-url http://127.0.0.1:3000 --junit verify.xml', 'In CI')
        .example(
          '$0 verify api.yaml --base-url https://staging.example.com --dry-run',
          'List the requests first',
        ),
    handler: async (args) => {
      const { runVerifyCommand } = await import('./run.js');
      context.setExitCode(await runVerifyCommand({ args, context }));
    },
  };
}
