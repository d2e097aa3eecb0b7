import type { IdempotencyHooks } from '../../../src/runtime/idempotency/hooks.js';
import type { IdempotencyContract } from '../../../src/runtime/idempotency/types.js';
import { createServerCore } from '../../../src/runtime/server/server-core.js';
import type {
  Handler,
  ServerCore,
  ServerLogEntry,
  ServerRoute,
  ValidationIssue,
} from '../../../src/runtime/server/types.js';

export const ORDER_CONTRACT: IdempotencyContract = {
  key: { in: 'header', name: 'Idempotency-Key' },
  required: true,
  ttlMs: 86_400_000,
  inProgressTimeoutMs: 60_000,
  fingerprint: ['method', 'path', 'query', 'body'],
  scope: ['principal'],
  concurrent: 'reject',
  replay: ['2XX', '4XX'],
};

/** A hand-written validator in the shape the generated ones have. */
function validateCreateOrder(input: { body?: unknown }): ValidationIssue[] | null {
  const body = input.body as { sku?: unknown; qty?: unknown } | undefined;
  if (body === undefined) return null;
  const issues: ValidationIssue[] = [];
  if (typeof body.sku !== 'string') issues.push({ pointer: '/body/sku', message: 'must be string' });
  if (!Number.isInteger(body.qty)) issues.push({ pointer: '/body/qty', message: 'must be integer' });
  return issues.length > 0 ? issues : null;
}

function validateGetOrder(input: { path: Record<string, unknown> }): ValidationIssue[] | null {
  const id = Number(input.path.orderId);
  if (!Number.isInteger(id)) return [{ pointer: '/path/orderId', message: 'must be integer' }];
  input.path.orderId = id;
  return null;
}

const route = (
  partial: Partial<ServerRoute> & Pick<ServerRoute, 'operationId' | 'method' | 'pathTemplate'>,
) =>
  ({ replayHeaders: [], requestBodyRequired: false, bodyMediaTypes: [], ...partial }) satisfies ServerRoute;

export const ROUTES: ServerRoute[] = [
  route({
    operationId: 'createOrder',
    method: 'post',
    pathTemplate: '/orders',
    idempotency: ORDER_CONTRACT,
    replayHeaders: ['Location'],
    validate: validateCreateOrder,
    requestBodyRequired: true,
    bodyMediaTypes: ['application/json'],
  }),
  route({
    operationId: 'getOrder',
    method: 'get',
    pathTemplate: '/orders/{orderId}',
    validate: validateGetOrder,
  }),
  route({ operationId: 'getLatestOrder', method: 'get', pathTemplate: '/orders/latest' }),
  route({ operationId: 'cancelOrder', method: 'delete', pathTemplate: '/orders/{orderId}' }),
  route({
    operationId: 'explode',
    method: 'post',
    pathTemplate: '/explode',
    bodyMediaTypes: ['application/json'],
  }),
  route({
    operationId: 'echoText',
    method: 'put',
    pathTemplate: '/notes/{noteId}',
    bodyMediaTypes: ['text/*'],
  }),
];

export const SECRET = 'connection to db-7.internal refused: password=hunter2';

export interface Fixture {
  core: ServerCore;
  /** Executions of createOrder. */
  executions: () => number;
  logs: ServerLogEntry[];
  /** createOrder waits for this when set. */
  setGate(gate: Promise<void> | undefined): void;
  /** Resolves when createOrder has started once. */
  started: Promise<void>;
}

export function createFixture(
  options: { hooks?: IdempotencyHooks; validateResponses?: boolean } = {},
): Fixture {
  let executions = 0;
  let gate: Promise<void> | undefined;
  const logs: ServerLogEntry[] = [];
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const handlers: Record<string, Handler> = {
    createOrder: async (request) => {
      executions++;
      markStarted();
      await gate;
      const body = request.body as { sku: string; qty: number };
      const id = `ord_${executions}`;
      return {
        status: 201,
        headers: { Location: `/orders/${id}`, 'X-Not-Declared': 'fresh' },
        body: { id, sku: body.sku, qty: body.qty, key: request.idempotencyKey, by: request.principal },
      };
    },
    getOrder: (request) => ({
      status: 200,
      body: { id: request.path.orderId, type: typeof request.path.orderId },
    }),
    getLatestOrder: () => ({ status: 200, body: { latest: true } }),
    explode: () => {
      throw new Error(SECRET);
    },
    echoText: (request) => ({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: `note ${String(request.path.noteId)}: ${String(request.body)}`,
    }),
  };
  const core = createServerCore({
    routes: ROUTES,
    handlers,
    principal: (request) => request.headers.get('x-user') ?? undefined,
    logger: { error: (entry) => logs.push(entry) },
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.validateResponses ? { validateResponses: true } : {}),
  });
  return {
    core,
    executions: () => executions,
    logs,
    started,
    setGate: (next) => {
      gate = next;
    },
  };
}
