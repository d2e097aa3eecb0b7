/**
 * The parameters that a route's `parameters` list describes (those not written in their location's default
 * way, every array- or object-shaped one, and every cookie): parsed from the request's raw text by their
 * style (`runtime/shared/parameters`), before validation. Routes without such a list never come here.
 */
import {
  parseCookieParameters,
  parseHeaderParameter,
  parsePathParameter,
  parseQueryParameters,
} from '../shared/parameters/index.js';
import type { ParameterSpec } from '../shared/parameters/types.js';
import { createRecord } from './request-parts.js';
import type { ValidationIssue } from './types.js';

/** RFC 6901: `~` as `~0`, `/` as `~1`. */
const pointerToken = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** By a name: the generated output is also checked with `noPropertyAccessFromIndexSignature`. */
const COOKIE = 'cookie';

/** Cookies of an operation without cookie parameters: one frozen empty record for every request. */
export const NO_COOKIES: Readonly<Record<string, unknown>> = Object.freeze(createRecord<unknown>());

export interface ParameterParts {
  /** Decoded path parameters (replaced in place by the parsed values). */
  path: Record<string, unknown>;
  /** Path parameters as the request wrote them, still percent-encoded. */
  rawPath: Readonly<Record<string, string>>;
  /** Query parameters from `searchParamsToQuery` (replaced in place by the parsed values). */
  query: Record<string, unknown>;
  /** The query string without `?`, still percent-encoded. */
  rawQuery: string;
  /** Every query parameter name the operation declares. */
  queryNames: readonly string[];
  /** Header names lower-cased (replaced in place by the parsed values). */
  headers: Record<string, unknown>;
}

/**
 * Parses each described parameter into `parts` and returns the cookies (by parameter name) and the
 * issues, one per value that does not parse, pointed at `/path/<name>`, `/query/<name>`,
 * `/headers/<name>` or `/cookies/<name>`.
 */
export function parseParameters(
  specs: readonly ParameterSpec[],
  parts: ParameterParts,
): { cookies: Record<string, unknown>; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const query: ParameterSpec[] = [];
  const cookie: ParameterSpec[] = [];
  for (const spec of specs) {
    if (spec.in === 'query') query.push(spec);
    else if (spec.in === 'cookie') cookie.push(spec);
    else if (spec.in === 'path') {
      if (!Object.hasOwn(parts.rawPath, spec.name)) continue;
      const parsed = parsePathParameter(spec, parts.rawPath[spec.name]!);
      if (parsed.ok) parts.path[spec.name] = parsed.value;
      else issues.push({ pointer: `/path/${pointerToken(spec.name)}`, message: parsed.message });
    } else {
      const name = spec.name.toLowerCase();
      const raw = parts.headers[name];
      if (typeof raw !== 'string') continue;
      const parsed = parseHeaderParameter(spec, raw);
      if (parsed.ok) parts.headers[name] = parsed.value;
      else issues.push({ pointer: `/headers/${pointerToken(name)}`, message: parsed.message });
    }
  }
  if (query.length > 0) parseQuery(query, parts, issues);
  let cookies: Record<string, unknown> = NO_COOKIES;
  if (cookie.length > 0) {
    const raw = parts.headers[COOKIE];
    const parsed = parseCookieParameters(cookie, typeof raw === 'string' ? raw : '');
    cookies = Object.assign(createRecord<unknown>(), parsed.values);
    for (const issue of parsed.issues)
      issues.push({ pointer: `/cookies/${pointerToken(issue.name)}`, message: issue.message });
  }
  return { cookies, issues };
}

/**
 * The described query parameters replace what `searchParamsToQuery` made of their text: a parsed value
 * for each one present, and none of the names they were spread over (`color[R]`, or an exploded object's
 * properties) unless another parameter has that name.
 */
function parseQuery(specs: readonly ParameterSpec[], parts: ParameterParts, issues: ValidationIssue[]): void {
  const parsed = parseQueryParameters(specs, parts.rawQuery, parts.queryNames);
  const declared = new Set(parts.queryNames);
  for (const spec of specs) {
    const { name } = spec;
    if (spec.style === 'deepObject') {
      for (const key of Object.keys(parts.query)) if (key.startsWith(`${name}[`)) delete parts.query[key];
    }
    if (!Object.hasOwn(parsed.values, name)) {
      delete parts.query[name];
      continue;
    }
    const value = parsed.values[name];
    parts.query[name] = value;
    const spread = (spec.style ?? 'form') === 'form' && (spec.explode ?? true) && spec.shape === 'object';
    if (spread && typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) if (!declared.has(key)) delete parts.query[key];
    }
  }
  for (const issue of parsed.issues)
    issues.push({ pointer: `/query/${pointerToken(issue.name)}`, message: issue.message });
}
