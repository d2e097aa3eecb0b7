/**
 * Generates the client of fixtures/e2e-client/openapi.yaml into a fresh directory under test/.out (runtime
 * copied beside it, as a user's project gets it) and imports it. The module is typed through the runtime's
 * own types: the copy is the same code.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../../src/generate.js';
import type {
  OperationCallOptions,
  OperationResult,
  TransportError,
} from '../../../src/runtime/client/invoke-operation.js';
import type { Client, ClientOptions } from '../../../src/runtime/client/types.js';
import type { HttpError } from '../../../src/runtime/errors/http-error.js';
import type { UnexpectedStatusError } from '../../../src/runtime/errors/unexpected-status-error.js';

export const E2E_CLIENT_SPEC = resolve('fixtures/e2e-client/openapi.yaml');

export type CallFailure = HttpError | UnexpectedStatusError | TransportError;

export interface Payment {
  id: string;
  amount: number;
  currency: string;
}

type Call<Input, Data> = (
  client: Client,
  input: Input,
  options?: OperationCallOptions,
) => Promise<OperationResult<{ status: number; data: Data }, CallFailure>>;

/** What the generated `client/index.ts` exports (the parts the tests use). */
export interface GeneratedClient {
  createClient(options: ClientOptions): Client;
  retryBudget: { maxTokens: number; tokenRatio: number } | undefined;
  createPayment: Call<{ body: { amount: number; currency: string } }, Payment>;
  createTransfer: Call<{ body: { amount: number; currency: string } }, Payment>;
  createNote: Call<{ body: { text: string } }, unknown>;
  createOrder: Call<{ body: { orderId?: string; item: string } }, unknown>;
  upsertRefund: Call<{ body: { refundId: string; amount: number } }, { refundId: string; status: string }>;
}

export interface GeneratedClientOutput {
  outDir: string;
  client: GeneratedClient;
  /** The spec's root `x-retry.budget` as the model read it (the generated `createClient` applies it unless told otherwise). */
  budget: { maxTokens: number; tokenRatio: number } | undefined;
  remove(): void;
}

/**
 * Generates into `test/.out/e2e-client-<name>-XXXXXX` and imports `client/index.ts`. The unsafe-retry rule
 * is turned off so that `createNote` (a POST without x-idempotency under the root x-retry) generates.
 */
export async function generateE2eClient(name: string): Promise<GeneratedClientOutput> {
  mkdirSync(resolve('test/.out'), { recursive: true });
  const outDir = mkdtempSync(resolve('test/.out', `e2e-client-${name}-`));
  const result = await generate({
    spec: E2E_CLIENT_SPEC,
    outDir,
    target: 'client',
    mode: 'write',
    checkSyntax: false,
    rules: { 'unsafe-retry': 'off' },
  });
  if (!result.emitted) {
    const problems = result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
    throw new Error(`generation failed:\n${problems}`);
  }
  const client = (await import(pathToFileURL(join(outDir, 'client/index.ts')).href)) as GeneratedClient;
  const spec = result.model?.retryBudget;
  const budget = spec && { maxTokens: spec.maxTokens, tokenRatio: spec.tokenRatio };
  return { outDir, client, budget, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The error of a failed result, or a thrown assertion naming what came back instead. */
export function failureOf<T>(result: { ok: true; status: number } | { ok: false; error: T }): T {
  if (result.ok) throw new Error(`expected a failure, got status ${result.status}`);
  return result.error;
}
