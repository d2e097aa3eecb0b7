/** The idempotency engine and its stores: zero dependencies, web-standard globals only. */

export { valueToCanonicalJson } from './canonical-json.js';
export type { ClaimAttempt } from './claim-key.js';
export type { IdempotencyEngine, IdempotencyEngineOptions, RunIdempotentInput } from './engine.js';
export { createIdempotencyEngine } from './engine.js';
export type { StoreUnavailableReason } from './errors.js';
export { isStoreUnavailableError, StoreUnavailableError } from './errors.js';
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
export type { SqliteDatabaseLike, SqliteStatementLike, SqliteStoreOptions } from './stores/sqlite.js';
export { createSqliteStore } from './stores/sqlite.js';
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
