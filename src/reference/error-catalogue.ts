/**
 * Every problem type the generated server can answer (`runtime/problem/slugs.ts`), with when it happens and
 * what to do, and which of them (and of the operation's declared error responses) apply to one operation and
 * whether its client retries them. Retryability comes from the runtime's own `classifyStatus`.
 */
import type { OperationModel, ResponseModel } from '../model/types.js';
import { FRAMEWORK_PROBLEMS, type ProblemSlug } from '../runtime/problem/slugs.js';
import { classifyStatus } from '../runtime/retry/classify.js';
import { DEFAULT_RETRY_ON } from '../runtime/retry/defaults.js';
import { isStatusRange } from '../runtime/shared/status-pattern.js';

interface ProblemText {
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

export type Retried = 'yes' | 'no' | 'one-attempt';

export interface CatalogueEntry {
  /** `problem-<slug>` for the framework's problems: the anchor of the site-wide catalogue entry. */
  anchor?: string;
  status: string;
  name: string;
  when: string;
  remedy: string;
  retried: Retried;
  retriedText: string;
}

/** The router's answers, `about:blank` problems whose status says it all (`runtime/server/server-core.ts`). */
const ROUTING_PROBLEMS: readonly CatalogueEntry[] = [
  {
    anchor: 'problem-not-found',
    status: '404',
    name: 'about:blank (Not Found)',
    when: 'No operation of the API matches the request’s path.',
    remedy: 'Check the path against the operations listed here (and the server’s base URL).',
    retried: 'no',
    retriedText: 'No',
  },
  {
    anchor: 'problem-method-not-allowed',
    status: '405',
    name: 'about:blank (Method Not Allowed)',
    when: 'The path exists, but no operation on it takes the request’s method.',
    remedy: 'Use one of the methods the answer’s Allow header lists.',
    retried: 'no',
    retriedText: 'No',
  },
];

/**
 * The site-wide catalogue: every framework problem, then the router's two, retryability under the default
 * retryOn.
 */
export function frameworkCatalogue(): CatalogueEntry[] {
  const framework = (Object.keys(FRAMEWORK_PROBLEMS) as ProblemSlug[]).map((slug) => {
    const { status, title } = FRAMEWORK_PROBLEMS[slug];
    const retried = classifyStatus({ status, problemType: slug, retryOn: DEFAULT_RETRY_ON }).transient;
    return {
      anchor: `problem-${slug}`,
      status: String(status),
      name: `${slug} (${title})`,
      when: PROBLEM_TEXTS[slug].when,
      remedy: PROBLEM_TEXTS[slug].remedy,
      retried: retried ? 'yes' : 'no',
      retriedText: retried ? 'Yes, under the default retryOn' : 'No',
    } satisfies CatalogueEntry;
  });
  return [...framework, ...ROUTING_PROBLEMS];
}

/** Whether the operation's client retries a status (with a problem slug), as `executeWithRetry` decides. */
function retriedBy(op: OperationModel, status: number, slug?: string): Retried {
  const retry = op.retry;
  if (!retry || op.retrySuppressed || retry.maxAttempts <= 1) return 'one-attempt';
  return classifyStatus({ status, problemType: slug, retryOn: retry.retryOn }).transient ? 'yes' : 'no';
}

const RETRIED_TEXT: Record<Retried, string> = {
  yes: 'Yes',
  no: 'No',
  'one-attempt': 'No (one attempt)',
};

const retriedText = (op: OperationModel, retried: Retried): string =>
  retried === 'yes' && op.idempotency ? 'Yes, with the same key' : RETRIED_TEXT[retried];

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

function statusRemedy(status: string): string {
  return STATUS_REMEDIES[status] ?? STATUS_REMEDIES[status.charAt(0)] ?? (STATUS_REMEDIES.default as string);
}

function declaredEntry(op: OperationModel, response: ResponseModel): CatalogueEntry {
  const { status } = response;
  let retried: Retried;
  let text: string;
  if (/^\d{3}$/.test(status)) {
    retried = retriedBy(op, Number(status));
    text = retriedText(op, retried);
  } else {
    // A range or `default`: some of its statuses may be retried; name them.
    const conditions = op.retry && !op.retrySuppressed && op.retry.maxAttempts > 1 ? op.retry.retryOn : [];
    const inRange = conditions.filter(
      (c) => c !== 'network' && c !== 'timeout' && (status === 'default' || String(c)[0] === status[0]),
    );
    retried = inRange.length > 0 ? 'yes' : retriedBy(op, 0) === 'one-attempt' ? 'one-attempt' : 'no';
    text = inRange.length > 0 ? `For ${inRange.join(', ')}` : retriedText(op, retried);
  }
  return {
    status,
    name: isStatusRange(status) || status === 'default' ? `${status} (declared)` : 'declared',
    when: response.description?.trim() || 'Declared by the spec without a description.',
    remedy: statusRemedy(status),
    retried,
    retriedText: text,
  };
}

const isError = (status: string): boolean => status === 'default' || /^[45]/.test(status);

/** The framework problems that apply to the operation, then its declared error responses. */
export function operationCatalogue(op: OperationModel): CatalogueEntry[] {
  const framework = (Object.keys(FRAMEWORK_PROBLEMS) as ProblemSlug[])
    .filter((slug) => PROBLEM_TEXTS[slug].appliesTo(op))
    .map((slug): CatalogueEntry => {
      const { status } = FRAMEWORK_PROBLEMS[slug];
      const retried = retriedBy(op, status, slug);
      return {
        anchor: `problem-${slug}`,
        status: String(status),
        name: slug,
        when: PROBLEM_TEXTS[slug].when,
        remedy: PROBLEM_TEXTS[slug].remedy,
        retried,
        retriedText: retriedText(op, retried),
      };
    });
  const declared = op.responses.filter((r) => isError(r.status)).map((r) => declaredEntry(op, r));
  // By status, framework problems first within one status (a stable sort keeps the table's order).
  return [...framework, ...declared].sort((a, b) => a.status.localeCompare(b.status));
}
