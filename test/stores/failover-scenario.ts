/**
 * The failover scenario, the same for every topology and client: two servers (each with its own engine and
 * its own Redis client, as two processes would have) share one Redis store; keys are sent to both while the
 * master holding the first key's record is SIGKILLed mid-handler. It returns what happened; the test asserts.
 */
import { randomUUID } from 'node:crypto';
import type { IdempotencyStore } from '../../src/runtime/idempotency/store.js';
import {
  type Answer,
  type EngineEvent,
  type FailoverServer,
  sendUntilDone,
  startFailoverServer,
  storeKeyOf,
} from './failover-harness.js';

export interface OpenedStore {
  store: IdempotencyStore;
  close(): Promise<void>;
}

export interface FailoverScenario {
  label: string;
  /** A store over a fresh client (one per server), with `prefix`. */
  open(prefix: string): Promise<OpenedStore>;
  /** The port of the master holding the Redis key `redisKey` now. */
  masterOf(redisKey: string): number;
  kill(port: number): Promise<void>;
}

export interface FailoverRun {
  keys: string[];
  fresh: string[];
  effects: Map<string, number>;
  answers: Answer[];
  events: EngineEvent[];
  done: boolean[];
  victim: number;
  firstKey: string;
  /** The first key's store key: its completion is the one the kill interrupts. */
  firstStoreKey: string;
  /** Milliseconds from the kill until every key of the first wave had its outcome. */
  recoveredMs: number;
  /** Milliseconds the whole scenario took. */
  totalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFailoverScenario(
  scenario: FailoverScenario,
  options: { keys?: number; fresh?: number; leaseMs?: number; handlerMs?: number; budgetMs?: number } = {},
): Promise<FailoverRun> {
  const started = Date.now();
  const prefix = `idemgen-failover:${randomUUID()}:`;
  const effects = new Map<string, number>();
  const events: EngineEvent[] = [];
  const answers: Answer[] = [];
  const opened: OpenedStore[] = [];
  const servers: FailoverServer[] = [];
  try {
    for (let index = 0; index < 2; index++) {
      const { store, close } = await scenario.open(prefix);
      opened.push({ store, close });
      servers.push(
        await startFailoverServer({
          index,
          store,
          leaseMs: options.leaseMs ?? 15_000,
          handlerMs: options.handlerMs ?? 800,
          effects,
          events,
        }),
      );
    }
    const urls = servers.map((server) => server.url);
    const keys = Array.from({ length: options.keys ?? 24 }, (_, i) => `${scenario.label}-${prefix}${i}`);
    const firstKey = keys[0]!;
    const firstStoreKey = await storeKeyOf(firstKey);
    const victim = scenario.masterOf(`${prefix}${firstStoreKey}`);
    const deadline = Date.now() + (options.budgetMs ?? 40_000);

    const sends = keys.map(async (key, i) => {
      await sleep(i * 40);
      return sendUntilDone({ urls, key, first: i, duplicates: 2, deadline, answers });
    });
    // Kill the master while the first key's handler runs: its claim is stored there, its completion is not.
    for (let waited = 0; !effects.has(firstKey); waited += 10) {
      if (waited > 10_000) throw new Error('the first handler never started');
      await sleep(10);
    }
    await sleep(100);
    const killedAt = Date.now();
    await scenario.kill(victim);
    const done = await Promise.all(sends);
    const recoveredMs = Date.now() - killedAt;

    // Recovery without a restart: keys sent after the failover complete too, on every shard.
    const fresh = Array.from(
      { length: options.fresh ?? 12 },
      (_, i) => `${scenario.label}-fresh-${prefix}${i}`,
    );
    const freshDone = await Promise.all(
      fresh.map((key, i) =>
        sendUntilDone({ urls, key, first: i, duplicates: 1, deadline: Date.now() + 15_000, answers }),
      ),
    );
    // Let background completions finish before the clients close.
    for (let waited = 0; servers.some((server) => server.engine.pendingCompletions.size > 0); waited += 50) {
      if (waited > 15_000) break;
      await sleep(50);
    }
    return {
      keys,
      fresh,
      effects,
      answers,
      events,
      done: [...done, ...freshDone],
      victim,
      firstKey,
      firstStoreKey,
      recoveredMs,
      totalMs: Date.now() - started,
    };
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(opened.map((store) => store.close().catch(() => {})));
  }
}
