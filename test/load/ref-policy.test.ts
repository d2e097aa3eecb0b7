/**
 * The `$ref` policy: files only inside the root spec's directory tree (or `refRoot`), checked after
 * symlinks; only regular files; every read size-limited; remote refs only from a remote root or an
 * allow-list, redirects checked hop by hop. Every refusal is a diagnostic at the `$ref`.
 */

import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadSpec } from '../../src/load/load.js';
import { isHostAllowed } from '../../src/load/ref-policy.js';
import { FIXTURES } from './fixtures-dir.js';

const SCHEMA_REF = '/paths/~1leak/get/responses/200/content/application~1json/schema/$ref';

function specWithRef(ref: string): string {
  return [
    'openapi: 3.1.0',
    'info: { title: t, version: "1" }',
    'paths:',
    '  /leak:',
    '    get:',
    '      operationId: leak',
    '      responses:',
    '        "200":',
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    `                $ref: '${ref}'`,
    '',
  ].join('\n');
}

describe('$ref to local files outside the spec tree', () => {
  it.each([
    ['ref-etc-passwd.yaml', 'ref-outside-root'],
    ['ref-file-url.yaml', 'ref-outside-root'],
    ['ref-proc-environ.yaml', 'ref-outside-root'],
    ['ref-dev-zero.yaml', 'ref-outside-root'],
  ])('%s is refused (%s), located at the $ref, nothing read', async (name, code) => {
    const source = `gen-hostile/${name}`;
    const { spec, diagnostics } = await loadSpec({ source, cwd: FIXTURES });
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code,
        severity: 'error',
        file: source,
        pointer: SCHEMA_REF,
        line: 14,
        column: 17,
      }),
    ]);
    expect(diagnostics[0]?.hint).toMatch(/--ref-root/);
    expect(diagnostics[0]?.hint).toMatch(/refRoot/);
  });

  it('lint() reports the refusal and the spec is unusable (no text of the file anywhere)', async () => {
    const result = await lint({ spec: 'gen-hostile/ref-etc-passwd.yaml', cwd: FIXTURES });
    expect(result.usable).toBe(false);
    expect(JSON.stringify(result)).not.toContain('root:x:0:0');
  });

  it('with refRoot "/", /dev/zero and /proc files are still refused as special files', async () => {
    for (const name of ['ref-dev-zero.yaml', 'ref-proc-environ.yaml']) {
      const { diagnostics } = await loadSpec({ source: `gen-hostile/${name}`, cwd: FIXTURES, refRoot: '/' });
      expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['ref-special-file', SCHEMA_REF]]);
    }
  });

  it('with refRoot "/", /etc/passwd is read (the override works)', async () => {
    const { diagnostics } = await loadSpec({
      source: 'gen-hostile/ref-etc-passwd.yaml',
      cwd: FIXTURES,
      refRoot: '/',
    });
    expect(diagnostics.map((d) => d.code)).not.toContain('ref-outside-root');
  });
});

describe('$ref in a temporary tree', () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idemgen-refs-'));
    outside = await mkdtemp(join(tmpdir(), 'idemgen-outside-'));
    await mkdir(join(dir, 'api/schemas'), { recursive: true });
    await writeFile(join(outside, 'secret.yaml'), 'type: string\ndescription: SECRET-TEXT\n');
    await writeFile(join(dir, 'api/schemas/ok.yaml'), 'type: string\n');
    await writeFile(join(dir, 'shared.yaml'), 'type: string\n');
    await symlink(join(outside, 'secret.yaml'), join(dir, 'api/schemas/link.yaml'));
    await symlink(outside, join(dir, 'api/linkdir'));
    execFileSync('mkfifo', [join(dir, 'api/fifo.yaml')]);
    await mkdir(join(dir, 'api/a-directory.yaml'));
    const specs: Record<string, string> = {
      'inside.yaml': './schemas/ok.yaml',
      'symlink.yaml': './schemas/link.yaml',
      'symlink-dir.yaml': './linkdir/secret.yaml',
      'fifo-ref.yaml': './fifo.yaml',
      'dir-ref.yaml': './a-directory.yaml',
      'parent.yaml': '../shared.yaml',
      'big-ref.yaml': './big.yaml',
    };
    for (const [name, ref] of Object.entries(specs))
      await writeFile(join(dir, 'api', name), specWithRef(ref));
    await writeFile(join(dir, 'api/big.yaml'), `type: string\ndescription: "${'x'.repeat(5000)}"\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  const codes = async (name: string, extra: { refRoot?: string; cwd?: string } = {}) =>
    (await loadSpec({ source: join(dir, 'api', name), ...extra })).diagnostics.map((d) => d.code);

  it('a file inside the tree loads', async () => {
    expect(await codes('inside.yaml')).toEqual([]);
  });

  it('a symlink out of the tree is refused, for a file and for a directory', async () => {
    expect(await codes('symlink.yaml')).toEqual(['ref-outside-root']);
    expect(await codes('symlink-dir.yaml')).toEqual(['ref-outside-root']);
  });

  it('a FIFO and a directory are refused as special files, without hanging', async () => {
    expect(await codes('fifo-ref.yaml')).toEqual(['ref-special-file']);
    expect(await codes('dir-ref.yaml')).toEqual(['ref-special-file']);
  });

  it('a parent directory is outside unless refRoot includes it', async () => {
    expect(await codes('parent.yaml')).toEqual(['ref-outside-root']);
    expect(await codes('parent.yaml', { refRoot: dir })).toEqual([]);
  });

  it('refRoot is relative to cwd', async () => {
    expect(await codes('parent.yaml', { refRoot: '..', cwd: join(dir, 'api') })).toEqual([]);
  });

  it('a referenced file over maxBytes is document-too-large at the $ref', async () => {
    const { diagnostics } = await loadSpec({
      source: join(dir, 'api/big-ref.yaml'),
      limits: { maxBytes: 4096 },
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'document-too-large', pointer: SCHEMA_REF }),
    ]);
    expect(diagnostics[0]?.hint).toMatch(/specLimits\.maxBytes/);
    expect(await codes('big-ref.yaml')).toEqual([]);
  });

  it('the root spec over maxBytes is document-too-large', async () => {
    const { spec, diagnostics } = await loadSpec({
      source: join(dir, 'api/big.yaml'),
      limits: { maxBytes: 100 },
    });
    expect(spec).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['document-too-large']);
  });

  it('a root spec that is a special file is refused', async () => {
    const { diagnostics } = await loadSpec({ source: '/dev/zero' });
    expect(diagnostics.map((d) => d.code)).toEqual(['ref-special-file']);
  });
});

describe('remote $refs', () => {
  let server: Server;
  let base: string;
  let otherBase: string;
  const requests: string[] = [];
  let dir: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.headers.host}${req.url}`);
      if (req.url === '/latest/meta-data/iam') return void res.end('type: string\ndescription: META\n');
      if (req.url === '/schema.yaml') return void res.end('type: string\n');
      if (req.url === '/to-other') {
        res.writeHead(302, { location: `${otherBase}/schema.yaml` });
        return void res.end();
      }
      if (req.url === '/root-elsewhere') {
        res.writeHead(302, { location: `${otherBase}/root/${encodeURIComponent('/schema.yaml')}` });
        return void res.end();
      }
      if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' });
        return void res.end();
      }
      if (req.url === '/huge') {
        res.write('type: string\ndescription: "');
        for (let i = 0; i < 100; i++) res.write('x'.repeat(1000));
        return void res.end('"\n');
      }
      if (req.url?.startsWith('/root/')) {
        const ref = decodeURIComponent(req.url.slice('/root/'.length));
        return void res.end(specWithRef(ref));
      }
      res.statusCode = 404;
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    otherBase = `http://localhost:${port}`;
    dir = await mkdtemp(join(tmpdir(), 'idemgen-remote-'));
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const local = async (ref: string, allowRemoteRefs?: string[]) => {
    const file = join(dir, `spec-${requests.length}-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, specWithRef(ref));
    return loadSpec({ source: file, allowRemoteRefs });
  };

  it('a local spec does not fetch an http $ref by default', async () => {
    requests.length = 0;
    const { diagnostics } = await local(`${base}/latest/meta-data/iam`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'ref-remote-not-allowed', pointer: SCHEMA_REF, line: 13 }),
    ]);
    expect(diagnostics[0]?.hint).toMatch(/--allow-remote-refs/);
    expect(diagnostics[0]?.hint).toMatch(/allowRemoteRefs/);
    expect(requests).toEqual([]);
  });

  it('follows it when the host is allowed, or with *', async () => {
    expect((await local(`${base}/schema.yaml`, ['127.0.0.1'])).diagnostics).toEqual([]);
    expect((await local(`${base}/schema.yaml`, ['*'])).diagnostics).toEqual([]);
    expect((await local(`${base}/schema.yaml`, ['example.com'])).diagnostics.map((d) => d.code)).toEqual([
      'ref-remote-not-allowed',
    ]);
  });

  it('refuses a redirect to a host outside the allow-list, without requesting it', async () => {
    requests.length = 0;
    const { diagnostics } = await local(`${base}/to-other`, ['127.0.0.1']);
    expect(diagnostics.map((d) => d.code)).toEqual(['ref-remote-not-allowed']);
    expect(diagnostics[0]?.message).toContain('localhost');
    expect(requests.filter((r) => r.startsWith('localhost'))).toEqual([]);
  });

  it('stops after 5 redirects', async () => {
    requests.length = 0;
    const { diagnostics } = await local(`${base}/loop`, ['127.0.0.1']);
    expect(diagnostics.map((d) => d.code)).toEqual(['ref-unresolved']);
    expect(diagnostics[0]?.message).toMatch(/redirect/);
    expect(requests.length).toBe(6);
  });

  it('stops reading a response over maxBytes', async () => {
    const file = join(dir, 'huge.yaml');
    await writeFile(file, specWithRef(`${base}/huge`));
    const { diagnostics } = await loadSpec({
      source: file,
      allowRemoteRefs: ['127.0.0.1'],
      limits: { maxBytes: 10_000 },
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['document-too-large']);
  });

  it('a remote root may reference its own host, not another one', async () => {
    const own = await loadSpec({ source: `${base}/root/${encodeURIComponent('/schema.yaml')}` });
    expect(own.diagnostics).toEqual([]);
    requests.length = 0;
    const other = await loadSpec({
      source: `${base}/root/${encodeURIComponent(`${otherBase}/schema.yaml`)}`,
    });
    expect(other.diagnostics.map((d) => d.code)).toEqual(['ref-remote-not-allowed']);
    expect(requests.filter((r) => r.startsWith('localhost'))).toEqual([]);
  });

  it('a remote root may redirect only to its own host or an allowed one', async () => {
    requests.length = 0;
    const refused = await loadSpec({ source: `${base}/root-elsewhere` });
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['ref-remote-not-allowed']);
    expect(requests.filter((r) => r.startsWith('localhost'))).toEqual([]);
    const allowed = await loadSpec({ source: `${base}/root-elsewhere`, allowRemoteRefs: ['localhost'] });
    expect(allowed.diagnostics).toEqual([]);
  });

  it('a remote root cannot reference local files', async () => {
    const { diagnostics } = await loadSpec({
      source: `${base}/root/${encodeURIComponent('file:///etc/passwd')}`,
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['ref-outside-root']);
  });
});

describe('isHostAllowed', () => {
  const policy = (hosts: string[]) => ({ rootId: '/x/openapi.yaml', hosts });
  it.each([
    [['api.example.com'], 'https://api.example.com/a.yaml', true],
    [['API.example.com'.toLowerCase()], 'https://Api.Example.com:8443/a.yaml', true],
    [['api.example.com:8443'], 'https://api.example.com:8443/a.yaml', true],
    [['api.example.com:8443'], 'https://api.example.com/a.yaml', false],
    [['*.example.com'], 'https://deep.api.example.com/a.yaml', true],
    [['*.example.com'], 'https://example.com.evil.test/a.yaml', false],
    [['*'], 'http://169.254.169.254/latest/meta-data', true],
    [['*'], 'ftp://example.com/a.yaml', false],
    [[], 'https://api.example.com/a.yaml', false],
  ])('%j allows %s: %s', (hosts, url, expected) => {
    expect(isHostAllowed(policy(hosts), new URL(url))).toBe(expected);
  });
});

describe('a spec tree reached through a symbolic link', () => {
  let real: string;
  let link: string;
  beforeAll(async () => {
    real = await mkdtemp(join(tmpdir(), 'idemgen-real-'));
    link = `${real}-link`;
    await mkdir(join(real, 'schemas'));
    await writeFile(join(real, 'schemas/ok.yaml'), 'type: string\n');
    await writeFile(join(real, 'openapi.yaml'), specWithRef('./schemas/ok.yaml'));
    await symlink(real, link);
  });
  afterAll(async () => {
    await rm(link, { force: true });
    await rm(real, { recursive: true, force: true });
  });

  it('loads: the tree and its files are compared by their real paths', async () => {
    const { diagnostics } = await loadSpec({ source: join(link, 'openapi.yaml') });
    expect(diagnostics).toEqual([]);
  });
});
