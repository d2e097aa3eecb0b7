import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRouter, type RouteMatch } from '../../../src/runtime/server/router.js';
import { route, summary } from './route-table.js';

describe('createRouter', () => {
  const match = createRouter([
    route('get', '/orders/{id}'),
    route('get', '/orders/latest'),
    route('delete', '/orders/{id}'),
    route('get', '/{tenant}/orders'),
    route('post', '/files/{name}.json'),
    route('get', '/'),
  ]);

  it.each([
    ['GET', '/orders/latest', { id: 'get /orders/latest', params: {} }],
    ['GET', '/orders/42', { id: 'get /orders/{id}', params: { id: '42' } }],
    ['DELETE', '/orders/a%20b', { id: 'delete /orders/{id}', params: { id: 'a b' } }],
    ['GET', '/acme/orders', { id: 'get /{tenant}/orders', params: { tenant: 'acme' } }],
    ['GET', '/orders/orders', { id: 'get /orders/{id}', params: { id: 'orders' } }],
    ['POST', '/files/report.json', { id: 'post /files/{name}.json', params: { name: 'report' } }],
    ['GET', '/', { id: 'get /', params: {} }],
    ['PUT', '/orders/1', { kind: 'method-not-allowed', allow: ['DELETE', 'GET'] }],
    ['GET', '/orders/1/items', { kind: 'not-found' }],
    ['GET', '/nothing', { kind: 'not-found' }],
    ['GET', '/orders/%E0%A4%A', { kind: 'bad-path', name: 'id' }],
  ])('%s %s', (method, path, expected) => {
    expect(summary(match(method, path))).toEqual(expected);
  });

  // Generous: thousands of matches against a scan, slow on a loaded CI runner.
  it("matches as a scan of every template would, on GitHub's paths", { timeout: 180_000 }, () => {
    const spec = JSON.parse(
      readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key))
        .map((method) => route(method, template)),
    );
    const indexed = createRouter(routes);
    // The reference: one router per template tried in the same rank order is what the index must equal;
    // a router over all routes without the index is the same code path with every template a candidate.
    const scan = (method: string, path: string): RouteMatch => {
      const results = routes.filter((r) =>
        new RegExp(`^${r.pathTemplate.replace(/\{[^}/]+\}/g, '[^/]+')}$`).test(path),
      );
      if (results.length === 0) return { kind: 'not-found' };
      return createRouter(results)(method, path);
    };
    const paths = Object.keys(spec.paths).flatMap((template) => [
      template.replace(/\{[^}/]+\}/g, 'x'),
      template.replace(/\{[^}/]+\}/g, (_, i: number) => `v${i}`),
      `${template.replace(/\{[^}/]+\}/g, 'y')}/extra`,
    ]);
    let found = 0;
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PATCH']) {
        const result = indexed(method, path);
        if (result.kind === 'found') found++;
        expect(summary(result), `${method} ${path}`).toEqual(summary(scan(method, path)));
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
