import { matchesStatusPatterns } from '../shared/status-pattern.js';
import { base64ToBytes, bytesToBase64 } from './digest.js';
import type { StoredOutcome } from './store.js';
import type { IdempotentResponse } from './types.js';

const NEVER_REPLAYED = new Set([409, 429]);

/**
 * Whether an outcome is stored and replayed: its status matches one of the patterns (`2XX`, a range, or an
 * exact code such as `201`) and is not 409 or 429, which always release the key so that a retry executes.
 */
export function isReplayableStatus(status: number, patterns: readonly (string | number)[]): boolean {
  if (NEVER_REPLAYED.has(status)) return false;
  return matchesStatusPatterns(status, patterns, { defaultMatchesAll: false });
}

/** Per `replayHeaders` list (the same array on every request of a route), the lower-case names kept. */
const keptHeaderSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function keptHeaders(replayHeaders: readonly string[]): ReadonlySet<string> {
  let kept = keptHeaderSets.get(replayHeaders);
  if (kept === undefined) {
    kept = new Set(['content-type', ...replayHeaders.map((name) => name.toLowerCase())]);
    keptHeaderSets.set(replayHeaders, kept);
  }
  return kept;
}

/**
 * What is kept of a response: status, body, `content-type` and the headers the operation declares
 * (`replayHeaders`), names lower-cased. Other headers (cookies, dates, tracing) are not replayed.
 */
export function responseToOutcome(
  response: IdempotentResponse,
  replayHeaders: readonly string[],
): StoredOutcome {
  const kept = keptHeaders(replayHeaders);
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) {
    const lower = name.toLowerCase();
    if (kept.has(lower)) headers[lower] = response.headers[name]!;
  }
  const { body } = response;
  if (body instanceof Uint8Array) {
    return { status: response.status, headers, body: bytesToBase64(body), bodyEncoding: 'base64' };
  }
  return { status: response.status, headers, body: body ?? '', bodyEncoding: 'text' };
}

/** The replayed response: the stored outcome plus `idempotent-replayed: true`; an empty body is left out. */
export function outcomeToResponse(outcome: StoredOutcome): IdempotentResponse {
  // Copied name by name: a spread of stored header objects (of many shapes) was slow in the replay profile.
  const headers: Record<string, string> = {};
  const stored = outcome.headers;
  for (const name of Object.keys(stored)) headers[name] = stored[name]!;
  headers['idempotent-replayed'] = 'true';
  if (outcome.body === '') return { status: outcome.status, headers };
  const body = outcome.bodyEncoding === 'base64' ? base64ToBytes(outcome.body) : outcome.body;
  return { status: outcome.status, headers, body };
}
