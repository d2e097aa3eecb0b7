/** The idempotency engine and its stores: zero dependencies, web-standard globals only. */

export {
  FencedCompletionError,
  isFencedCompletionError,
  isStoreUnavailableError,
  StoreUnavailableError,
  type StoreUnavailableReason,
} from '../errors/index.js';
export { valueToCanonicalJson } from './canonical-json.js';
export type { ClaimAttempt } from './claim-key.js';
export {
  createIdempotencyEngine,
  type IdempotencyEngine,
  type IdempotencyEngineOptions,
  type RunIdempotentInput,
} from './engine.js';
export { type ExtractedKey, extractIdempotencyKey, MAX_KEY_LENGTH } from './extract-key.js';
export { requestToFingerprint } from './fingerprint.js';
export type {
  IdempotencyEvent,
  IdempotencyEventName,
  IdempotencyHooks,
  IdempotencyObserver,
  StoreOperation,
} from './hooks.js';
export { resolveJsonPointer } from './json-pointer.js';
export { isReplayableStatus, outcomeToResponse, responseToOutcome } from './outcome.js';
export { requestToStoreKey } from './scope.js';
export {
  type ClaimInput,
  type ClaimResult,
  type CompleteInput,
  createFencingToken,
  type IdempotencyRecord,
  type IdempotencyRecordState,
  type IdempotencyStore,
  isRecordClaimable,
  type ReleaseInput,
  type StoredOutcome,
} from './store.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './stores/memory.js';
export {
  type CompleteWithinInput,
  createPostgresStore,
  type PgQueryable,
  type PostgresStore,
  type PostgresStoreOptions,
} from './stores/postgres.js';
export { postgresSchemaSql } from './stores/postgres-sql.js';
export {
  type PgPoolClientLike,
  type PgPoolLike,
  type TransactionalCompletionInput,
  type TransactionalCompletionResult,
  withTransactionalCompletion,
} from './stores/postgres-transaction.js';
export { createRedisStore, type RedisStoreOptions } from './stores/redis.js';
export {
  fromIoredis,
  fromNodeRedis,
  type IoredisClientLike,
  type NodeRedisClientLike,
  type RedisLike,
} from './stores/redis-client.js';
export {
  createSqliteStore,
  type SqliteDatabaseLike,
  type SqliteStatementLike,
  type SqliteStoreOptions,
} from './stores/sqlite.js';
export {
  createExecutionClaim,
  type ExecutionClaim,
  type ExecutionClaimControl,
} from './transactional-claim.js';
export { supportsCompleteWithin, type TransactionalCompletionStore } from './transactional-store.js';
export type {
  HeadersLike,
  IdempotencyContract,
  IdempotencyKeySource,
  IdempotencyProblemSlug,
  IdempotencyRequest,
  IdempotencyResult,
  IdempotentResponse,
  QueryLike,
} from './types.js';
