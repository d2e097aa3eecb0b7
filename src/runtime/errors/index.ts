/** Every error the runtime throws, and their guards: one folder, one brand, `cause` on each. */

export { BrandedError, type ErrorOptions } from './branded-error.js';
export { FencedCompletionError } from './fenced-completion-error.js';
export {
  errorKindOf,
  isAbortedError,
  isBudgetExhaustedError,
  isDeadlineExceededError,
  isFencedCompletionError,
  isHttpError,
  isIdemgenError,
  isNetworkError,
  isOperationFailedError,
  isRequestBodyTooLargeError,
  isResponseValidationError,
  isStoreUnavailableError,
  isTimeoutError,
  isUndeclaredStatusError,
  isUnexpectedStatusError,
} from './guards.js';
export { HttpError, type HttpErrorInit } from './http-error.js';
export { type CallErrorInit, ERROR_KINDS, type ErrorKind, IdemgenError } from './idemgen-error.js';
export { OperationFailedError } from './operation-failed-error.js';
export {
  RequestBodyTooLargeError,
  ResponseValidationError,
  UndeclaredStatusError,
} from './server-errors.js';
export { StoreUnavailableError, type StoreUnavailableReason } from './store-unavailable-error.js';
export {
  AbortedError,
  BudgetExhaustedError,
  DeadlineExceededError,
  NetworkError,
  TimeoutError,
} from './transport-errors.js';
export { UnexpectedStatusError } from './unexpected-status-error.js';
