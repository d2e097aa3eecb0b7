/**
 * The `$ref` policy's settings reach the loader from the command line (`--ref-root`, `--allow-remote-refs`)
 * and from the config file (`refRoot` relative to the file, `allowRemoteRefs`, `specLimits`).
 */
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/support/run-cli.js';
import { FIXTURES } from './fixtures-dir.js';

const spec = (ref: string) =>
  `openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '${ref}' }\n`;

let dir: string;
let server: Server;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idemgen-ref-options-'));
  await mkdir(join(dir, 'api'));
  await writeFile(join(dir, 'shared.yaml'), 'type: string\n');
  await writeFile(join(dir, 'api/openapi.yaml'), spec('../shared.yaml'));
  server = createServer((_req, res) => res.end('type: string\n'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await writeFile(join(dir, 'api/remote.yaml'), spec(`${base}/schema.yaml`));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lint flags', () => {
  it('refuses /etc/passwd with exit 2 and names --ref-root; --ref-root / lifts it', async () => {
    const refused = await runCli(['lint', 'gen-hostile/ref-etc-passwd.yaml', '--format', 'json'], {
      cwd: FIXTURES,
    });
    expect(refused.code).toBe(2);
    const report = JSON.parse(refused.stdout);
    expect(report.diagnostics[0]).toMatchObject({ code: 'ref-outside-root', line: 14, column: 17 });
    expect(refused.stdout).not.toContain('root:x:0:0');
    const allowed = await runCli(['lint', 'gen-hostile/ref-etc-passwd.yaml', '--ref-root', '/'], {
      cwd: FIXTURES,
    });
    expect(allowed.stdout).not.toContain('ref-outside-root');
  });

  it('--allow-remote-refs takes one host per flag, before the spec', async () => {
    const refused = await runCli(['lint', 'api/remote.yaml'], { cwd: dir });
    expect(refused.stdout).toContain('ref-remote-not-allowed');
    const allowed = await runCli(['lint', '--allow-remote-refs', '127.0.0.1', 'api/remote.yaml'], {
      cwd: dir,
    });
    expect(allowed.stdout).not.toContain('ref-remote-not-allowed');
    expect(allowed.code).toBe(0);
  });
});

describe('--spec-limit', () => {
  it('lint: a limit from the command line, one per flag', async () => {
    const run = await runCli(
      ['lint', '--spec-limit', 'maxBytes=100', 'gen-hostile/openapi.yaml', '--format', 'json'],
      { cwd: FIXTURES },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics[0]).toMatchObject({ code: 'document-too-large' });
    const deep = await runCli(['lint', 'gen-hostile/openapi.yaml', '--spec-limit', 'maxDepth=3'], {
      cwd: FIXTURES,
    });
    expect(deep.stdout).toContain('spec-too-deep');
  });

  it('an unknown name or a bad value is a usage error', async () => {
    for (const value of ['maxBites=1', 'maxDepth=0', 'maxDepth=5000', 'maxBytes=1mb']) {
      const run = await runCli(['lint', 'gen-hostile/openapi.yaml', '--spec-limit', value], {
        cwd: FIXTURES,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--spec-limit "${value}"`);
    }
  });

  it('generate: the flag wins over the config key', async () => {
    const project = join(dir, 'limit-flag');
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, 'openapi.yaml'),
      spec('#/components/schemas/S').replace(
        'paths:',
        'components: { schemas: { S: { type: string } } }\npaths:',
      ),
    );
    const config = { spec: 'openapi.yaml', out: 'gen', specLimits: { maxBytes: 100 } };
    await writeFile(join(project, 'idemgen.config.json'), JSON.stringify(config));
    expect((await runCli(['generate', '--dry-run'], { cwd: project })).code).toBe(2);
    const run = await runCli(['generate', '--dry-run', '--spec-limit', 'maxBytes=100000'], { cwd: project });
    expect(run.code).toBe(0);
  }, 60_000);
});

describe('generate: config keys', () => {
  it('refRoot is relative to the config file', async () => {
    const project = join(dir, 'with-config');
    await mkdir(join(project, 'api'), { recursive: true });
    await writeFile(join(project, 'shared.yaml'), 'type: string\n');
    await writeFile(join(project, 'api/openapi.yaml'), spec('../shared.yaml'));
    const config = { spec: 'api/openapi.yaml', out: 'gen' };
    await writeFile(join(project, 'idemgen.config.json'), JSON.stringify(config));
    const refused = await runCli(['generate', '--dry-run'], { cwd: join(project, 'api') });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('ref-outside-root');
    await writeFile(join(project, 'idemgen.config.json'), JSON.stringify({ ...config, refRoot: '.' }));
    const allowed = await runCli(['generate', '--dry-run'], { cwd: join(project, 'api') });
    expect(allowed.stdout).not.toContain('ref-outside-root');
    expect(allowed.code).toBe(0);
  }, 60_000);

  it('allowRemoteRefs and specLimits are read from the config', async () => {
    const project = join(dir, 'remote-config');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'openapi.yaml'), spec(`${base}/schema.yaml`));
    const config = { spec: 'openapi.yaml', out: 'gen', allowRemoteRefs: ['127.0.0.1'] };
    await writeFile(join(project, 'idemgen.config.json'), JSON.stringify(config));
    const allowed = await runCli(['generate', '--dry-run'], { cwd: project });
    expect(allowed.code).toBe(0);
    await writeFile(
      join(project, 'idemgen.config.json'),
      JSON.stringify({ ...config, specLimits: { maxBytes: 100 } }),
    );
    const limited = await runCli(['generate', '--dry-run', '--format', 'json'], { cwd: project });
    expect(limited.code).toBe(2);
    expect(limited.stdout).toContain('document-too-large');
  }, 60_000);

  it('an unknown specLimits key is a config error', async () => {
    const project = join(dir, 'bad-config');
    await mkdir(project, { recursive: true });
    const config = { spec: 'openapi.yaml', out: 'gen', specLimits: { maxBites: 1 } };
    await writeFile(join(project, 'idemgen.config.json'), JSON.stringify(config));
    const run = await runCli(['generate', '--dry-run'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('maxBites');
  });
});
