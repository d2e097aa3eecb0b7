/**
 * Generates the end-to-end API (fixtures/e2e-server/api.yaml) into a fresh directory under test/.out and
 * imports the generated server and client as a user's project would: with the runtime copied beside them.
 * The modules are typed through the runtime's own types (the copy is the same code).
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OperationCallOptions, OperationResult } from '../../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions } from '../../../src/runtime/client/types.js';
import type { IdempotencyStore } from '../../../src/runtime/idempotency/store.js';
import type { MemoryStore, MemoryStoreOptions } from '../../../src/runtime/idempotency/stores/memory.js';
import type { SqliteStoreOptions } from '../../../src/runtime/idempotency/stores/sqlite.js';
import type { toExpressMiddleware } from '../../../src/runtime/server/adapters/express.js';
import type { toFastifyPlugin } from '../../../src/runtime/server/adapters/fastify.js';
import type { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import type { toWebHandler } from '../../../src/runtime/server/adapters/web.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../../src/runtime/server/types.js';
import { generateBoth } from './generate-both.js';

export const E2E_SPEC = resolve('fixtures/e2e-server/api.yaml');

export type OperationId = 'createPayment' | 'getPayment' | 'createRefund' | 'createPayout' | 'createCapture';

export interface GeneratedServerOptions extends Omit<ServerCoreOptions, 'routes' | 'handlers'> {
  handlers: Partial<Record<OperationId, Handler>>;
}

/** What `server/index.ts` exports (the parts the tests use). */
export interface GeneratedServerModule {
  createServer(options: GeneratedServerOptions): ServerCore;
  toNodeHandler: typeof toNodeHandler;
  toWebHandler: typeof toWebHandler;
  toExpressMiddleware: typeof toExpressMiddleware;
  toFastifyPlugin: typeof toFastifyPlugin;
  createMemoryStore(options?: MemoryStoreOptions): MemoryStore;
  createSqliteStore(options: SqliteStoreOptions): IdempotencyStore;
}

export interface Payment {
  id: string;
  status: string;
  amount: number;
  currency: string;
}

type PaymentResult = OperationResult<
  { status: 201 | 200; data: Payment },
  { kind: string; status?: number; attempts: number }
>;

/** What `client/index.ts` exports (the parts the tests use). */
export interface GeneratedClientModule {
  createClient(options: ClientOptions): Client;
  createPayment(
    client: Client,
    input: { body: { amount: number; currency: string } },
    options?: OperationCallOptions,
  ): Promise<PaymentResult>;
  getPayment(client: Client, input: { path: { paymentId: string } }): Promise<PaymentResult>;
}

export interface GeneratedApi {
  outDir: string;
  server: GeneratedServerModule;
  client: GeneratedClientModule;
  remove(): void;
}

/** Generates server and client into `test/.out/e2e-server-<name>-XXXXXX` and imports both. */
export async function generateE2eApi(name: string): Promise<GeneratedApi> {
  const outDir = await generateE2eOutput(name);
  const importFrom = (file: string) => import(pathToFileURL(join(outDir, file)).href);
  return {
    outDir,
    server: (await importFrom('server/index.ts')) as GeneratedServerModule,
    client: (await importFrom('client/index.ts')) as GeneratedClientModule,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Writes the generated files only (for child processes that import them themselves). */
export function generateE2eOutput(name: string): Promise<string> {
  return generateBoth(E2E_SPEC, `e2e-server-${name}-`);
}
