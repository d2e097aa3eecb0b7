/**
 * Generates fixtures/e2e-envelope/api.yaml (a Stripe-like API whose every error is
 * `{ error: { type, message, param } }`) into a fresh directory under test/.out, runtime copied beside it, and
 * imports the generated server and client. The modules are typed through the runtime's own types.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OperationResult, TransportError } from '../../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions } from '../../../src/runtime/client/types.js';
import type { HttpError } from '../../../src/runtime/errors/http-error.js';
import type { UnexpectedStatusError } from '../../../src/runtime/errors/unexpected-status-error.js';
import type { toNodeHandler } from '../../../src/runtime/server/adapters/node.js';
import type { ServerCore, ServerCoreOptions } from '../../../src/runtime/server/types.js';
import { generateBoth } from './generate-both.js';

export const E2E_ENVELOPE_SPEC = resolve('fixtures/e2e-envelope/api.yaml');

export interface StripeError {
  error: { type: string; message: string; param?: string; code?: string };
}

export interface Charge {
  id: string;
  amount: number;
  currency: string;
}

type Failure = HttpError<number, unknown> | UnexpectedStatusError | TransportError;
type Result<Data> = OperationResult<{ status: number; data: Data }, Failure>;

export interface EnvelopeApi {
  outDir: string;
  server: {
    createServer(options: Omit<ServerCoreOptions, 'routes'>): ServerCore;
    toNodeHandler: typeof toNodeHandler;
  };
  client: {
    createClient(options: ClientOptions): Client;
    createCharge(
      client: Client,
      input: { body: { amount: number; currency: string } },
      options?: { idempotencyKey?: string },
    ): Promise<Result<Charge>>;
    getCharge(client: Client, input: { path: { charge: string } }): Promise<Result<Charge>>;
  };
  remove(): void;
}

/** Generates server and client into `test/.out/e2e-envelope-XXXXXX` and imports both. */
export async function generateEnvelopeApi(): Promise<EnvelopeApi> {
  const outDir = await generateBoth(E2E_ENVELOPE_SPEC, 'e2e-envelope-');
  const importFrom = (file: string) => import(pathToFileURL(join(outDir, file)).href);
  return {
    outDir,
    server: await importFrom('server/index.ts'),
    client: await importFrom('client/index.ts'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
