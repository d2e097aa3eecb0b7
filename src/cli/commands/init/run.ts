/** The work of `idemgen init`: write the starter files, refusing to overwrite any unless --force. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { makeDirectory } from '../../../render/make-directory.js';
import { type CommandContext, EXIT_CODES, type ExitCode } from '../../command-context.js';
import type { InitArgs } from './args.js';

const EXAMPLE_SPEC = new URL('../../../../examples/payments.yaml', import.meta.url);

const JSON_CONFIG = `{
  "$schema": "./node_modules/idemgen/src/config/config.schema.json",
  "spec": "openapi.yaml",
  "out": "src/generated",
  "target": "both",
  "runtime": "copy",
  "clean": true
}
`;

const MJS_CONFIG = `// idemgen's config: see docs/config.md. Paths are relative to this file; command-line flags override it.
import { defineConfig } from 'idemgen';

export default defineConfig({
  spec: 'openapi.yaml',
  out: 'src/generated',
  // 'client', 'server' or 'both'.
  target: 'both',
  // 'copy' puts the runtime in src/generated/runtime (no dependency); 'package' imports it from idemgen.
  runtime: 'copy',
  // Delete files idemgen wrote before and no longer generates.
  clean: true,
  // Rule severities: 'error', 'warn' or 'off'.
  rules: { 'retry-permanent-status': 'warn' },
  // Templates overriding the built-ins file by file: run \`idemgen templates eject\` to start from them.
  // templates: 'idemgen-templates',
  // Custom Handlebars helpers and partials for your templates.
  // helpers: { upper: (text) => String(text).toUpperCase() },
  // partials: { banner: '// {{apiTitle}}' },
});
`;

const SPEC_BANNER = `# An example spec annotated for idemgen, copied by \`idemgen init\`: replace it with your API.
# x-idempotency makes an operation deduplicate requests by an Idempotency-Key; x-retry says how the generated
# client retries. Both may sit at the root, on a path item or on an operation (the nearest wins).
# Reference: docs/extensions.md. Check it with \`idemgen lint openapi.yaml\`.
`;

export async function runInit(input: { args: InitArgs; context: CommandContext }): Promise<ExitCode> {
  const { args, context } = input;
  const { io } = context;
  const dir = resolve(io.cwd, args.dir);
  const configName = `idemgen.config.${args.format}`;
  const files = [
    { path: join(dir, configName), contents: args.format === 'json' ? JSON_CONFIG : MJS_CONFIG },
    { path: join(dir, 'openapi.yaml'), contents: SPEC_BANNER + (await readFile(EXAMPLE_SPEC, 'utf8')) },
  ];
  const show = (path: string): string => relative(io.cwd, path) || path;
  const existing = files.filter((file) => existsSync(file.path));
  if (existing.length > 0 && !args.force) {
    io.stderr.write(
      `idemgen: not overwriting ${existing.map((f) => show(f.path)).join(', ')}; use --force to replace.\n`,
    );
    return EXIT_CODES.usage;
  }
  await makeDirectory(dir);
  for (const file of files) {
    await writeFile(file.path, file.contents);
    io.stdout.write(`wrote ${show(file.path)}\n`);
  }
  const cd = relative(io.cwd, dir);
  io.stdout.write(`Next: ${cd ? `cd ${cd} && ` : ''}npx idemgen generate\n`);
  return EXIT_CODES.ok;
}
