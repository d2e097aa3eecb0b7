import { brandOf } from '../shared/brand.js';
import type { FencedCompletionError } from './fenced-completion-error.js';
import type { HttpError } from './http-error.js';
import { ERROR_KINDS, type ErrorKind, type IdemgenError } from './idemgen-error.js';
import type { OperationFailedError } from './operation-failed-error.js';
import type {
  RequestBodyTooLargeError,
  ResponseValidationError,
  UndeclaredStatusError,
} from './server-errors.js';
import type { StoreUnavailableError } from './store-unavailable-error.js';
import type {
  AbortedError,
  BudgetExhaustedError,
  DeadlineExceededError,
  NetworkError,
  TimeoutError,
} from './transport-errors.js';
import type { UnexpectedStatusError } from './unexpected-status-error.js';

/*
 * Every guard of the runtime's errors, in one place. Guards read the `Symbol.for('idemgen.error')` brand, never `instanceof`, so an error thrown by one copy of
 * the runtime (vendored into generated code) is recognized by another (the npm package).
 */

const KINDS: readonly string[] = ERROR_KINDS;

/** The error's kind when it is one of the runtime's errors. */
export const errorKindOf = (value: unknown): ErrorKind | undefined => {
  const kind = brandOf(value);
  return kind !== undefined && KINDS.includes(kind) ? (kind as ErrorKind) : undefined;
};

export const isIdemgenError = (value: unknown): value is IdemgenError => errorKindOf(value) !== undefined;
export const isNetworkError = (value: unknown): value is NetworkError => brandOf(value) === 'network';
export const isTimeoutError = (value: unknown): value is TimeoutError => brandOf(value) === 'timeout';
export const isAbortedError = (value: unknown): value is AbortedError => brandOf(value) === 'aborted';
export const isDeadlineExceededError = (value: unknown): value is DeadlineExceededError =>
  brandOf(value) === 'deadline-exceeded';
export const isBudgetExhaustedError = (value: unknown): value is BudgetExhaustedError =>
  brandOf(value) === 'budget-exhausted';

/** True for an `HttpError`; with `status`, only for that status (narrowing the type). */
export const isHttpError = <S extends number = number>(
  value: unknown,
  status?: S,
): value is HttpError<S, unknown> =>
  brandOf(value) === 'http' && (status === undefined || (value as { status?: unknown }).status === status);

/** A status the operation does not declare (the generated client's catch-all). */
export const isUnexpectedStatusError = (value: unknown): value is UnexpectedStatusError =>
  brandOf(value) === 'unexpected-status';

/** A long-running operation reached a failed final state. */
export const isOperationFailedError = (value: unknown): value is OperationFailedError =>
  brandOf(value) === 'operation-failed';

/** The dedup store cannot serve (unreachable, failing, or full). */
export const isStoreUnavailableError = (value: unknown): value is StoreUnavailableError =>
  brandOf(value) === 'store-unavailable';

/** A claim's lease was taken over before its transactional completion (roll back). */
export const isFencedCompletionError = (value: unknown): value is FencedCompletionError =>
  brandOf(value) === 'fenced-completion';

/** A request body longer than its limit (answered 413). */
export const isRequestBodyTooLargeError = (value: unknown): value is RequestBodyTooLargeError =>
  brandOf(value) === 'request-body-too-large';

/** A handler's response body that does not match its schema (with `validateResponses`). */
export const isResponseValidationError = (value: unknown): value is ResponseValidationError =>
  brandOf(value) === 'response-validation';

/** A handler's status that its operation does not declare (with `validateResponses`). */
export const isUndeclaredStatusError = (value: unknown): value is UndeclaredStatusError =>
  brandOf(value) === 'undeclared-status';
