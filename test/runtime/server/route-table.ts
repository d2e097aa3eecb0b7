/** Route-table entries and match summaries shared by the router tests. */
import type { RouteMatch } from '../../../src/runtime/server/router.js';
import type { ServerRoute } from '../../../src/runtime/server/types.js';

/** A route named after its method and template, with no body, replay headers or idempotency. */
export const route = (method: string, pathTemplate: string): ServerRoute => ({
  operationId: `${method} ${pathTemplate}`,
  method,
  pathTemplate,
  replayHeaders: [],
  requestBodyRequired: false,
  bodyMediaTypes: [],
});

/** A match as plain data: the route's id and a plain copy of the (null-prototype) params. */
export const summary = (match: RouteMatch) =>
  match.kind === 'found' ? { id: match.route.operationId, params: { ...match.params } } : match;
