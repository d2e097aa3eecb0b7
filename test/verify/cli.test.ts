/**
 * `idemgen verify` through the CLI, in process: exit codes (0 pass, 1 a check failed, 2 bad input), the
 * refusal of non-loopback hosts, --dry-run sending nothing, the config's verify section, the table, JSON
 * and JUnit reports, credentials redacted, and the progress line on a terminal only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../cli/support/run-cli.js';
import { listenNode, type RunningServer } from '../e2e/helpers/server-adapters.js';
import { type BrokenServer, startPaymentsServer } from './broken-servers/payments-server.js';

const SPEC = resolve('examples/payments.yaml');
const TIMEOUT = 60_000;

let server: BrokenServer | RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A server that only counts what reaches it (and keeps the headers). */
async function startCounter(): Promise<RunningServer & { requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  const running = await listenNode(
    createServer((req, res) => {
      requests.push(req.headers);
      res.writeHead(500).end();
    }),
  );
  return { ...running, requests };
}

describe('idemgen verify', () => {
  it('refuses a host that is not loopback without --allow-writes (exit 2), before sending anything', async () => {
    const run = await runCli(['verify', SPEC, '--base-url', 'https://api.example.com/v1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Refusing to probe api.example.com');
    expect(run.stderr).toContain('--allow-writes');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every request with --dry-run and sends none, even to a remote host', async () => {
    const counter = await startCounter();
    server = counter;
    const local = await runCli([
      'verify',
      SPEC,
      '--base-url',
      counter.url,
      '--dry-run',
      '--header',
      'Authorization: Bearer s3cret',
    ]);
    expect(local.code).toBe(0);
    expect(counter.requests).toEqual([]);
    expect(local.stdout).toContain('nothing is sent');
    expect(local.stdout).toMatch(/replay:\n\s+first: POST \/payments/);
    expect(local.stdout).toContain('[through the fault proxy, answer dropped]');
    expect(local.stdout).toContain('Authorization: <redacted>');
    expect(local.stdout).not.toContain('s3cret');
    expect(local.stdout).toMatch(/upsertRefund \(PUT \/refunds\)[\s\S]*key-required: skipped/);
    const remote = await runCli(['verify', SPEC, '--base-url', 'https://api.example.com', '--dry-run']);
    expect(remote.code).toBe(0);
    expect(remote.stdout).toMatch(/^\d+ requests/m);
  });

  it.each([
    [['--base-url', 'not a url'], /not a URL/],
    [['--base-url', 'ftp://127.0.0.1/'], /http:\/\/ or https:\/\//],
    [[], /Name the server: --base-url/],
    [['--base-url', 'http://127.0.0.1:9', '--operation', 'nope'], /No such operation nope/],
    [['--base-url', 'http://127.0.0.1:9', '--concurrency', '1'], /--concurrency 1/],
    [['--base-url', 'http://127.0.0.1:9', '--body', 'createPayment={'], /not JSON/],
  ])('exits 2 on bad input %j', async (flags, message) => {
    const run = await runCli(['verify', SPEC, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it(
    'exits 1 and says so when the server is down, or refuses the request verify built',
    async () => {
      const gone = await startCounter();
      await gone.close();
      const down = await runCli(['verify', SPEC, '--base-url', gone.url, '--operation', 'createPayment']);
      expect(down.code).toBe(1);
      expect(down.stdout).toContain(`broken:   the request got no answer (ECONNREFUSED`);
      expect(down.stdout).toContain(`is the server running at ${gone.url}?`);
      const counter = await startCounter();
      server = counter;
      const refused = await runCli([
        'verify',
        SPEC,
        '--base-url',
        counter.url,
        '--operation',
        'createPayment',
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('the request verify built from the spec got status 500, not a 2xx');
    },
    TIMEOUT,
  );

  it('exits 2 when the spec cannot be loaded', async () => {
    const run = await runCli(['verify', 'missing.yaml', '--base-url', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml');
  });

  it(
    'exits 0 against a server that keeps the contract; prints the table, writes JUnit XML',
    async () => {
      server = await startPaymentsServer();
      dir = mkdtempSync(join(tmpdir(), 'idemgen-verify-'));
      const junit = join(dir, 'verify.xml');
      const run = await runCli([
        'verify',
        SPEC,
        '--base-url',
        server.url,
        '--operation',
        'createPayment',
        '--junit',
        junit,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^createPayment\s+replay\s+pass$/m);
      expect(run.stdout).toMatch(/9 checks: 9 passed, 0 failed, 0 skipped/);
      const xml = readFileSync(junit, 'utf8');
      expect(xml).toMatch(/<testsuites name="idemgen verify" tests="9" failures="0" errors="0" skipped="0"/);
      expect(xml).toMatch(
        /<testcase classname="idemgen.verify.createPayment" name="lost-response" time="[\d.]+"\/>/,
      );
    },
    TIMEOUT,
  );

  it(
    'exits 1 when a check fails, saying what was sent, what came back and which sentence broke',
    async () => {
      server = await startPaymentsServer('ignores-fingerprint');
      dir = mkdtempSync(join(tmpdir(), 'idemgen-verify-'));
      const junit = join(dir, 'verify.xml');
      const run = await runCli([
        'verify',
        SPEC,
        '--base-url',
        server.url,
        '--operation',
        'createPayment',
        '--junit',
        junit,
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^createPayment\s+fingerprint\s+FAIL$/m);
      expect(run.stdout).toContain('contract: The same key with a changed body is refused with 422.');
      expect(run.stdout).toContain('broken:   the same key with a changed body was accepted');
      expect(run.stdout).toMatch(/same key, changed body:\n\s+sent POST \/payments/);
      expect(run.stdout).toMatch(/got {2}201/);
      const xml = readFileSync(junit, 'utf8');
      expect(xml).toMatch(/<testsuite name="createPayment" tests="9" failures="1" errors="0" skipped="0"/);
      expect(xml).toMatch(
        /<failure message="the same key with a changed body was accepted[^"]*" type="fingerprint">/,
      );
    },
    TIMEOUT,
  );

  it(
    'reads baseUrl, headers and concurrency from the config; --format json; credentials redacted',
    async () => {
      const seen: IncomingHttpHeaders[] = [];
      const front = await startPaymentsServer(undefined, seen);
      server = front;
      dir = mkdtempSync(join(tmpdir(), 'idemgen-verify-'));
      const config = {
        verify: {
          baseUrl: front.url,
          headers: { Authorization: 'Bearer s3cret' },
          concurrency: 3,
          operations: ['createPayment'],
        },
      };
      writeFileSync(join(dir, 'idemgen.config.json'), JSON.stringify(config));
      const run = await runCli(['verify', SPEC, '--format', 'json'], { cwd: dir });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.summary.fail).toBe(0);
      const concurrent = report.results.find((r: { check: string }) => r.check === 'concurrent-duplicates');
      expect(concurrent.exchanges).toHaveLength(3);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h.authorization === 'Bearer s3cret')).toBe(true);
      expect(run.stdout).not.toContain('s3cret');
      expect(concurrent.exchanges[0].request.headers.Authorization).toBe('<redacted>');
    },
    TIMEOUT,
  );

  it(
    'draws a progress line on a terminal only, and clears it',
    async () => {
      server = await startPaymentsServer();
      const runWith = async (isTTY: boolean) => {
        let err = '';
        const code = await main(['verify', SPEC, '--base-url', server!.url, '--operation', 'createPayment'], {
          stdout: { write: () => true },
          stderr: Object.assign({ write: (c: string) => (err += c) }, { isTTY }),
          isTTY,
          cwd: process.cwd(),
          env: {},
          stdin: Readable.from(['']),
        });
        return { code, err };
      };
      const tty = await runWith(true);
      expect(tty.code).toBe(0);
      expect(tty.err).toContain('\r\u001b[2Kidemgen verify: 0/9 createPayment replay…');
      expect(tty.err.endsWith('\r\u001b[2K')).toBe(true);
      const piped = await runWith(false);
      expect(piped.err).toBe('');
    },
    TIMEOUT,
  );
});
