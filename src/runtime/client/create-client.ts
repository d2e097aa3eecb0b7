import { RetryBudget } from '../retry/budget.js';
import { systemClock } from '../shared/clock.js';
import { systemRandom } from '../shared/random.js';
import { clientInstruments } from '../telemetry/instruments.js';
import { telemetrySource } from '../telemetry/source.js';
import type { Client, ClientOptions } from './types.js';

/**
 * The state shared by every call of a generated client: base URL, fetch, default headers, clock, randomness,
 * the retry budget (one bucket for the whole client) and hooks. `fetch` defaults to the global one, looked up
 * at call time.
 *
 * @example
 * ```ts
 * import { createClient, createPayment } from './generated/client/index.js';
 *
 * const client = createClient({
 *   baseUrl: 'https://api.example.com/v1',
 *   headers: () => ({ authorization: `Bearer ${token()}` }), // called once per logical call
 *   hooks: { onRetry: ({ attempt, reason, delayMs }) => log.info({ attempt, reason, delayMs }) },
 * });
 * const result = await createPayment(client, { body: { amount: 4200, currency: 'EUR' } });
 * if (result.ok) console.log(result.status, result.data, result.idempotencyKey);
 * ```
 */
export const createClient = (options: ClientOptions): Client => {
  const { budget } = options;
  return {
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: options.headers,
    clock: options.clock ?? systemClock,
    random: options.random ?? systemRandom,
    budget: budget === undefined || budget instanceof RetryBudget ? budget : new RetryBudget(budget),
    hooks: options.hooks ?? {},
    telemetry: telemetrySource(options.telemetry, clientInstruments),
  };
};
