import { pathToCanonical } from './canonical-path.js';
import { createRecord } from './request-parts.js';
import type { ServerRoute } from './types.js';

export type RouteMatch =
  | {
      kind: 'found';
      route: ServerRoute;
      params: Record<string, string>;
      /** The parameters as the path wrote them (canonical percent-encoding), for routes with `parameters`. */
      rawParams?: Record<string, string>;
    }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'bad-path'; name: string };

interface CompiledTemplate {
  regex: RegExp;
  names: string[];
  /** Per segment: 0 static, 1 with a parameter. Lower sorts first, so static segments win. */
  rank: number[];
  byMethod: Map<string, ServerRoute>;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The template with its static text in canonical percent-encoding (parameters as they are). */
const templateToCanonical = (template: string): string =>
  template
    .split(/(\{[^}/]+\})/)
    .map((part, index) => (index % 2 === 1 ? part : (pathToCanonical(part) ?? part)))
    .join('');

function compileTemplate(template: string): Omit<CompiledTemplate, 'byMethod'> {
  const names: string[] = [];
  const segments = template.split('/');
  const source = segments
    .map((segment) =>
      segment
        .split(/(\{[^}/]+\})/)
        .map((part) => {
          const param = /^\{([^}/]+)\}$/.exec(part);
          if (param === null) return escapeRegex(part);
          names.push(param[1]!);
          return '([^/]+)';
        })
        .join(''),
    )
    .join('/');
  const rank = segments.map((segment) => (segment.includes('{') ? 1 : 0));
  return { regex: new RegExp(`^${source}$`), names, rank };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * A small router over path templates: each template becomes a regex with one group per `{name}` (a
 * parameter matches one whole or partial segment, never a `/`). Templates are tried with static segments
 * before parameters, segment by segment, so `/orders/latest` wins over `/orders/{id}`. The first matching
 * template that has the method wins; when matching templates exist but none has the method, the answer is
 * 405 with their methods. Parameter values are percent-decoded; a malformed escape is `bad-path`. A route
 * with `parameters` (styles to parse) also gets them as written (`rawParams`), since `label`, `matrix` and
 * arrays split on delimiters before decoding.
 * Templates and paths are compared in one canonical percent-encoding (`pathToCanonical`), so `/café/{p}`
 * matches `/caf%C3%A9/x` and `/caf%c3%a9/x`. Parameters are collected in a null-prototype record: a
 * parameter named `__proto__` or `constructor` is an own value like any other.
 *
 * Only templates that can match are tried: those with the path's number of segments whose first segment
 * is the path's (or has a parameter). On GitHub's 700 templates that is a few dozen instead of all.
 */
export function createRouter(routes: readonly ServerRoute[]): (method: string, path: string) => RouteMatch {
  const byTemplate = new Map<string, CompiledTemplate>();
  for (const route of routes) {
    const template = templateToCanonical(route.pathTemplate);
    let compiled = byTemplate.get(template);
    if (compiled === undefined) {
      compiled = { ...compileTemplate(template), byMethod: new Map() };
      byTemplate.set(template, compiled);
    }
    compiled.byMethod.set(route.method.toUpperCase(), route);
  }
  const templates = [...byTemplate.entries()].sort(([, a], [, b]) => compareRanks(a.rank, b.rank));
  const candidates = indexTemplates(templates);

  return (method, requestPath) => {
    const path = pathToCanonical(requestPath);
    if (path === undefined) return { kind: 'not-found' };
    let allow: Set<string> | undefined;
    const upper = method.toUpperCase();
    for (const template of candidates(path)) {
      const match = template.regex.exec(path);
      if (match === null) continue;
      const route = template.byMethod.get(upper);
      if (route === undefined) {
        allow ??= new Set();
        for (const name of template.byMethod.keys()) allow.add(name);
        continue;
      }
      const params: Record<string, string> = createRecord();
      for (const [index, name] of template.names.entries()) {
        try {
          params[name] = decodeURIComponent(match[index + 1] ?? '');
        } catch {
          return { kind: 'bad-path', name };
        }
      }
      if (route.parameters === undefined) return { kind: 'found', route, params };
      const rawParams: Record<string, string> = createRecord();
      for (const [index, name] of template.names.entries()) rawParams[name] = match[index + 1] ?? '';
      return { kind: 'found', route, params, rawParams };
    }
    return allow ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' };
  };
}

const NONE: readonly CompiledTemplate[] = [];

/** Segment count and first segment of a path (`/a/b` -> 3 segments with the leading empty one, `a`). */
function shapeOf(path: string): { count: number; first: string } {
  let count = 1;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) count++;
  const start = path.startsWith('/') ? 1 : 0;
  const end = path.indexOf('/', start);
  return { count, first: path.slice(start, end === -1 ? undefined : end) };
}

/**
 * Rank-ordered templates -> the rank-ordered templates a path can match: same segment count, and a first
 * segment equal to the path's or holding a parameter.
 */
function indexTemplates(
  templates: readonly [string, CompiledTemplate][],
): (path: string) => readonly CompiledTemplate[] {
  const byCount = new Map<
    number,
    { byFirst: Map<string, CompiledTemplate[]>; anyFirst: CompiledTemplate[] }
  >();
  for (const [template, compiled] of templates) {
    const { count, first } = shapeOf(template);
    let bucket = byCount.get(count);
    if (bucket === undefined) {
      bucket = { byFirst: new Map(), anyFirst: [] };
      byCount.set(count, bucket);
    }
    if (first.includes('{')) {
      bucket.anyFirst.push(compiled);
      for (const list of bucket.byFirst.values()) list.push(compiled);
    } else {
      let list = bucket.byFirst.get(first);
      if (list === undefined) {
        list = [...bucket.anyFirst];
        bucket.byFirst.set(first, list);
      }
      list.push(compiled);
    }
  }
  return (path) => {
    const { count, first } = shapeOf(path);
    const bucket = byCount.get(count);
    if (bucket === undefined) return NONE;
    return bucket.byFirst.get(first) ?? bucket.anyFirst;
  };
}
