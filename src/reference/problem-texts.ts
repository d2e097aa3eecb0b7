/**
 * What each problem the generated server answers means and what to do about it, and the remedy for a
 * declared error status: the sentences of the error catalogue.
 */
import type { OperationModel } from '../model/types.js';
import type { ProblemSlug } from '../runtime/problem/slugs.js';

export interface ProblemText {
  when: string;
  remedy: string;
  appliesTo: (op: OperationModel) => boolean;
}

const hasBody = (op: OperationModel) => op.requestBody !== undefined;
const hasInput = (op: OperationModel) => op.requestBody !== undefined || op.parameters.length > 0;

export const PROBLEM_TEXTS: Record<ProblemSlug, ProblemText> = {
  'idempotency-key-missing': {
    when: 'The operation requires an idempotency key and the request carries none.',
    remedy: 'Send a unique key where the operation takes it; the generated client does so on every call.',
    appliesTo: (op) => op.idempotency?.required === true,
  },
  'idempotency-key-invalid': {
    when: 'The key is sent twice, empty, longer than 255 characters or not visible ASCII (a header).',
    remedy: 'Send one key of at most 255 visible ASCII characters, such as a UUID.',
    appliesTo: (op) => op.idempotency !== undefined,
  },
  'idempotency-key-reused': {
    when: 'The key was already used with a different request (its fingerprint differs).',
    remedy: 'Use a new key for a new request; reuse a key only to repeat exactly the same request.',
    appliesTo: (op) => op.idempotency !== undefined,
  },
  'idempotency-request-in-progress': {
    when: 'A request with the same key is still running (a retry met the first attempt in flight).',
    remedy: 'Wait for the Retry-After hint and retry with the same key; you get the first request’s outcome.',
    appliesTo: (op) => op.idempotency !== undefined,
  },
  'request-validation-failed': {
    when: 'A parameter or the body does not match the API description; the problem’s errors member lists each mismatch.',
    remedy: 'Fix the request where the errors member points; retrying it unchanged fails again.',
    appliesTo: hasInput,
  },
  'request-too-large': {
    when: 'The body is larger than the operation’s limit (x-max-body-size, else the server’s, 1 MiB by default).',
    remedy: 'Send a smaller body, at most the maxBodyBytes the problem names.',
    appliesTo: hasBody,
  },
  'unsupported-media-type': {
    when: 'The body’s Content-Type is not one the operation declares.',
    remedy: 'Send the body as one of the media types in the answer’s Accept header.',
    appliesTo: hasBody,
  },
  'not-acceptable': {
    when: 'The Accept header takes none of the media types the operation answers with.',
    remedy: 'Accept one of the media types the problem’s available member lists.',
    appliesTo: (op) => op.responses.some((r) => r.mediaTypes.length > 0),
  },
  'dependency-unavailable': {
    when: 'The idempotency store could not be reached, so the request was not processed.',
    remedy: 'Retry with the same key after the Retry-After hint; nothing ran.',
    appliesTo: (op) => op.idempotency !== undefined,
  },
  'cursor-invalid': {
    when: 'A paging cursor was altered, made for another listing, or has expired (cursors are signed and dated).',
    remedy: 'Start the listing again from its first page, or resume from a cursor the server gave recently.',
    appliesTo: (op) => op.pagination !== undefined,
  },
  'webhook-signature-invalid': {
    when: 'A webhook or callback delivery’s Standard Webhooks signature is missing, wrong, or its timestamp is outside the tolerance.',
    remedy:
      'Sign each attempt with a current secret and the current time (webhook-id, webhook-timestamp, webhook-signature).',
    appliesTo: (op) => op.signature !== undefined,
  },
  'internal-error': {
    when: 'The handler failed (threw, or answered against the spec with response validation on).',
    remedy:
      'Retry with the same key if the operation is idempotent; otherwise quote the correlation id to the API’s operators.',
    appliesTo: () => true,
  },
  'not-implemented': {
    when: 'The server has no handler for the operation yet.',
    remedy: 'Nothing to do on the client: the API’s operators have to implement the operation.',
    appliesTo: () => true,
  },
};

const STATUS_REMEDIES: Record<string, string> = {
  '400': 'Fix the request as the answer describes; retrying it unchanged fails again.',
  '401': 'Authenticate (send valid credentials), then send the request again.',
  '403': 'Use credentials that may perform this operation; retrying does not help.',
  '404': 'Check the identifiers in the path; the resource does not exist (or is not visible to you).',
  '409': 'Read the current state of the resource and resolve the conflict before sending again.',
  '410': 'The resource is gone for good; stop using this identifier.',
  '412': 'Read the resource again and resend with its current validator.',
  '422': 'Change the request: the server understood it and refused it.',
  '429': 'Slow down: wait as Retry-After says, then retry.',
  '4': 'Change the request as the answer describes; retrying it unchanged fails again.',
  '5': 'Retry later with the same key, or report the answer to the API’s operators.',
  default: 'Read the answer’s status and body; act on it as its description says.',
};

export function statusRemedy(status: string): string {
  return STATUS_REMEDIES[status] ?? STATUS_REMEDIES[status.charAt(0)] ?? (STATUS_REMEDIES.default as string);
}
