/**
 * Proactive content negotiation (RFC 9110 section 12.5.1): which of an operation's response media types an
 * `Accept` header takes. Ranges are `type/subtype`, `type/*` or `*\/*`, each with an optional `q` weight
 * (0 to 1, default 1; `q=0` means "not this"). The most specific range that matches a type gives its
 * weight. Media type parameters other than `q` are ignored for matching (`text/plain; charset=utf-8` is
 * `text/plain`). A malformed header never throws: a range that does not parse is skipped, a `q` that does
 * not parse counts as 1, and a header with no usable range accepts everything.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1 RFC 9110 section 12.5.1, Accept
 */
import { mediaTypeOf } from '../shared/media-type.js';

/** An `Accept` header as weights by range: `text/csv` -> 1, `text/*` -> 0.5, `*\/*` -> 0.1. */
type Weights = ReadonlyMap<string, number>;

const parsed = new Map<string, Weights | null>();
const PARSED_MAX = 64;
const Q_VALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The weight of one range's parameters: its `q`, or 1. Accept-extensions after `q` are ignored. */
function weightOf(params: string[]): number {
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'q') continue;
    const value = param.slice(eq + 1).trim();
    return Q_VALUE.test(value) ? Number(value) : 1;
  }
  return 1;
}

/** The header's ranges and weights; `null` when it names none (then everything is acceptable). */
function parseAccept(accept: string): Weights | null {
  const weights = new Map<string, number>();
  for (const item of accept.split(',')) {
    const [range = '', ...params] = item.split(';');
    const media = mediaTypeOf(range);
    const slash = media.indexOf('/');
    if (slash <= 0 || slash === media.length - 1 || media.indexOf('/', slash + 1) >= 0) continue;
    if (media.startsWith('*/') && media !== '*/*') continue;
    // A range listed twice: the higher weight (a client that repeats one means it).
    weights.set(media, Math.max(weights.get(media) ?? 0, weightOf(params)));
  }
  return weights.size === 0 ? null : weights;
}

function weightsOf(accept: string): Weights | null {
  let weights = parsed.get(accept);
  if (weights === undefined) {
    weights = parseAccept(accept);
    // Bounded: values come from clients. Cleared rather than evicted one by one (rarely reached).
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(accept, weights);
  }
  return weights;
}

/**
 * The weight `weights` give `offered`: the most specific matching range's. An offered wildcard
 * (`image/*`, `*\/*`: the operation may answer any such type) takes the highest weight of the ranges it
 * overlaps.
 */
function weightFor(offered: string, weights: Weights): number {
  const slash = offered.indexOf('/');
  const type = offered.slice(0, slash);
  if (offered === '*/*') return Math.max(...weights.values());
  if (offered.endsWith('/*')) {
    let best = weights.get('*/*') ?? 0;
    for (const [range, q] of weights) if (range.startsWith(`${type}/`) && q > best) best = q;
    return best;
  }
  return weights.get(offered) ?? weights.get(`${type}/*`) ?? weights.get('*/*') ?? 0;
}

/**
 * The offered media type to answer with: the one `accept` weighs highest (above 0), the first offered on a
 * tie; the first offered when there is no `Accept` header (or no usable range in it); `undefined` when
 * nothing is offered, `null` when `accept` takes none of them (406). Offered types are compared without
 * their parameters but returned as given.
 */
export function negotiateMediaType(
  accept: string | undefined,
  offered: readonly string[],
): string | undefined | null {
  const first = offered[0];
  // The fast path: no header, or one that names the first offered type outright.
  if (accept === undefined || first === undefined || accept === '*/*' || accept === first) return first;
  const weights = weightsOf(accept);
  if (weights === null) return first;
  let best: string | null = null;
  let bestWeight = 0;
  for (const media of offered) {
    const weight = weightFor(mediaTypeOf(media), weights);
    if (weight > bestWeight) {
      best = media;
      bestWeight = weight;
    }
  }
  return best;
}
