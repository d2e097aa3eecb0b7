import type { IdempotentResponse } from '../idempotency/types.js';
import { coreToWebResponse, isBodilessStatus } from './core-exchange.js';
import type { HandlerResult } from './types.js';

/**
 * A handler's result as the engine stores it: header names lower-cased, the body serialized. A string or
 * bytes with a `content-type` header is sent as it is; any other body is JSON (`application/json` unless
 * the handler set a content type). 204, 205 and 304 carry no body.
 */
export function handlerResultToResponse(result: HandlerResult): IdempotentResponse {
  const headers: Record<string, string> = {};
  const given = result.headers;
  if (given !== undefined)
    for (const name of Object.keys(given)) headers[name.toLowerCase()] = String(given[name]);
  const { status, body } = result;
  if (body === undefined || isBodilessStatus(status)) return { status, headers };
  const typed = headers['content-type'] !== undefined;
  if (typed && (typeof body === 'string' || body instanceof Uint8Array)) return { status, headers, body };
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: JSON.stringify(body) };
}

/** A Web `Response` from a stored or fresh response, with `x-request-id`. */
export function responseToWebResponse(response: IdempotentResponse, correlationId: string): Response {
  return coreToWebResponse({ ...response, headers: { ...response.headers, 'x-request-id': correlationId } });
}

/** Whether a status matches a declared one: `201`, a range `2XX`, or `default`. */
export function isDeclaredStatus(status: number, declared: readonly string[]): boolean {
  return declared.some((pattern) => {
    const text = pattern.toUpperCase();
    if (text === 'DEFAULT') return true;
    if (/^[1-5]XX$/.test(text)) return Math.floor(status / 100) === Number(text[0]);
    return Number(text) === status;
  });
}
