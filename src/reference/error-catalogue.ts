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
import { PROBLEM_TEXTS, statusRemedy } from './problem-texts.js';

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
 * The site-wide catalogue: every framework problem (given `operations`, those that one of them can answer:
 * no webhook signature problem for an API without signed receivers), then the router's two, retryability
 * under the default retryOn.
 */
export function frameworkCatalogue(operations?: readonly OperationModel[]): CatalogueEntry[] {
  const slugs = (Object.keys(FRAMEWORK_PROBLEMS) as ProblemSlug[]).filter(
    (slug) => operations === undefined || operations.some((op) => PROBLEM_TEXTS[slug].appliesTo(op)),
  );
  const framework = slugs.map((slug) => {
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
