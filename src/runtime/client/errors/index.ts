export {
  errorKindOf,
  isAbortedError,
  isBudgetExhaustedError,
  isDeadlineExceededError,
  isHttpError,
  isIdemgenError,
  isNetworkError,
  isTimeoutError,
  isUnexpectedStatusError,
} from './guards.js';
export { HttpError, type HttpErrorInit } from './http-error.js';
export { type CallErrorInit, ERROR_KINDS, type ErrorKind, IdemgenError } from './idemgen-error.js';
export {
  AbortedError,
  BudgetExhaustedError,
  DeadlineExceededError,
  NetworkError,
  TimeoutError,
} from './transport-errors.js';
export { UnexpectedStatusError } from './unexpected-status-error.js';
