/** What every check gets, and the helpers they share: sending, re-sending through 409s, comparing answers. */
import type { JsonObject } from '../../core/json.js';
import type { OperationModel } from '../../model/types.js';
import { parseRetryAfter } from '../../runtime/retry/retry-after.js';
import type { CheckName } from '../check-names.js';
import type { FaultProxy } from '../fault-proxy.js';
import { type RequestTemplate, toProbe } from '../request-template.js';
import type { SchemaValidator } from '../schema-validator.js';
import type { Send } from '../send-request.js';
import type {
  CheckOutcome,
  Exchange,
  ExchangeRole,
  ProbeRequest,
  ProbeResponse,
  VerifySetup,
} from '../types.js';

export interface CheckContext {
  operation: OperationModel;
  template: RequestTemplate;
  document: JsonObject;
  baseUrl: string;
  setup: VerifySetup;
  validator: SchemaValidator;
  send: Send;
  /** Started on first use, by the run. */
  proxy(): Promise<FaultProxy>;
  newKey(): string;
  sleep(ms: number): Promise<void>;
  /** Every exchange of the operation, in order: what the passive checks judge. */
  recorded: Exchange[];
}

/** A request a check will send, listed by `--dry-run` before anything is sent. */
export interface PlannedRequest {
  label: string;
  role: ExchangeRole;
  request: ProbeRequest;
  /** How it is sent, when not plainly: `through the fault proxy, answer dropped`, `5 at once`. */
  note?: string;
}

export interface Verdict {
  outcome: CheckOutcome;
  reason?: string;
  exchanges: Exchange[];
}

/** A check that sends requests of its own. `skip` says why it does not apply to the operation. */
export interface ActiveCheck {
  name: CheckName;
  skip(context: CheckContext): string | undefined;
  plan(context: CheckContext): PlannedRequest[];
  run(context: CheckContext, plan: PlannedRequest[]): Promise<Verdict>;
}

export async function sendPlanned(
  context: CheckContext,
  planned: PlannedRequest,
  options: { baseUrl?: string; viaProxy?: boolean } = {},
): Promise<Exchange> {
  const result = await context.send({
    baseUrl: options.baseUrl ?? context.baseUrl,
    request: planned.request,
  });
  const exchange: Exchange = {
    label: planned.label,
    role: planned.role,
    request: planned.request,
    ...('response' in result ? { response: result.response } : { error: result.error }),
    ...(options.viaProxy ? { viaProxy: true } : {}),
  };
  context.recorded.push(exchange);
  return exchange;
}

const MAX_POLLS = 10;
const MAX_WAIT_MS = 5_000;

/**
 * Sends the request, and again while the server answers 409 with a `Retry-After` (a duplicate still in
 * progress), waiting as told (at most 5 s a time, 10 times): what a client honouring the contract does.
 */
export async function sendSettled(context: CheckContext, planned: PlannedRequest): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  for (let poll = 0; poll <= MAX_POLLS; poll++) {
    const exchange = await sendPlanned(
      context,
      poll === 0 ? planned : { ...planned, label: `${planned.label} (poll ${poll})` },
    );
    exchanges.push(exchange);
    const wait = exchange.response?.status === 409 ? retryAfterMs(exchange.response) : undefined;
    if (wait === undefined) return exchanges;
    await context.sleep(Math.min(wait, MAX_WAIT_MS));
  }
  return exchanges;
}

/** The operation's valid request (its template) under a key no other probe has used. */
export function probeWithNewKey(context: CheckContext): ProbeRequest {
  return toProbe({
    operation: context.operation,
    template: context.template,
    key: { key: context.newKey() },
  });
}

export function retryAfterMs(response: ProbeResponse): number | undefined {
  return parseRetryAfter({ headers: { get: (name) => response.headers[name] ?? null }, now: Date.now() });
}

export const isReplayed = (response: ProbeResponse): boolean =>
  response.headers['idempotent-replayed']?.trim().toLowerCase() === 'true';

export const isSuccess = (response: ProbeResponse): boolean =>
  response.status >= 200 && response.status < 300;

/** Bodies are identical when equal as JSON (key order and white space aside), else byte for byte. */
export function sameBody(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The `type` member's last segment, when the body is a JSON object with one. */
export function problemSlug(response: ProbeResponse): string | undefined {
  const body = parseJson(response.body) as { type?: unknown } | undefined;
  if (typeof body?.type !== 'string') return undefined;
  return /([^/#:]+)\/?$/.exec(body.type)?.[1];
}

/**
 * Whether the answer names the problem `slug`: as its problem `type` (`.../idempotency-key-missing`), or,
 * in an error envelope the spec declares, as any string member (`{ "error": { "code": "idempotency-key-missing" } }`).
 */
export function namesProblem(response: ProbeResponse, slug: string): boolean {
  const names = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string')
      return value === slug || value.endsWith(`/${slug}`) || value.endsWith(`#${slug}`);
    if (depth > 3 || value === null || typeof value !== 'object') return false;
    return Object.values(value).some((child) => names(child, depth + 1));
  };
  return names(parseJson(response.body), 0);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The verdict when the valid request verify built was not accepted: nothing else can be judged. */
export function notAccepted(exchange: Exchange, baseUrl: string): Verdict {
  if (!exchange.response)
    return fail(`the request got no answer (${exchange.error}): is the server running at ${baseUrl}?`, [
      exchange,
    ]);
  return fail(
    `the request verify built from the spec got status ${exchange.response.status}, not a 2xx: give a request ` +
      'the server accepts (--body, --path-param, --header, or verify.requests in the config)',
    [exchange],
  );
}

export const pass = (exchanges: Exchange[]): Verdict => ({ outcome: 'pass', exchanges });
export const fail = (reason: string, exchanges: Exchange[]): Verdict => ({
  outcome: 'fail',
  reason,
  exchanges,
});
