/**
 * The server benchmark's scenarios without sockets or a load generator, for bench/server.ts:
 * `server-inprocess.ts <compiled idempotent dir> <compiled plain dir> <requests per run>` prints one JSON
 * line `{ bare, plain, newKeys, replays, peerNewKeys, peerReplays }`, each the median µs per request over 3 runs (the scenarios take
 * turns run by run). Each request is a real `IncomingMessage` and `ServerResponse` on a socket that discards
 * what it is written, so Node's HTTP code runs as it does for a server, but nothing waits on the kernel or on
 * another process: on this VM the socket figures drift by a third from one minute to the next, these by a
 * few percent, so they show what a change to the server costs. `bare` is bench/server-child.ts's bare
 * `node:http` handler (no routing, no validation, no idempotency), the baseline of `peer*`, its
 * @node-idempotency/core variant.
 */
import { randomUUID } from 'node:crypto';
import { median } from './measure.js';
import { type NodeHandler, nodeIdempotencyHandler } from './server-handlers.js';
import { generatedHandler, post } from './server-inprocess-request.js';

async function main(): Promise<void> {
  const [idemDir, plainDir, count] = process.argv.slice(2);
  const requests = Number(count ?? 50_000);
  const idem = await generatedHandler(idemDir ?? '');
  const plain = await generatedHandler(plainDir ?? '');
  const bare = await nodeIdempotencyHandler(false);
  const peer = await nodeIdempotencyHandler(true);
  const replayKeys = Array.from({ length: 100 }, () => randomUUID());
  for (const key of replayKeys) {
    await post(idem, key);
    await post(peer, key);
  }
  const scenarios: Record<string, [NodeHandler, (index: number) => string]> = {
    bare: [bare, () => randomUUID()],
    plain: [plain, () => randomUUID()],
    newKeys: [idem, () => randomUUID()],
    replays: [idem, (index) => replayKeys[index % replayKeys.length]!],
    peerNewKeys: [peer, () => randomUUID()],
    peerReplays: [peer, (index) => replayKeys[index % replayKeys.length]!],
  };
  for (const [name, [handler]] of Object.entries(scenarios)) {
    const status = await post(handler, randomUUID());
    if (status !== 201) throw new Error(`${name}: status ${status}`);
  }
  const runs: Record<string, number[]> = {};
  // A warm-up run, then 3 measured; the scenarios take turns.
  for (let run = 0; run < 4; run++) {
    for (const [name, [handler, key]] of Object.entries(scenarios)) {
      const start = performance.now();
      for (let index = 0; index < requests; index++) await post(handler, key(index));
      const perRequest = ((performance.now() - start) * 1000) / requests;
      if (run > 0) runs[name] = [...(runs[name] ?? []), perRequest];
    }
  }
  const result = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values)]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
