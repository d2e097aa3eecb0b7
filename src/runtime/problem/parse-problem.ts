import { statusToPhrase } from './status-phrase.js';
import { ABOUT_BLANK, type ProblemDetails } from './types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a problem details body (already parsed from JSON). As RFC 9457 asks, members of the wrong type are
 * ignored: a non-string `type` becomes `about:blank`, a non-string `title` the status phrase, and so on.
 * `status` is the status of the HTTP response (authoritative; the body's `status` member is advisory and is
 * overwritten). Every other member is kept as an extension. A body that is not an object gives a bare
 * problem for the status.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3.1 RFC 9457 section 3.1, members of a problem details object
 */
export const parseProblem = (body: unknown, status: number): ProblemDetails => {
  const members: Record<string, unknown> = isRecord(body) ? body : {};
  // Destructured, not read as `members.type`: a project with `noPropertyAccessFromIndexSignature` compiles this.
  const { type, title, detail, instance } = members;
  const problem: ProblemDetails = {
    ...members,
    type: typeof type === 'string' && type !== '' ? type : ABOUT_BLANK,
    title: typeof title === 'string' ? title : statusToPhrase(status),
    status,
  };
  if (typeof detail !== 'string') delete problem.detail;
  if (typeof instance !== 'string') delete problem.instance;
  return problem;
};
