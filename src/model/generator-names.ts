/**
 * The names the generator itself takes in the output, so that no operation and no tag module can take them:
 * the files it writes next to the tag modules, the bindings its templates declare, and the runtime's exports
 * that `client/index.ts` and `server/index.ts` re-export beside the operations' own (`export *`).
 */
import { isReservedName } from './naming.js';

/**
 * File names (without extension) the generator writes in `client/` and `server/`, where the tag modules go:
 * `index.ts` (both), `routes.js` + `routes.d.ts` and `validators.js` + `validators.d.ts` (server). A tag
 * module `routes.ts` would shadow `routes.js` for tsc and write over the route table's types.
 */
export const GENERATOR_MODULE_NAMES: readonly string[] = ['index', 'routes', 'validators'];

/**
 * Windows device names: a file `con.ts` or `aux.ts` cannot be created there, so a tag module never takes one.
 */
export const DEVICE_NAMES: readonly string[] = [
  'con',
  'prn',
  'aux',
  'nul',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
];

/** Bindings the built-in templates declare at module level (client/*.hbs, server/*.hbs). */
const TEMPLATE_NAMES = [
  'paths',
  '__idemgen',
  '__createClient',
  '__validators',
  'createClient',
  'retryBudget',
  'Client',
  'ClientOptions',
  'createServerCore',
  'ServerCore',
  'ServerCoreOptions',
  'routes',
  'Handlers',
  'ServerOptions',
  'MissingHandlers',
  'DeclaredErrorBody',
  'HandlerNames',
  'Server',
  'createServer',
];

/**
 * Every export of `runtime/client`, `runtime/server` and `runtime/idempotency` (values and types), which the
 * generated index files re-export. test/model/generator-names.test.ts checks this list against the runtime.
 */
export const RUNTIME_EXPORTS: readonly string[] =
  // runtime/client
  (
    'AbortedError BudgetExhaustedError BuildUrlInput CORRELATION_HEADER CallErrorInit CallOptions CallResult ' +
    'Client ClientHooks ClientOptions DeadlineExceededError DefaultHeaders ERROR_KINDS ErrorKind FetchLike ' +
    'HttpError HttpErrorInit IdemgenError IdempotencyKeySource NetworkError OperationCallOptions OperationInfo ' +
    'OperationMeta OperationResult OperationSpec PathValue QueryValue ResolveKeyInput StreamCallOptions Streamed ' +
    'TimeoutError ' +
    'TransportError UnexpectedStatusError buildUrl callOperation createClient errorKindOf invokeOperation ' +
    'isAbortedError isBudgetExhaustedError isDeadlineExceededError isHttpError isIdemgenError isNetworkError ' +
    'isTimeoutError isUnexpectedStatusError readBody resolveKey ' +
    'BinaryBody FormEncoding FormFieldEncoding RequestBodySpec SerializedBody WithFiles serializeBody ' +
    // runtime/server
    'CoreRequest CoreResponse DEFAULT_MAX_BODY_BYTES DEFAULT_MAX_BODY_DEPTH ExpressNext ExpressRequestLike ' +
    'FastifyInstanceLike Handler HandlerIdempotency RequestBodyTooLargeError isRequestBodyTooLargeError ' +
    'HandlerRequest HandlerRequestBase HandlerResult NodeHandlerOptions NodeHandlerTarget NodeRequestLike ' +
    'NodeResponseLike ProblemInput ResponseValidationError RouteMatch ServerCore ServerCoreOptions ' +
    'ServerLogEntry ServerLogger ServerRoute UndeclaredStatusError ValidationInput ValidationIssue WebHandler ' +
    'consoleLogger coreToWebResponse correlationIdToInstance createProblem createProblemCoreResponse ' +
    'createProblemResponse createRouter createServerCore handlerResultToResponse headersToCorrelationId ' +
    'isDeclaredStatus isResponseValidationError isUndeclaredStatusError negotiateMediaType nodeToCoreRequest nodeToWebRequest readNodeBody responseToWebResponse ' +
    'toExpressMiddleware toFastifyPlugin toNodeHandler toWebHandler webToCoreRequest webToNodeResponse ' +
    'writeCoreResponse FormBody parseFormBody withFiles ' +
    'ErrorBodyAnswer ErrorBodyContext ErrorBodyProblem ErrorBodyShaper PROBLEM_TYPE_HEADER createErrorCoreResponse ' +
    'CursorCodec CursorCodecOptions CursorReading CursorRefusal createCursorCodec cursorInvalidResult ' +
    'OperationState OperationStatus OperationTracker OperationTrackerOptions StartedOperation ' +
    'createOperationTracker ' +
    // runtime/idempotency
    'ClaimAttempt ClaimInput ClaimResult CompleteInput CompleteWithinInput ExecutionClaim ' +
    'ExecutionClaimControl ExtractedKey FencedCompletionError HeadersLike IdempotencyContract ' +
    'IdempotencyEngine IdempotencyEngineOptions IdempotencyEvent IdempotencyHooks IdempotencyKeySource ' +
    'IdempotencyProblemSlug IdempotencyRecord IdempotencyRecordState IdempotencyRequest IdempotencyResult ' +
    'IdempotencyStore IdempotentResponse IoredisClientLike MAX_KEY_LENGTH MemoryStore MemoryStoreOptions ' +
    'NodeRedisClientLike PgPoolClientLike PgPoolLike PgQueryable PostgresStore PostgresStoreOptions QueryLike ' +
    'RedisLike RedisStoreOptions ReleaseInput RunIdempotentInput SqliteDatabaseLike SqliteStatementLike ' +
    'SqliteStoreOptions StoreOperation StoreUnavailableError StoreUnavailableReason StoredOutcome ' +
    'TransactionalCompletionInput TransactionalCompletionResult TransactionalCompletionStore ' +
    'createExecutionClaim createFencingToken createIdempotencyEngine createMemoryStore createPostgresStore ' +
    'createRedisStore createSqliteStore extractIdempotencyKey fromIoredis fromNodeRedis ' +
    'isFencedCompletionError isRecordClaimable isReplayableStatus isStoreUnavailableError outcomeToResponse ' +
    'postgresSchemaSql requestToFingerprint requestToStoreKey resolveJsonPointer responseToOutcome ' +
    'supportsCompleteWithin valueToCanonicalJson withTransactionalCompletion IdempotencyEventName IdempotencyObserver ' +
    // runtime/telemetry (re-exported by the client and server indexes)
    'TelemetryOptions CallCorrelation'
  ).split(' ');

const TAKEN = new Set([...TEMPLATE_NAMES, ...RUNTIME_EXPORTS]);

/**
 * What the templates name after an operation `id`. Exported from its module, and so from the index files
 * (`export *`): the function and `<Id>Input`, `<Id>Ok<status>` (represented by the prefix `<Id>Ok`),
 * `<Id>Success`, `<Id>Failure`, `<Id>Result` (client), `<Id>Request`, `<Id>Response`, `<Id>Handler`
 * (server). Local to its module: `<id>Spec` and `<Id>Operation`.
 */
export function operationToDeclaredNames(id: string): { exported: string[]; local: string[] } {
  const type = id.charAt(0).toUpperCase() + id.slice(1);
  const suffixes = ['Input', 'Ok', 'Success', 'Failure', 'Result', 'Request', 'Response', 'Handler'];
  return { exported: [id, ...suffixes.map((s) => `${type}${s}`)], local: [`${id}Spec`, `${type}Operation`] };
}

/**
 * True when an operation named `id` would break the output: a reserved name (`then`, `constructor`, ...), or
 * one of its declared names is a name the templates or the re-exported runtime take (`readBody`,
 * `handler` -> `HandlerRequest`).
 */
export function isTakenOperationName(id: string): boolean {
  if (isReservedName(id)) return true;
  const { exported, local } = operationToDeclaredNames(id);
  return [...exported, ...local].some(
    (name) => TAKEN.has(name) || (name.endsWith('Ok') && RUNTIME_EXPORTS.some((e) => e.startsWith(name))),
  );
}

/** `then` -> `then_`, `readBody` -> `readBody_`: `_` appended until the name is free. */
export function toFreeOperationName(id: string): string {
  let out = id;
  while (isTakenOperationName(out)) out = `${out}_`;
  return out;
}
