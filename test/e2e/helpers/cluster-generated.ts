/**
 * Generates the cluster API (fixtures/e2e-cluster/api.yaml) into a fresh directory under test/.out, for
 * child processes to import the server from and for the test to import the client from. The modules are
 * typed through the runtime's own types (the generated copy is the same code).
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OperationCallOptions, OperationResult } from '../../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions } from '../../../src/runtime/client/types.js';
import type * as idempotency from '../../../src/runtime/idempotency/index.js';
import type { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import type { Handler, ServerCore, ServerCoreOptions } from '../../../src/runtime/server/types.js';
import { generateBoth } from './generate-both.js';

export const CLUSTER_SPEC = resolve('fixtures/e2e-cluster/api.yaml');

export type ClusterOperationId = 'createOrder' | 'createCapture' | 'createEntry';

/** What `server/index.ts` exports (the parts the children use). */
export interface ClusterServerModule {
  createServer(
    options: Omit<ServerCoreOptions, 'routes' | 'handlers'> & {
      handlers: Partial<Record<ClusterOperationId, Handler>>;
    },
  ): ServerCore;
  toNodeHandler: typeof toNodeHandler;
  createRedisStore: typeof idempotency.createRedisStore;
  fromIoredis: typeof idempotency.fromIoredis;
  createPostgresStore: typeof idempotency.createPostgresStore;
  isFencedCompletionError: typeof idempotency.isFencedCompletionError;
}

export interface Execution {
  key: string;
  pid: number;
  fence?: number;
}

export type OrderResult = OperationResult<
  { status: 201; data: Execution },
  { kind: string; status?: number; attempts: number }
>;

/** What `client/index.ts` exports (the parts the tests use). */
export interface ClusterClientModule {
  createClient(options: ClientOptions): Client;
  createOrder(
    client: Client,
    input: { body: { item: string } },
    options?: OperationCallOptions,
  ): Promise<OrderResult>;
}

export interface ClusterApi {
  outDir: string;
  importClient(): Promise<ClusterClientModule>;
  remove(): void;
}

/** Generates server and client into `test/.out/e2e-cluster-<name>-XXXXXX`. */
export async function generateClusterApi(name: string): Promise<ClusterApi> {
  const outDir = await generateBoth(CLUSTER_SPEC, `e2e-cluster-${name}-`);
  return {
    outDir,
    importClient: async () =>
      (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as ClusterClientModule,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
