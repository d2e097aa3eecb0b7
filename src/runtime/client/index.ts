export {
  AbortedError,
  BudgetExhaustedError,
  type CallErrorInit,
  DeadlineExceededError,
  ERROR_KINDS,
  type ErrorKind,
  errorKindOf,
  HttpError,
  type HttpErrorInit,
  IdemgenError,
  isAbortedError,
  isBudgetExhaustedError,
  isDeadlineExceededError,
  isHttpError,
  isIdemgenError,
  isNetworkError,
  isTimeoutError,
  isUnexpectedStatusError,
  NetworkError,
  TimeoutError,
  UnexpectedStatusError,
} from '../errors/index.js';
export type { FormEncoding, FormFieldEncoding } from '../shared/form-fields.js';
export type { IdempotencyKeySource } from '../shared/key-source.js';
export type { TelemetryOptions } from '../telemetry/find-api.js';
export { type BuildUrlInput, buildUrl } from './build-url.js';
export { CORRELATION_HEADER, callOperation } from './call-operation.js';
export { createClient } from './create-client.js';
export {
  invokeOperation,
  type OperationCallOptions,
  type OperationMeta,
  type OperationResult,
  type OperationSpec,
  type StreamCallOptions,
  type Streamed,
  type TransportError,
} from './invoke-operation.js';
export { readBody } from './read-body.js';
export { type ResolveKeyInput, resolveKey } from './resolve-key.js';
export {
  type BinaryBody,
  type RequestBodySpec,
  type SerializedBody,
  serializeBody,
  type WithFiles,
} from './serialize-body.js';
export type {
  CallCorrelation,
  CallOptions,
  CallResult,
  Client,
  ClientHooks,
  ClientOptions,
  DefaultHeaders,
  FetchLike,
  OperationInfo,
  PathValue,
  QueryValue,
} from './types.js';
