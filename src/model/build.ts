/** OpenAPI (a loaded, bundled document) -> ApiModel: operations with their merged contracts. */

import type { UnlocatedDiagnostic } from '../core/diagnostics.js';
import type { JsonObject } from '../core/json.js';
import { isObject } from '../core/json.js';
import { appendPointer } from '../core/json-pointer.js';
import type { LoadedSpec } from '../load/types.js';
import { findShadowedAliases } from './compat.js';
import { type ContractLevel, mergeContracts } from './contracts.js';
import { assignModuleNames } from './module-names.js';
import {
  groupNotIdentifierWarnings,
  identifyOperation,
  operationLabel,
  resolveIdCollisions,
} from './operation-ids.js';
import { mergeParameters, readRequestBody, readResponses } from './operation-parts.js';
import { readLongRunning } from './read-long-running.js';
import { readMaxBodySize } from './read-max-body-size.js';
import { readPagination } from './read-pagination.js';
import { readRetryBudget } from './read-retry-budget.js';
import { readWebhookSignature } from './read-webhook-signature.js';
import { resolveRef } from './resolve-ref.js';
import { applySeverities, type RuleSeverities } from './rules.js';
import { type ApiModel, HTTP_METHODS, type OperationModel } from './types.js';
import {
  type EventPathItem,
  eventMountPath,
  findCallbacks,
  findMountCollisions,
  findWebhooks,
} from './webhooks.js';

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function firstServerUrl(document: JsonObject): string | undefined {
  const servers = document.servers;
  const first = Array.isArray(servers) ? servers[0] : undefined;
  return isObject(first) && typeof first.url === 'string' ? first.url : undefined;
}

function buildOperation(options: {
  document: JsonObject;
  root: ContractLevel;
  pathItem: ContractLevel;
  path: string;
  method: (typeof HTTP_METHODS)[number];
  diagnostics: UnlocatedDiagnostic[];
}): OperationModel | undefined {
  const { document, pathItem, path, method } = options;
  const node = pathItem.node[method];
  if (!isObject(node)) return undefined;
  const pointer = `${pathItem.pointer}/${method}`;
  const operation = { node, pointer };
  const { identity, diagnostics } = identifyOperation({
    operationId: node.operationId,
    method,
    path,
    pointer,
  });
  options.diagnostics.push(...diagnostics);
  const op: OperationModel = {
    ...identity,
    method,
    path,
    pointer,
    tags: Array.isArray(node.tags) ? node.tags.filter((t): t is string => typeof t === 'string') : [],
    module: '', // assigned once every operation's tags are known (assignModuleNames)
    deprecated: node.deprecated === true,
    parameters: mergeParameters({ document, pathItem, operation }),
    responses: readResponses({ document, operation: node, pointer }),
    ...mergeContracts({ root: options.root, pathItem, operation, method }),
  };
  if (typeof node.summary === 'string') op.summary = node.summary;
  if (typeof node.description === 'string') op.description = node.description;
  const body = readRequestBody({ document, operation: node, pointer });
  if (body) op.requestBody = body;
  const maxBodySize = readMaxBodySize([options.root, pathItem, operation]);
  if (maxBodySize) op.maxBodySize = maxBodySize;
  const signature = readWebhookSignature([pathItem, operation]);
  if (signature) op.signature = signature;
  const levels = { root: options.root, pathItem, operation };
  const pagination = readPagination(levels);
  if (pagination) op.pagination = pagination;
  const longRunning = readLongRunning(levels);
  if (longRunning) op.longRunning = longRunning;
  return op;
}

/** No contract from the root reaches an event receiver (docs/events.md); its path item's and its own do. */
const EVENT_ROOT: ContractLevel = { node: {}, pointer: '' };

/** The receivers of webhooks and callbacks: one operation per method of each, with `event` set. */
function buildEventOperations(options: {
  document: JsonObject;
  items: EventPathItem[];
  diagnostics: UnlocatedDiagnostic[];
}): OperationModel[] {
  const out: OperationModel[] = [];
  for (const item of options.items) {
    const pathItem = { node: item.node, pointer: item.pointer };
    for (const method of HTTP_METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const path = eventMountPath(item, node);
      const op = buildOperation({ ...options, root: EVENT_ROOT, pathItem, path, method });
      if (!op) continue;
      op.event = item.event;
      // Signed by default when the document's root asks for it; the receiver's own setting wins.
      const signature = readWebhookSignature([
        { node: options.document, pointer: '' },
        pathItem,
        { node, pointer: op.pointer },
      ]);
      if (signature) op.signature = signature;
      else delete op.signature;
      // A receiver's key defaults to the `webhook-id` header that every Standard Webhooks delivery carries.
      if (op.idempotency && op.idempotency.fieldPointers?.key === undefined)
        op.idempotency.key = { in: 'header', name: 'webhook-id' };
      out.push(op);
    }
  }
  return out;
}

/**
 * Build the ApiModel of a loaded spec. Diagnostics: `operation-id-collision`, `operation-id-not-identifier`,
 * `name-renamed` and `compat-alias-shadowed`; the safety rules are checked separately (`checkRules`). `rules` changes the
 * severity of the configurable ones among these.
 */
export function buildModel(options: { spec: LoadedSpec; rules?: RuleSeverities }): {
  model: ApiModel;
  diagnostics: UnlocatedDiagnostic[];
} {
  const { document } = options.spec;
  const info = isObject(document.info) ? document.info : {};
  const diagnostics: UnlocatedDiagnostic[] = [];
  const root: ContractLevel = { node: document, pointer: '' };
  const aliasNodes = [{ node: document, pointer: '', label: 'The document root' }];
  const seenPathItems = new Set<string>();
  const operations: OperationModel[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, value] of Object.entries(paths)) {
    if (!path.startsWith('/')) continue;
    const resolved = resolveRef({ document, value, pointer: appendPointer('/paths', path) });
    if (!resolved || !isObject(resolved.value)) continue;
    const pathItem = { node: resolved.value, pointer: resolved.pointer };
    // A path item `$ref`ed from several paths is one node: warn about its aliases once.
    const shared = seenPathItems.has(pathItem.pointer);
    seenPathItems.add(pathItem.pointer);
    if (!shared) aliasNodes.push({ ...pathItem, label: `Path ${path}` });
    for (const method of HTTP_METHODS) {
      const op = buildOperation({ document, root, pathItem, path, method, diagnostics });
      if (!op) continue;
      operations.push(op);
      if (!shared)
        aliasNodes.push({
          node: pathItem.node[method] as JsonObject,
          pointer: op.pointer,
          label: operationLabel(op),
        });
    }
  }
  const pathOperations = [...operations];
  operations.push(
    ...buildEventOperations({
      document,
      items: [...findWebhooks(document), ...findCallbacks(document, pathOperations)],
      diagnostics,
    }),
  );
  const modules = assignModuleNames(operations);
  for (const op of operations) op.module = modules.names.get(op.tags[0]) ?? '';
  diagnostics.push(
    ...resolveIdCollisions(operations),
    ...findShadowedAliases(aliasNodes),
    ...modules.diagnostics,
    ...findMountCollisions(operations),
  );

  const model: ApiModel = {
    title: stringOr(info.title, ''),
    version: stringOr(info.version, ''),
    openapi: options.spec.version,
    operations,
    document,
  };
  const serverUrl = firstServerUrl(document);
  if (serverUrl !== undefined) model.serverUrl = serverUrl;
  const budget = readRetryBudget(document);
  if (budget) model.retryBudget = budget;
  return {
    model,
    diagnostics: applySeverities({
      diagnostics: groupNotIdentifierWarnings(diagnostics),
      severities: options.rules ?? {},
    }),
  };
}
