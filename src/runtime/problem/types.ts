/**
 * An RFC 9457 problem details object. `type` defaults to `about:blank`; extension members (for example
 * `errors` on `request-validation-failed`) are kept as they came.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457 RFC 9457, Problem Details for HTTP APIs
 */
export interface ProblemDetails {
  /** A URI reference that identifies the problem type; `about:blank` when absent. */
  type: string;
  /** A short summary of the problem type; defaults to the HTTP status phrase. */
  title: string;
  /** The HTTP status code of the response that carried the problem. */
  status: number;
  detail?: string;
  /** Identifies this occurrence; idemgen servers put the request's correlation id here. */
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const ABOUT_BLANK = 'about:blank';
