/**
 * What telemetry costs the server, in process (see bench/server-inprocess.ts for the method):
 * `server-inprocess-telemetry.ts <compiled idempotent dir> <requests per run>` prints one JSON line
 * `{ apiNewKeys, sdkNewKeys, apiReplays, sdkReplays }`, µs per request, medians of 3 runs taking turns.
 * `api*`: `@opentelemetry/api` loaded, nothing registered (the runtime finds an empty registry: the same
 * path as without the API). `sdk*`: the SDK registered and recording (spans batched to an exporter that drops
 * them, a meter provider aggregating, the AsyncLocalStorage context manager, the W3C propagator);
 * registered before and unregistered after each of its runs, so that the two take turns.
 */
import { randomUUID } from 'node:crypto';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { median } from './measure.js';
import { generatedHandler, post } from './server-inprocess-request.js';

const dropping = {
  export: (_spans: unknown, done: (result: { code: number }) => void) => done({ code: 0 }),
  shutdown: async () => {},
};
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropping)] });
const meterProvider = new MeterProvider();
const contextManager = new AsyncLocalStorageContextManager();

function register(): void {
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
}

function unregister(): void {
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
}

async function main(): Promise<void> {
  const [idemDir, count] = process.argv.slice(2);
  const requests = Number(count ?? 30_000);
  const idem = await generatedHandler(idemDir ?? '');
  const replayKeys = Array.from({ length: 100 }, () => randomUUID());
  for (const key of replayKeys) await post(idem, key);
  const scenarios: [string, boolean, (index: number) => string][] = [
    ['apiNewKeys', false, () => randomUUID()],
    ['sdkNewKeys', true, () => randomUUID()],
    ['apiReplays', false, (index) => replayKeys[index % replayKeys.length]!],
    ['sdkReplays', true, (index) => replayKeys[index % replayKeys.length]!],
  ];
  const runs: Record<string, number[]> = {};
  for (let run = 0; run < 4; run++) {
    for (const [name, sdk, key] of scenarios) {
      if (sdk) register();
      const start = performance.now();
      for (let index = 0; index < requests; index++) await post(idem, key(index));
      const perRequest = ((performance.now() - start) * 1000) / requests;
      if (sdk) unregister();
      if (run > 0) runs[name] = [...(runs[name] ?? []), perRequest];
    }
  }
  const result = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values)]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
