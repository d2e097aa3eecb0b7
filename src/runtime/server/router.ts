import type { ServerRoute } from './types.js';

export type RouteMatch =
  | { kind: 'found'; route: ServerRoute; params: Record<string, string> }
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
 * 405 with their methods. Parameter values are percent-decoded; a malformed escape is `bad-path`.
 */
export function createRouter(routes: readonly ServerRoute[]): (method: string, path: string) => RouteMatch {
  const byTemplate = new Map<string, CompiledTemplate>();
  for (const route of routes) {
    let compiled = byTemplate.get(route.pathTemplate);
    if (compiled === undefined) {
      compiled = { ...compileTemplate(route.pathTemplate), byMethod: new Map() };
      byTemplate.set(route.pathTemplate, compiled);
    }
    compiled.byMethod.set(route.method.toUpperCase(), route);
  }
  const templates = [...byTemplate.values()].sort((a, b) => compareRanks(a.rank, b.rank));

  return (method, path) => {
    const allow = new Set<string>();
    for (const template of templates) {
      const match = template.regex.exec(path);
      if (match === null) continue;
      const route = template.byMethod.get(method.toUpperCase());
      if (route === undefined) {
        for (const name of template.byMethod.keys()) allow.add(name);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [index, name] of template.names.entries()) {
        try {
          params[name] = decodeURIComponent(match[index + 1] ?? '');
        } catch {
          return { kind: 'bad-path', name };
        }
      }
      return { kind: 'found', route, params };
    }
    return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' };
  };
}
