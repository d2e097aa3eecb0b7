/**
 * --watch in-process: runGenerate with an AbortSignal; each wait is bounded and ends on the watcher's own
 * event (the cycle's status line), never on a sleep.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerateArgs } from '../../../src/cli/commands/generate/args.js';
import { runGenerate } from '../../../src/cli/commands/generate/run.js';
import { resolveIo } from '../../../src/cli/io.js';
import { tempProject } from '../../config/temp-project.js';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

function startWatch(cwd: string) {
  let stderr = '';
  let stdout = '';
  const waiters: Array<{ text: string; count: number; resolve: () => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (stderr.split(w.text).length - 1 >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const io = resolveIo({
    cwd,
    isTTY: false,
    env: {},
    stdin: Readable.from(['']),
    stdout: { write: (c: string) => (stdout += c) },
    stderr: {
      write: (c: string) => {
        stderr += c;
        check();
      },
    },
  });
  const controller = new AbortController();
  controllers.push(controller);
  const args = {
    spec: 'openapi.yaml',
    out: 'gen',
    runtime: 'package',
    target: 'client',
    rule: [],
    watch: true,
    format: 'stylish',
  } as unknown as GenerateArgs;
  const done = runGenerate({ args, context: { io, setExitCode: () => {} }, signal: controller.signal });
  /** Resolves once `text` has appeared `count` times on stderr; fails after 10 s. */
  const waitFor = (text: string, count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${text}" x${count} within 10 s:\n${stderr}`)),
        10_000,
      );
      waiters.push({
        text,
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      check();
    });
  return { waitFor, done, controller, output: () => ({ stdout, stderr }) };
}

describe('generate --watch', () => {
  it('regenerates after an edit to the spec and to a file it $refs; reports errors and keeps going', async () => {
    const cwd = tempProject('tpl-small');
    const watch = startWatch(cwd);
    await watch.waitFor('watching (Ctrl-C to stop)', 1);
    const orders = join(cwd, 'gen/client/orders.ts');
    expect(readFileSync(orders, 'utf8')).not.toContain('createInvoice');

    const spec = readFileSync(join(cwd, 'openapi.yaml'), 'utf8');
    writeFileSync(
      join(cwd, 'openapi.yaml'),
      spec.replace('operationId: createOrder', 'operationId: createInvoice'),
    );
    await watch.waitFor('regenerated after a change to openapi.yaml', 1);
    expect(readFileSync(orders, 'utf8')).toContain('createInvoice');

    writeFileSync(
      join(cwd, 'schemas/order.yaml'),
      'type: object\nproperties:\n  quantity: { type: integer }\n',
    );
    await watch.waitFor('regenerated after a change to schemas/order.yaml', 1);
    expect(readFileSync(join(cwd, 'gen/schema.ts'), 'utf8')).toContain('quantity');

    writeFileSync(join(cwd, 'openapi.yaml'), 'openapi: 3.1.0\ninfo: [broken\n');
    await watch.waitFor('regenerated after a change to openapi.yaml', 2);
    expect(watch.output().stdout).toContain('error');

    writeFileSync(
      join(cwd, 'openapi.yaml'),
      spec.replace('operationId: createOrder', 'operationId: placeOrder'),
    );
    await watch.waitFor('regenerated after a change to openapi.yaml', 3);
    expect(readFileSync(orders, 'utf8')).toContain('placeOrder');

    watch.controller.abort();
    await expect(watch.done).resolves.toBe(0);
  }, 30_000);
});
