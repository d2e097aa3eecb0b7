/**
 * The names one test run uses in the shared databases, derived from a random namespace so that runs (and
 * the test files running at once) never see each other's records.
 */
import { randomBytes } from 'node:crypto';

export type ClusterStoreKind = 'redis' | 'postgres';

export interface ClusterNames {
  namespace: string;
  /** PostgreSQL: the idempotency records, the executions and the business (ledger) rows. */
  recordsTable: string;
  executionsTable: string;
  ledgerTable: string;
  /** Redis: the store's key prefix, and the counter of one key's executions of one operation. */
  redisPrefix: string;
  executionCounter(operationId: string, key: string): string;
}

export function namespaceToNames(namespace: string): ClusterNames {
  const redisPrefix = `idemgen-cluster:${namespace}:`;
  return {
    namespace,
    recordsTable: `idem_${namespace}`,
    executionsTable: `exec_${namespace}`,
    ledgerTable: `ledger_${namespace}`,
    redisPrefix,
    executionCounter: (operationId, key) => `${redisPrefix}exec:${operationId}:${key}`,
  };
}

export function createClusterNames(): ClusterNames {
  return namespaceToNames(randomBytes(6).toString('hex'));
}
