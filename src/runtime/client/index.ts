export type { FormEncoding, FormFieldEncoding } from '../shared/form-fields.js';
export type { IdempotencyKeySource } from '../shared/key-source.js';
export { type BuildUrlInput, buildUrl } from './build-url.js';
export { CORRELATION_HEADER, callOperation } from './call-operation.js';
export { createClient } from './create-client.js';
export * from './errors/index.js';
export {
  invokeOperation,
  type OperationCallOptions,
  type OperationMeta,
  type OperationResult,
  type OperationSpec,
  type StreamCallOptions,
  type Streamed,
  type TransportError,
} from './operation.js';
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
