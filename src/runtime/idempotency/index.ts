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
export type { IdempotencyEngine, IdempotencyEngineOptions, RunIdempotentInput } from './engine.js';
export { createIdempotencyEngine } from './engine.js';
export type { ExtractedKey } from './extract-key.js';
export { extractIdempotencyKey, MAX_KEY_LENGTH } from './extract-key.js';
export { requestToFingerprint } from './fingerprint.js';
export type { IdempotencyEvent, IdempotencyHooks, StoreOperation } from './hooks.js';
export { resolveJsonPointer } from './json-pointer.js';
export { isReplayableStatus, outcomeToResponse, responseToOutcome } from './outcome.js';
export { requestToStoreKey } from './scope.js';
export type {
  ClaimInput,
  ClaimResult,
  CompleteInput,
  IdempotencyRecord,
  IdempotencyRecordState,
  IdempotencyStore,
  ReleaseInput,
  StoredOutcome,
} from './store.js';
export { createFencingToken, isRecordClaimable } from './store.js';
export type { MemoryStore, MemoryStoreOptions } from './stores/memory.js';
export { createMemoryStore } from './stores/memory.js';
export type {
  CompleteWithinInput,
  PgQueryable,
  PostgresStore,
  PostgresStoreOptions,
} from './stores/postgres.js';
export { createPostgresStore } from './stores/postgres.js';
export { postgresSchemaSql } from './stores/postgres-sql.js';
export type {
  PgPoolClientLike,
  PgPoolLike,
  TransactionalCompletionInput,
  TransactionalCompletionResult,
} from './stores/postgres-transaction.js';
export { withTransactionalCompletion } from './stores/postgres-transaction.js';
export type { RedisStoreOptions } from './stores/redis.js';
export { createRedisStore } from './stores/redis.js';
export type { IoredisClientLike, NodeRedisClientLike, RedisLike } from './stores/redis-client.js';
export { fromIoredis, fromNodeRedis } from './stores/redis-client.js';
export type { SqliteDatabaseLike, SqliteStatementLike, SqliteStoreOptions } from './stores/sqlite.js';
export { createSqliteStore } from './stores/sqlite.js';
export type { ExecutionClaim, ExecutionClaimControl } from './transactional-claim.js';
export { createExecutionClaim } from './transactional-claim.js';
export type { TransactionalCompletionStore } from './transactional-store.js';
export { supportsCompleteWithin } from './transactional-store.js';
export type {
  HeadersLike,
  IdempotencyContractLike,
  IdempotencyKeySourceLike,
  IdempotencyProblemSlug,
  IdempotencyRequest,
  IdempotencyResult,
  IdempotentResponse,
  QueryLike,
} from './types.js';
