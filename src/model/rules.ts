/**
 * The safety rules: codes, default severities and descriptions as data; `checkRules` runs the checks over
 * a built model; `parseRuleFlags` reads `--rule <code>=<error|warn|off>`.
 */
import type { Severity, SeveritySetting, UnlocatedDiagnostic } from '../core/diagnostics.js';
import { PAGINATION_RULE_CHECKS } from './pagination-rules.js';
import { RULE_CHECKS } from './rule-checks.js';
import type { ApiModel } from './types.js';

export const RULES = {
  'unsafe-retry': {
    defaultSeverity: 'error',
    description: 'x-retry reaches a POST or PATCH without x-idempotency; the client will not retry it.',
  },
  'compat-retry-not-applied': {
    defaultSeverity: 'warning',
    description:
      'x-speakeasy-retries on the root or a path item reaches a POST or PATCH without x-idempotency; that migration default is not applied.',
  },
  'key-outlives-retry': {
    defaultSeverity: 'error',
    description: 'The idempotency ttl is shorter than x-retry.maxElapsed, so a key could expire mid-retry.',
  },
  'lease-shorter-than-attempt': {
    defaultSeverity: 'error',
    description:
      'inProgressTimeout is shorter than attemptTimeout, so a retry could take over a running lease.',
  },
  'retry-after-too-long': {
    defaultSeverity: 'warning',
    description:
      'x-idempotency.retryAfter is longer than inProgressTimeout, or not shorter than x-retry.maxElapsed, so the poll hint is cut or never fits.',
  },
  'retry-permanent-status': {
    defaultSeverity: 'warning',
    description: 'retryOn holds a permanent 4XX status (400, 401, 403, 404, 422, ...) or the 4XX range.',
  },
  'idempotency-on-safe-method': {
    defaultSeverity: 'warning',
    description: 'x-idempotency on GET, HEAD, OPTIONS or TRACE, which are safe and need no key.',
  },
  'key-pointer-missing': {
    defaultSeverity: 'error',
    description: 'The idempotency key pointer or name names nothing in the request.',
  },
  'compat-alias-shadowed': {
    defaultSeverity: 'warning',
    description:
      'A compat alias (x-speakeasy-retries, x-fern-idempotent, x-speakeasy-pagination, x-fern-pagination, x-ms-long-running-operation) is ignored next to our extension on the same node.',
  },
  'operation-id-not-identifier': {
    defaultSeverity: 'warning',
    description: 'An operationId is not a JavaScript identifier; the generated code uses a safe name.',
  },
  'operation-id-collision': {
    defaultSeverity: 'warning',
    description:
      "Two operations have the same id, or one's generated names clash with another's; the later one is renamed (pay -> pay2).",
  },
  'name-renamed': {
    defaultSeverity: 'warning',
    description:
      "A tag's module name or an operationId collides with the generator's own names or a reserved name (then, constructor, ...); the generated code renames it.",
  },
  'header-name-invalid': {
    defaultSeverity: 'error',
    description:
      'A header name (header parameter, idempotency key header, header: in fingerprint or scope) is not an HTTP token (RFC 9110).',
  },
  'pagination-parameter-missing': {
    defaultSeverity: 'error',
    description:
      'x-pagination names a cursor, offset or limit parameter that the operation does not declare in its query.',
  },
  'pagination-field-missing': {
    defaultSeverity: 'error',
    description:
      "x-pagination's items or nextCursor names nothing in the page response (a body field or a declared header).",
  },
  'pagination-offset-unstable': {
    defaultSeverity: 'warning',
    description:
      'Offset paging over data that the description says changes: a listing may repeat or skip items.',
  },
  'long-running-without-202': {
    defaultSeverity: 'warning',
    description: 'x-long-running on an operation that declares no 202 response.',
  },
} as const satisfies Record<string, { defaultSeverity: Severity; description: string }>;

export type RuleCode = keyof typeof RULES;
/** Severities by rule code; codes not named keep their default. */
export type RuleSeverities = Partial<Record<string, SeveritySetting>>;

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(RULES, code);
}

/** Apply configured severities to diagnostics of configurable codes; `off` drops them. */
export function applySeverities(options: {
  diagnostics: readonly UnlocatedDiagnostic[];
  severities: RuleSeverities;
}): UnlocatedDiagnostic[] {
  const out: UnlocatedDiagnostic[] = [];
  for (const d of options.diagnostics) {
    const setting = isRuleCode(d.code) ? options.severities[d.code] : undefined;
    if (setting === 'off') continue;
    out.push(setting === undefined ? d : { ...d, severity: setting });
  }
  return out;
}

/**
 * Run every safety rule over every operation. Diagnostics that share code and pointer (one root
 * annotation reaching many operations) are reported once, naming the other operations.
 */
export function checkRules(options: { model: ApiModel; severities?: RuleSeverities }): UnlocatedDiagnostic[] {
  const byPlace = new Map<string, { diagnostic: UnlocatedDiagnostic; also: string[] }>();
  for (const op of options.model.operations) {
    for (const check of [...RULE_CHECKS, ...PAGINATION_RULE_CHECKS]) {
      for (const found of check({ op, document: options.model.document })) {
        const place = `${found.diagnostic.code}\u0000${found.diagnostic.pointer}`;
        const seen = byPlace.get(place);
        if (seen) seen.also.push(found.label);
        else byPlace.set(place, { diagnostic: found.diagnostic, also: [] });
      }
    }
  }
  const diagnostics = [...byPlace.values()].map(({ diagnostic, also }) =>
    also.length === 0
      ? diagnostic
      : { ...diagnostic, message: `${diagnostic.message} Also: ${also.join(', ')}.` },
  );
  return applySeverities({ diagnostics, severities: options.severities ?? {} });
}

const SETTINGS: Record<string, SeveritySetting> = {
  error: 'error',
  warn: 'warning',
  warning: 'warning',
  off: 'off',
};

/** `--rule unsafe-retry=warn` flags -> severities, with a message for each flag that cannot be read. */
export function parseRuleFlags(flags: readonly string[]): { severities: RuleSeverities; errors: string[] } {
  const severities: RuleSeverities = {};
  const errors: string[] = [];
  const known = Object.keys(RULES).join(', ');
  for (const flag of flags) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(flag);
    if (!match) {
      errors.push(`Cannot read --rule "${flag}": expected <code>=<error|warn|off>.`);
      continue;
    }
    const [, code, value] = match as unknown as [string, string, string];
    const setting = SETTINGS[value.toLowerCase()];
    if (!isRuleCode(code)) errors.push(`Unknown rule "${code}" in --rule "${flag}". Rules: ${known}.`);
    else if (setting === undefined)
      errors.push(`Unknown severity "${value}" in --rule "${flag}": use error, warn or off.`);
    else severities[code] = setting;
  }
  return { severities, errors };
}
