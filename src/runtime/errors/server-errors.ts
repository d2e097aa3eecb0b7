import { BrandedError, type ErrorOptions } from './branded-error.js';

/** One mismatch of a response body (the server's `ValidationIssue`; declared here so that `errors/` imports no target). */
interface ResponseIssue {
  pointer: string;
  message: string;
}

/** A request body is longer than its limit: thrown by `CoreRequest.body(maxBytes)`, answered 413. */
export class RequestBodyTooLargeError extends BrandedError {
  readonly kind = 'request-body-too-large' as const;
  readonly maxBytes: number;

  constructor(maxBytes: number, options: ErrorOptions = {}) {
    super('request-body-too-large', `The request body is larger than ${maxBytes} bytes.`, options);
    this.maxBytes = maxBytes;
  }
}

/** A handler's response body does not match its status's schema (with `validateResponses`). */
export class ResponseValidationError extends BrandedError {
  readonly kind = 'response-validation' as const;
  readonly operationId: string;
  readonly status: number;
  readonly issues: readonly ResponseIssue[];

  constructor(
    input: { operationId: string; status: number; issues: readonly ResponseIssue[] },
    options: ErrorOptions = {},
  ) {
    const listed = input.issues.map((issue) => `${issue.pointer || '/'} ${issue.message}`).join('; ');
    super(
      'response-validation',
      `${input.operationId} returned a ${input.status} body that does not match the spec: ${listed}`,
      options,
    );
    this.operationId = input.operationId;
    this.status = input.status;
    this.issues = input.issues;
  }
}

/** A handler returned a status its operation does not declare (with `validateResponses`). */
export class UndeclaredStatusError extends BrandedError {
  readonly kind = 'undeclared-status' as const;

  constructor(message: string, options: ErrorOptions = {}) {
    super('undeclared-status', message, options);
  }
}
